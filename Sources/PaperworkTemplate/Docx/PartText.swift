/// The text a reader sees in a filled Word part, read from its bytes in one pass: every scalar of its text elements
/// (`w:t`, `a:t`) with the byte offset it starts at, and a separator (`\n`) where a paragraph, break, tab or cell
/// stands between texts or an escaped character (`&amp;`) stands in the text.
///
/// The passes that keep dates and numbers on one line read every filled document this way, so it works on the
/// bytes directly: no string, set or array is made per element.
struct PartText {
    /// A scalar that stands between paragraphs, breaks and tabs: nothing joins across it.
    static let separator: Unicode.Scalar = "\n"

    var scalars: [Unicode.Scalar] = []
    /// Where each scalar starts, and one more: the part's length.
    var offsets: [Int] = []

    init() {}

    init(_ bytes: [UInt8]) {
        self.init(bytes, in: [0..<bytes.count])
    }

    /// The text of the stretches `ranges` of the bytes only (whole paragraphs, in order); offsets are the bytes'.
    init(_ bytes: [UInt8], in ranges: [Range<Int>]) {
        let size = ranges.reduce(0) { $0 + $1.count }
        scalars.reserveCapacity(size / 4)
        offsets.reserveCapacity(size / 4)
        bytes.withUnsafeBufferPointer { buffer in
            for range in ranges { read(buffer, range) }
        }
        offsets.append(bytes.count)
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let count = range.upperBound
        var i = range.lowerBound
        var inText = false
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                let end = Self.tagEnd(bytes, from: i)
                let tag = Self.element(bytes, start: i, end: end)
                switch tag.kind {
                case .text: inText = !tag.closing && !tag.selfClosing
                case .separating:
                    scalars.append(Self.separator)
                    offsets.append(i)
                case .run, .runProperties, .language, .other: break
                }
                i = end + 1
                continue
            }
            guard inText else { i += 1; continue }
            if byte == UInt8(ascii: "&") {
                // An escaped character (`&amp;`): never a digit or a unit, so it only separates.
                var end = i
                while end < count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                scalars.append(Self.separator)
                offsets.append(i)
                i = end + 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if let scalar = Self.scalar(bytes, at: i, length: length) {
                scalars.append(scalar)
                offsets.append(i)
            }
            i += length
        }
    }

    /// The scalar whose UTF-8 encoding of `length` bytes starts at `i`, or nil where the bytes are not one.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Unicode.Scalar? {
        guard i + length <= bytes.count else { return nil }
        let lead = UInt32(bytes[i])
        switch length {
        case 1: return Unicode.Scalar(UInt8(lead))
        case 2: guard lead >= 0xC2 else { return nil }
        default: break
        }
        var value = lead & (0xFF >> UInt32(length + 1))
        for k in 1..<length {
            let byte = UInt32(bytes[i + k])
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (byte & 0x3F)
        }
        let smallest: UInt32 = length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80
        guard value >= smallest else { return nil }
        return Unicode.Scalar(value)
    }

    /// What an element is to these passes, by its local name.
    enum Kind {
        /// `t`: a text element.
        case text
        /// `p`, `br`, `cr`, `tab`, `ptab`, `tc`: elements that end a line of text or stand between texts.
        case separating
        /// `r`, `rPr`, `lang`: a run, its properties and its language.
        case run, runProperties, language
        case other
    }

    /// One tag read from the bytes: its kind, its qualified name's place, whether it closes or closes itself.
    struct Element {
        var kind: Kind
        var name: Range<Int>
        var closing: Bool
        var selfClosing: Bool
    }

    /// The tag that starts at `start` (`<`) and ends at `end` (its `>`, or the end of the bytes).
    static func element(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Element {
        let limit = min(end, bytes.count)
        let closing = start + 1 < limit && bytes[start + 1] == UInt8(ascii: "/")
        let selfClosing = limit > start + 1 && bytes[limit - 1] == UInt8(ascii: "/")
        let nameStart = closing ? start + 2 : start + 1
        var nameEnd = nameStart
        var localStart = nameStart
        while nameEnd < limit {
            let c = bytes[nameEnd]
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "/") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
            if c == UInt8(ascii: ":") { localStart = nameEnd + 1 }
            nameEnd += 1
        }
        let kind = localStart <= nameEnd ? Self.kind(bytes, localStart, nameEnd) : .other
        return Element(kind: kind, name: nameStart..<max(nameStart, nameEnd), closing: closing, selfClosing: selfClosing)
    }

    private static func kind(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Kind {
        func at(_ k: Int) -> UInt8 { b[s + k] }
        switch e - s {
        case 1:
            switch at(0) {
            case UInt8(ascii: "t"): return .text
            case UInt8(ascii: "p"): return .separating
            case UInt8(ascii: "r"): return .run
            default: return .other
            }
        case 2:
            let pair = (at(0), at(1))
            if pair == (UInt8(ascii: "b"), UInt8(ascii: "r")) || pair == (UInt8(ascii: "c"), UInt8(ascii: "r")) || pair == (UInt8(ascii: "t"), UInt8(ascii: "c")) {
                return .separating
            }
            return .other
        case 3:
            if at(0) == UInt8(ascii: "t") && at(1) == UInt8(ascii: "a") && at(2) == UInt8(ascii: "b") { return .separating }
            if at(0) == UInt8(ascii: "r") && at(1) == UInt8(ascii: "P") && at(2) == UInt8(ascii: "r") { return .runProperties }
            return .other
        case 4:
            if at(0) == UInt8(ascii: "p") && at(1) == UInt8(ascii: "t") && at(2) == UInt8(ascii: "a") && at(3) == UInt8(ascii: "b") { return .separating }
            if at(0) == UInt8(ascii: "l") && at(1) == UInt8(ascii: "a") && at(2) == UInt8(ascii: "n") && at(3) == UInt8(ascii: "g") { return .language }
            return .other
        default:
            return .other
        }
    }

    /// The tag's qualified name from what stands between `<` (or `</`) and `>`: `w:t w:x="1"/` → `w:t`.
    static func qualifiedName(_ tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        tag.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    }

    /// Where the tag starting at `start` (`<`) ends: the index of its `>` (quoted attribute values skipped), or the end.
    static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start + 1
        var quote: UInt8 = 0
        while end < bytes.count {
            let c = bytes[end]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: ">") {
                return end
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            }
            end += 1
        }
        return end
    }
}
