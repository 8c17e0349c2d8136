import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// Reads JSON case data by the grammar of RFC 8259: numbers keep their decimal digits exactly, and a
/// file that is not well-formed is refused at its first bad byte, with the line and column.
///
/// A long top-level list need not be held: ``items(in:)`` checks the whole text once and keeps only where
/// each item starts and ends, and ``item(_:in:)`` reads one item when it is needed.
struct JSONReader {
    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    /// False while only checking: nothing is built.
    private let builds: Bool

    private init(bytes: UnsafeRawBufferPointer, at start: Int = 0, builds: Bool) {
        self.bytes = bytes
        self.builds = builds
        i = start
        if start == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The value the text holds.
    static func value(in data: Data) throws(SyntaxProblem) -> TemplateValue {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw, builds: true)
            return Result { () throws(SyntaxProblem) in try reader.whole { r throws(Stop) in try r.value() } }
        }.get()
    }

    /// Where each item of a top-level list starts and ends, the whole text checked; nil when the text is not a list.
    static func items(in data: Data) throws(SyntaxProblem) -> [Range<Int>]? {
        try data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw, builds: false)
            return Result { () throws(SyntaxProblem) in try reader.whole { r throws(Stop) in try r.topLevelItems() } }
        }.get()
    }

    /// One item of a list found by ``items(in:)``.
    static func item(_ range: Range<Int>, in data: Data) -> TemplateValue {
        data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw, at: range.lowerBound, builds: true)
            return (try? reader.value()) ?? .null
        }
    }

    private struct Stop: Error {
        var kind: SyntaxProblem.Kind
        var at: Int
    }

    /// Reads with `body`, then requires the end of the text; a problem is located by line and column.
    private mutating func whole<T>(_ body: (inout JSONReader) throws(Stop) -> T) throws(SyntaxProblem) -> T {
        do throws(Stop) {
            let result = try body(&self)
            space()
            guard i == bytes.count else { throw unexpected() }
            return result
        } catch {
            throw located(error)
        }
    }

    private mutating func topLevelItems() throws(Stop) -> [Range<Int>]? {
        space()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else {
            _ = try value()
            return nil
        }
        var ranges: [Range<Int>] = []
        i += 1
        space()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return ranges }
        while true {
            space()
            let start = i
            _ = try value()
            ranges.append(start..<i)
            guard try next(close: UInt8(ascii: "]")) else { return ranges }
        }
    }

    private mutating func value() throws(Stop) -> TemplateValue {
        space()
        guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try list()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw unexpected()
        }
    }

    private mutating func object() throws(Stop) -> TemplateValue {
        var members: [FieldKey: TemplateValue] = [:]
        i += 1
        space()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            space()
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            guard bytes[i] == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try string()
            space()
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            guard bytes[i] == UInt8(ascii: ":") else { throw unexpected() }
            i += 1
            let member = try value()
            if builds { members[FieldKey(key)] = member }
            guard try next(close: UInt8(ascii: "}")) else { return .object(members) }
        }
    }

    private mutating func list() throws(Stop) -> TemplateValue {
        var items: [TemplateValue] = []
        i += 1
        space()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .list(items) }
        while true {
            let item = try value()
            if builds { items.append(item) }
            guard try next(close: UInt8(ascii: "]")) else { return .list(items) }
        }
    }

    /// After a member or an item: true at a comma (another follows), false at the closing bracket.
    private mutating func next(close: UInt8) throws(Stop) -> Bool {
        space()
        guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
        if bytes[i] == close { i += 1; return false }
        guard bytes[i] == UInt8(ascii: ",") else { throw unexpected() }
        i += 1
        return true
    }

    private mutating func string() throws(Stop) -> String {
        let start = i
        i += 1
        var plainFrom = i
        var text: [UInt8] = []
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""):
                defer { i += 1 }
                guard builds else { return "" }
                if text.isEmpty { return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[plainFrom..<i]), as: UTF8.self) }
                text += bytes[plainFrom..<i]
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                if builds { text += bytes[plainFrom..<i] }
                try escape(into: &text)
                plainFrom = i
            case 0..<0x20: throw Stop(kind: .controlCharacter(UInt32(bytes[i])), at: i)
            default: i += 1
            }
        }
        throw Stop(kind: .unclosedQuote, at: start)
    }

    /// `\n`, `\"`, `\u4E2D`, a surrogate pair `\uD83D\uDE00`: appended as UTF-8.
    private mutating func escape(into text: inout [UInt8]) throws(Stop) {
        guard i + 1 < bytes.count else { throw Stop(kind: .unexpectedEnd, at: bytes.count) }
        let c = bytes[i + 1]
        i += 2
        let simple: UInt8? = switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): c
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple { text.append(simple); return }
        guard c == UInt8(ascii: "u") else { i -= 1; throw unexpected() }
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
            i += 2
            let low = try hex4()
            scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
        }
        text += Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    }

    private mutating func hex4() throws(Stop) -> UInt32 {
        var n: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            guard let digit = Character(Unicode.Scalar(bytes[i])).hexDigitValue else { throw unexpected() }
            n = n * 16 + UInt32(digit)
            i += 1
        }
        return n
    }

    private mutating func word(_ w: StaticString) throws(Stop) {
        for k in 0..<w.utf8CodeUnitCount {
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            guard bytes[i] == w.utf8Start[k] else { throw unexpected() }
            i += 1
        }
    }

    /// `-12.50`, `1e3`: by the grammar (`-`? int frac? exp?), kept as an exact decimal.
    private mutating func number() throws(Stop) -> TemplateValue {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        guard digits() > 0 else { throw unexpected() }
        if bytes[intStart] == UInt8(ascii: "0") && i - intStart > 1 { i = intStart + 1; throw unexpected() }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw unexpected() }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { throw unexpected() }
        }
        guard builds else { return .null }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let n = Decimal(string: text, locale: .posix) else { i = start; throw unexpected() }
        return .number(n)
    }

    private mutating func digits() -> Int {
        let start = i
        while i < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        return i - start
    }

    private mutating func space() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// The character at the current place, whole (a Chinese character is several bytes).
    private func unexpected() -> Stop {
        guard i < bytes.count else { return Stop(kind: .unexpectedEnd, at: i) }
        var end = i + 1
        while end < bytes.count && end < i + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Stop(kind: .unexpected(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)), at: i)
    }

    /// Line and column (in characters, 1-based) of the byte where the reading stopped.
    private func located(_ stop: Stop) -> SyntaxProblem {
        let before = UnsafeRawBufferPointer(rebasing: bytes[..<min(stop.at, bytes.count)])
        // On the first line a byte-order mark takes no column in an editor.
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? (bytes.starts(with: [0xEF, 0xBB, 0xBF]) && before.count >= 3 ? 3 : 0)
        let line = before.count { $0 == 0x0A } + 1
        let column = String(decoding: UnsafeRawBufferPointer(rebasing: before[lineStart...]), as: UTF8.self).count + 1
        return SyntaxProblem(.json, stop.kind, line: line, column: column)
    }
}
