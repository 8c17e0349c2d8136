extension TagInfo {
    /// The value path the tag names, if it names one: `{{乙方.名称 | rmb}}` → `乙方.名称`, `{{#each 企业}}` → `企业`.
    public var path: ValuePath? {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count >= 4 else { return nil }
        let inner = String(String.UnicodeScalarView(scalars[2..<(scalars.count - 2)]))
        switch try? TagParser.parse(inner) {
        case .value(let e)?, .open(_, let e)?: return e.path
        default: return nil
        }
    }
}

extension DocumentTemplate {
    /// Every tag of the template with its place.
    public var tags: [TagInfo] {
        switch self {
        case .docx(let t): t.tags
        case .xlsx(let t): t.tags
        }
    }

    /// The first key of every path the tags name: the top-level values a fill reads (inside a loop,
    /// an item's own keys are among them too, since a name is looked up on the item first, then outward).
    public var topLevelKeys: Set<FieldKey> {
        Set(tags.compactMap { tag -> FieldKey? in
            if case .keys(let keys)? = tag.path { return keys.first }
            return nil
        })
    }
}
