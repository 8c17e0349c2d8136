/// A tag as `paperwork inspect` lists it.
public struct TagInfo: Sendable, Equatable {
    /// The tag as written, braces included.
    public var source: String
    public var place: Place
}
