import Foundation

/// Finds where JSON text stops being well-formed, for a message that names the line and column.
///
/// Foundation's decoder says only that the data "was corrupted"; this walks the bytes by the grammar of
/// RFC 8259 and stops at the first byte that does not fit. It runs only after Foundation has refused the file.
struct JSONSyntax {
    private let bytes: [UInt8]
    private var i = 0

    /// The first problem in `data`, or nil when the text is well-formed JSON.
    static func firstProblem(in data: Data) -> SyntaxProblem? {
        var scanner = JSONSyntax(bytes: Array(data))
        if scanner.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.i = 3 }
        do throws(Stop) {
            try scanner.value()
            scanner.space()
            guard scanner.i == scanner.bytes.count else { throw scanner.unexpected() }
            return nil
        } catch {
            return scanner.located(error)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private struct Stop: Error {
        var kind: SyntaxProblem.Kind
        var at: Int
    }

    private mutating func value() throws(Stop) {
        space()
        guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"): try container(close: UInt8(ascii: "}"), keyed: true)
        case UInt8(ascii: "["): try container(close: UInt8(ascii: "]"), keyed: false)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw unexpected()
        }
    }

    private mutating func container(close: UInt8, keyed: Bool) throws(Stop) {
        i += 1
        space()
        if i < bytes.count && bytes[i] == close { i += 1; return }
        while true {
            if keyed {
                space()
                guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
                guard bytes[i] == UInt8(ascii: "\"") else { throw unexpected() }
                try string()
                space()
                guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
                guard bytes[i] == UInt8(ascii: ":") else { throw unexpected() }
                i += 1
            }
            try value()
            space()
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            if bytes[i] == close { i += 1; return }
            guard bytes[i] == UInt8(ascii: ",") else { throw unexpected() }
            i += 1
        }
    }

    private mutating func string() throws(Stop) {
        let start = i
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\""): i += 1; return
            case UInt8(ascii: "\\"): i += 2
            case 0..<0x20: throw Stop(kind: .controlCharacter(UInt32(bytes[i])), at: i)
            default: i += 1
            }
        }
        throw Stop(kind: .unclosedQuote, at: start)
    }

    private mutating func word(_ w: String) throws(Stop) {
        for c in w.utf8 {
            guard i < bytes.count else { throw Stop(kind: .unexpectedEnd, at: i) }
            guard bytes[i] == c else { throw unexpected() }
            i += 1
        }
    }

    private mutating func number() throws(Stop) {
        let start = i
        while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
        guard Double(String(decoding: bytes[start..<i], as: UTF8.self)) != nil else { i = start; throw unexpected() }
    }

    private mutating func space() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    /// The character at the current place, whole (a Chinese character is several bytes).
    private func unexpected() -> Stop {
        var end = i + 1
        while end < bytes.count && end < i + 4 && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Stop(kind: .unexpected(String(decoding: bytes[i..<min(end, bytes.count)], as: UTF8.self)), at: i)
    }

    /// Line and column (in characters, 1-based) of the byte where the walk stopped.
    private func located(_ stop: Stop) -> SyntaxProblem {
        let before = bytes[..<min(stop.at, bytes.count)]
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = String(decoding: bytes[lineStart..<min(stop.at, bytes.count)], as: UTF8.self).count + 1
        return SyntaxProblem(.json, stop.kind, line: line, column: column)
    }
}
