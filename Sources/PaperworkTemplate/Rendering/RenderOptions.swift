/// How a fill treats values the data does not have.
public struct RenderOptions: Sendable {
    /// Paths (`乙方.传真`) that may be missing: they fill as empty text instead of being an error.
    public var optionalPaths: Set<String>

    public init(optionalPaths: Set<String> = []) {
        self.optionalPaths = optionalPaths
    }
}
