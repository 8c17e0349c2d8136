extension Array where Element == UInt8 {
    /// Appends a text's UTF-8 bytes in one copy (`+= text.utf8` goes byte by byte).
    package mutating func append(utf8 text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { append(contentsOf: text.utf8) }
    }

    /// Appends a whole number in decimal digits, without making a `String` of it.
    package mutating func append(decimal n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        var m = n.magnitude
        if m < 10 {
            append(UInt8(ascii: "0") + UInt8(m))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = digits.count
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            } while m > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }
}
