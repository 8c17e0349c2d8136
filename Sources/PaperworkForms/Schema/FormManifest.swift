/// A form: its template, its fields, its computed values and its rules (`form.yaml` beside the template).
public struct FormManifest: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// One record, one document.
        case document
        /// Many records, one workbook (the records fill the list named `rows`).
        case list
    }

    public var name: String
    public var title: String
    /// The template file, relative to the manifest.
    public var template: String
    public var kind: Kind
    /// For list forms: the list that rows of a spreadsheet fill (`企业`).
    public var rows: String?
    /// The pattern for output file names in batches: `{{乙方.名称}}-租金减免补充协议`.
    public var outputName: String?
    public var fields: [FieldSpec]
    /// Values computed from the fields and the policy, each an expression.
    public var computed: [ComputedSpec]
    public var rules: [RuleSpec]
    /// `output_name` with its place in the manifest, for the load check of its tags.
    var outputNameSource: SourceText? = nil

    /// The field spec of a top-level list.
    public var rowFields: [FieldSpec]? {
        guard let rows else { return nil }
        return fields.first { $0.key == rows }?.fields
    }
}

/// An expression as written in the manifest, with where it starts.
public struct SourceText: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
    /// Characters before the expression's first one on its line (1 for a quoted scalar).
    var lead: Int
}

/// A value the form computes: `key` (`减免.合计`, or `企业[].培训补贴` for each item of a list) from `value`.
public struct ComputedSpec: Sendable {
    public var key: String
    public var label: String
    public var type: FieldType
    public var unit: String?
    /// The expression; nil for a list made with `over` and `fields`.
    public var value: SourceText?
    /// When given, the value is computed only when this holds.
    public var when: SourceText?
    /// For a computed list: the list each item is made from (`item` names its element).
    public var over: SourceText?
    /// For a computed list: the fields of each item.
    public var fields: [ComputedSpec]
    /// Used by other expressions and rules, but not put into the case (not for templates).
    public var isInternal: Bool
    var line: Int
    var column: Int

    /// What expressions see the value as.
    var valueType: ValueType { type.valueType(unit: unit) }
}

/// A rule that must hold, its message and the field its finding points at.
public struct RuleSpec: Sendable {
    public enum Severity: String, Sendable, CaseIterable { case error, warning }

    public var id: String
    /// The condition that must hold.
    public var check: SourceText?
    /// For rules on a list's items: a value no two items may share (`企业[].信用代码`).
    public var unique: SourceText?
    /// The rule applies only when this holds.
    public var when: SourceText?
    /// For rules on list items: the list they apply to.
    public var each: String?
    /// The field a finding points at, and its label (the field's own, unless given).
    public var field: String?
    public var label: String?
    /// The value a finding shows (the field's, unless given).
    public var value: SourceText?
    public var severity: Severity
    /// The message in Chinese and English; `{expression}` shows a value.
    public var message: SourceText
    public var messageEn: SourceText?
    var line: Int
    var column: Int
}
