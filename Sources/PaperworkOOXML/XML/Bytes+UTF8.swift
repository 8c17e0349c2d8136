extension Array where Element == UInt8 {
    /// Appends a text's UTF-8 bytes in one copy (`+= text.utf8` goes byte by byte).
    public mutating func append(utf8 text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { append(contentsOf: $0) }
        if copied == nil { append(contentsOf: text.utf8) }
    }

    /// Appends a whole number in decimal digits, without making a `String` of it.
    public mutating func append(decimal n: Int) {
        if n < 0 { append(UInt8(ascii: "-")) }
        var m = n.magnitude, width = 1
        while m >= 10 { m /= 10; width += 1 }
        let end = count + width
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
        m = n.magnitude
        for i in stride(from: end - 1, through: end - width, by: -1) {
            self[i] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: m % 10)
            m /= 10
        }
    }
}
