extension String {
    /// The longest start of the string that fits in `bytes` UTF-8 bytes, cut between characters (grapheme
    /// clusters), for limits a file system counts in bytes.
    package func prefix(utf8Bytes bytes: Int) -> String {
        guard utf8.count > bytes else { return self }
        var used = 0
        var end = startIndex
        for character in self {
            let size = character.utf8.count
            guard used + size <= bytes else { break }
            used += size
            end = index(after: end)
        }
        return String(self[..<end])
    }
}
