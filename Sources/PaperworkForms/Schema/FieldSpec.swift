import Foundation
import PaperworkTemplate

/// One field of a form, as its manifest declares it.
public final class FieldSpec: Sendable {
    /// The dotted key the template uses: `乙方.名称`.
    public let key: String
    /// The Chinese label shown to people and used as a column heading.
    public let label: String
    public let type: FieldType
    /// The unit of a `quantity` (`平方米`).
    public let unit: String?
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
    /// The dotted key split into its parts.
    public let path: [FieldKey]
    /// `min` and `max` read as numbers once, for number fields.
    let minNumber: Decimal?
    let maxNumber: Decimal?
    /// Where the field is declared in its manifest.
    let line: Int
    let column: Int

    init(key: String, label: String?, type: FieldType, unit: String? = nil, required: Bool = true, min: String? = nil, max: String? = nil,
         minLength: Int? = nil, maxLength: Int? = nil, values: [String]? = nil, aliases: [String] = [], fields: [FieldSpec]? = nil,
         note: String? = nil, example: String? = nil, line: Int = 0, column: Int = 0) {
        self.key = key
        self.label = label ?? key
        self.type = type
        self.unit = unit
        self.required = required
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.values = values
        self.aliases = aliases
        self.fields = fields
        self.note = note
        self.example = example
        self.line = line
        self.column = column
        path = [FieldKey](dotted: key)
        minNumber = min.flatMap { Self.limit($0, type) }
        maxNumber = max.flatMap { Self.limit($0, type) }
    }

    /// What expressions see the field as.
    var valueType: ValueType { type.valueType(unit: unit) }

    /// A `min` or `max` as the number the field holds: a ratio's `5.5%` is 0.055, a percentage's `5.5` too.
    static func limit(_ text: String, _ type: FieldType) -> Decimal? {
        let percent = text.hasSuffix("%")
        guard let n = DecimalFormat.parseAmount(percent ? String(text.dropLast()) : text) else { return nil }
        switch type {
        case .percent: return n / 100
        case .ratio: return percent ? n / 100 : n
        default: return percent ? nil : n
        }
    }
}
