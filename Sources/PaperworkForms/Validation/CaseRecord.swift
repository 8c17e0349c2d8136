import PaperworkTemplate

/// One case as read from a file, with where it came from.
public struct CaseRecord: Sendable {
    public var value: TemplateValue
    /// The row in the source spreadsheet or CSV, when it came from one.
    public var row: Int?
    /// For list forms: the source row of each item of the list rows fill.
    public var itemRows: [Int]?

    public init(value: TemplateValue, row: Int? = nil, itemRows: [Int]? = nil) {
        self.value = value
        self.row = row
        self.itemRows = itemRows
    }
}

/// A case after validation: its values converted to their types, computed fields added, and every finding.
public struct ValidatedCase: Sendable {
    public var value: TemplateValue
    public var findings: [Finding]

    /// True when no finding is an error (warnings do not block).
    public var isValid: Bool { !findings.contains { $0.severity == .error } }
}
