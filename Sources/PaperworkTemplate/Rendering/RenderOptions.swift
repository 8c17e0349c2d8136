/// How a fill treats values the data does not have.
public struct RenderOptions: Sendable {
    /// Paths (`乙方.传真`) that may be missing: they fill as empty text instead of being an error.
    public var optionalPaths: Set<String>

    /// For data with no form to type it: a workbook cell that is one bare tag writes text that reads as a number,
    /// a percentage or a date as a number or a date serial (`TypedText`). A form's field types decide instead.
    public var typesFromText: Bool

    /// A fill made only to find what the data cannot give (the check before anything is written): its output is
    /// thrown away, so the work that only shapes the output and cannot fail — keeping a date or an amount with its
    /// unit on one line in a Word part — is left out.
    public var checkOnly: Bool

    public init(optionalPaths: Set<String> = [], typesFromText: Bool = false, checkOnly: Bool = false) {
        self.optionalPaths = optionalPaths
        self.typesFromText = typesFromText
        self.checkOnly = checkOnly
    }
}
