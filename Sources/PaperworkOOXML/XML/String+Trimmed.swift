extension StringProtocol {
    /// The text without leading and trailing white space (ideographic spaces and line breaks included).
    ///
    /// Pure Swift: Foundation's `trimmingCharacters` bridges through NSString and costs microseconds
    /// a call on Linux, which shows in 100,000-row files.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first...last])
    }
}
