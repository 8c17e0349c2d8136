import Foundation
import PaperworkTemplate

/// One field of a form, as its manifest declares it.
public final class FieldSpec: Sendable, Decodable {
    /// The dotted key the template uses: `乙方.名称`.
    public let key: String
    /// The Chinese label shown to people and used as a column heading.
    public let label: String
    public let type: FieldType
    public let required: Bool
    /// Inclusive bounds for numbers, ratios and dates, written as text (`0`, `0.055`, `2020-01-01`).
    public let min: String?
    public let max: String?
    public let minLength: Int?
    public let maxLength: Int?
    /// Allowed values of an `enum`.
    public let values: [String]?
    /// Other headings a spreadsheet may use for this field.
    public let aliases: [String]
    /// The fields of each item of a `list`.
    public let fields: [FieldSpec]?
    /// A hint for whoever fills the data.
    public let note: String?
    /// An example value, for data-entry sheets.
    public let example: String?

    enum CodingKeys: String, CodingKey {
        case key, label, type, required, min, max, values, aliases, fields, note, example
        case minLength = "min_length"
        case maxLength = "max_length"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        path = [FieldKey](dotted: key)
        label = try c.decodeIfPresent(String.self, forKey: .label) ?? key
        type = try c.decode(FieldType.self, forKey: .type)
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? true
        min = try c.decodeIfPresent(String.self, forKey: .min)
        max = try c.decodeIfPresent(String.self, forKey: .max)
        minNumber = min.flatMap(DecimalFormat.parseAmount)
        maxNumber = max.flatMap(DecimalFormat.parseAmount)
        minLength = try c.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        values = try c.decodeIfPresent([String].self, forKey: .values)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        fields = try c.decodeIfPresent([FieldSpec].self, forKey: .fields)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        example = try c.decodeIfPresent(String.self, forKey: .example)
    }

    /// The dotted key split into its parts.
    public let path: [FieldKey]
    /// `min` and `max` read as numbers once, for number fields.
    let minNumber: Decimal?
    let maxNumber: Decimal?
}
