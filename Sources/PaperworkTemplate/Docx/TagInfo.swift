/// A tag as `paperwork inspect` lists it.
public struct TagInfo: Sendable, Equatable {
    /// The tag as written, braces included; for a mail-merge field, the tag it stands for.
    public var source: String
    public var place: Place
    /// The field instruction (`MERGEFIELD 企业名称 \\@ "yyyy年M月d日"`) when the value is a mail-merge field.
    public var field: String?

    public init(source: String, place: Place, field: String? = nil) {
        self.source = source
        self.place = place
        self.field = field
    }
}

extension TagInfo {
    /// The tag read by the tag language (nil when it does not parse; the template reports that itself).
    public var parsed: Tag? {
        var text = Substring(source)
        if text.hasPrefix("{{") { text = text.dropFirst(2) }
        if text.hasSuffix("}}") { text = text.dropLast(2) }
        return try? TagParser.parse(String(text))
    }
}
