/// A form: its template, its fields, its computed values and its rules (`form.yaml` beside the template).
public struct FormManifest: Sendable, Decodable {
    public enum Kind: String, Sendable, Decodable {
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
    /// A built-in policy calculation: `rent-reduction`, `interest-subsidy`, `hr-list`.
    public var calculation: String?
    public var fields: [FieldSpec]
    /// Fields the calculation adds, documented for template authors.
    public var computed: [ComputedSpec]
    public var rules: [RuleSpec]

    enum CodingKeys: String, CodingKey {
        case name, title, template, kind, rows, calculation, fields, computed, rules
        case outputName = "output_name"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? name
        template = try c.decode(String.self, forKey: .template)
        kind = try c.decodeIfPresent(Kind.self, forKey: .kind) ?? .document
        rows = try c.decodeIfPresent(String.self, forKey: .rows)
        outputName = try c.decodeIfPresent(String.self, forKey: .outputName)
        calculation = try c.decodeIfPresent(String.self, forKey: .calculation)
        fields = try c.decode([FieldSpec].self, forKey: .fields)
        computed = try c.decodeIfPresent([ComputedSpec].self, forKey: .computed) ?? []
        rules = try c.decodeIfPresent([RuleSpec].self, forKey: .rules) ?? []
    }

    /// The field spec of a top-level list.
    public var rowFields: [FieldSpec]? {
        guard let rows else { return nil }
        return fields.first { $0.key == rows }?.fields
    }
}

/// A value the form's calculation computes, for documentation.
public struct ComputedSpec: Sendable, Decodable {
    public var key: String
    public var label: String
    public var type: FieldType
}

/// A cross-field rule: `left op right`, where each side is a field key or a literal.
public struct RuleSpec: Sendable, Decodable {
    public enum Severity: String, Sendable, Decodable { case error, warning }

    public var id: String
    public var left: String
    public var op: String
    public var right: String
    public var severity: Severity
    /// The message in Chinese; `message_en` in English.
    public var message: String
    public var messageEn: String?
    /// For rules on list items: the list they apply to.
    public var each: String?

    enum CodingKeys: String, CodingKey {
        case id, left, op, right, severity, message, each
        case messageEn = "message_en"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        left = try c.decode(String.self, forKey: .left)
        op = try c.decode(String.self, forKey: .op)
        right = try c.decode(String.self, forKey: .right)
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
        message = try c.decode(String.self, forKey: .message)
        messageEn = try c.decodeIfPresent(String.self, forKey: .messageEn)
        each = try c.decodeIfPresent(String.self, forKey: .each)
    }
}
