extension String {
    /// The text without leading and trailing white space (ideographic spaces and line breaks included).
    ///
    /// Pure Swift on `String` itself: Foundation's `trimmingCharacters` bridges through NSString, and a
    /// generic `StringProtocol` version goes through witness tables; both cost microseconds a call,
    /// which shows in 100,000-row files.
    package var trimmed: String {
        guard hasWhiteSpaceAtEnds else { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isWhiteSpace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhiteSpace })!
        return String(scalars[start...end])
    }

    /// True when the text starts or ends with white space, decided from its end bytes where they settle it:
    /// an ASCII byte; a first byte no white-space character starts with; a last byte none ends with.
    package var hasWhiteSpaceAtEnds: Bool {
        let stored = utf8.withContiguousStorageIfAvailable { bytes in bytes.first.map { ($0, bytes[bytes.count - 1]) } }
        guard let (first, last) = stored ?? utf8.first.map({ ($0, utf8.last!) }) else { return false }
        if first < 0x80 {
            if Unicode.Scalar(first).isWhiteSpace { return true }
        } else if first == 0xC2 || (0xE1...0xE3).contains(first), unicodeScalars.first!.isWhiteSpace {
            return true
        }
        if last < 0x80 { return Unicode.Scalar(last).isWhiteSpace }
        return Self.mayEndWhiteSpace(last) && unicodeScalars.last!.isWhiteSpace
    }

    /// True for the last UTF-8 byte of a non-ASCII white-space character (U+0085, U+00A0, U+1680, U+2000–U+3000).
    private static func mayEndWhiteSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x80...0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF: true
        default: false
        }
    }
}

extension Substring {
    /// The text without leading and trailing white space, as `String.trimmed`.
    package var trimmed: String { String(self).trimmed }
}

extension Unicode.Scalar {
    /// White space: the characters of Unicode's White_Space property, listed (asking the property costs a table lookup).
    package var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
