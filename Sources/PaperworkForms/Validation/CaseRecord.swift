import PaperworkTemplate

/// One case as read from a file, with where it came from.
public struct CaseRecord: Sendable {
    public var value: TemplateValue
    /// The row in the source spreadsheet or CSV, when it came from one.
    public var row: Int?
    /// For a list form read from a table: the rows that are the list's items, left in the file.
    public var items: TableItems?

    public init(value: TemplateValue, row: Int? = nil, items: TableItems? = nil) {
        self.value = value
        self.row = row
        self.items = items
    }
}

/// A case after validation: its values converted to their types, computed fields added, and every finding.
public struct ValidatedCase: Sendable {
    public var value: TemplateValue
    public var findings: [Finding]
    /// Lists made item by item as they are filled (a list form's rows from a table), by key.
    public var streams: [FieldKey: any ItemStream] = [:]
    /// The row in the source spreadsheet or CSV, when the case is one row of it.
    public var row: Int?

    /// True when no finding is an error (warnings do not block).
    public var isValid: Bool { !findings.contains { $0.severity == .error } }
}
