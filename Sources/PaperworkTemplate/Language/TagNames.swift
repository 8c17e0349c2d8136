extension TagOccurrence {
    /// The first key of the path the tag reads (`乙方` for `{{乙方.名称}}`); nil for `this`, loop counters and
    /// tags that read nothing.
    var readName: String? {
        switch parsed {
        case .success(.value(let e)), .success(.open(_, let e)):
            if case .keys(let keys) = e.path { return keys[0].text }
            return nil
        default:
            return nil
        }
    }
}
