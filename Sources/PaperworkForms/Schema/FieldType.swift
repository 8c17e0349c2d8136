/// The kinds of value a form field holds.
public enum FieldType: String, Sendable, Codable, CaseIterable {
    case text
    case integer
    /// A whole number of things, not below 0, in the field's `unit` if it has one (参保人数 in 人): `12` or `12人`.
    case count
    /// Yuan, two decimal places.
    case amount
    /// A decimal quantity in the field's `unit` (建筑面积 in 平方米).
    case quantity
    /// A ratio: `0.055`, written `5.5%` too; shown as a percentage.
    case ratio
    /// A percentage written in points, `5.5` or `5.5%`, held as the ratio 0.055; shown with `%`.
    case percent
    case date
    case boolean
    /// One of the field's `values`.
    case `enum`
    /// 统一社会信用代码.
    case creditCode = "credit_code"
    /// 公民身份号码.
    case idNumber = "id_number"
    case phone
    case email
    /// A list of records with their own `fields`.
    case list

    /// The Chinese name of the type, for `forms show`.
    public var label: String {
        switch self {
        case .text: "文本"
        case .integer: "整数"
        case .count: "计数"
        case .amount: "金额（元）"
        case .quantity: "数量"
        case .ratio: "比例"
        case .percent: "百分比"
        case .date: "日期"
        case .boolean: "是/否"
        case .enum: "选项"
        case .creditCode: "统一社会信用代码"
        case .idNumber: "身份证号码"
        case .phone: "电话"
        case .email: "电子邮箱"
        case .list: "列表"
        }
    }
}

extension FieldType {
    /// The type expressions see a field of this type as, with its unit (`quantity` and `count`).
    func valueType(unit: String?) -> ValueType {
        switch self {
        case .integer: .number(.bare)
        case .count: .number(.count(unit.flatMap { $0.isEmpty ? nil : $0 }))
        case .amount: .number(.yuan)
        case .quantity: .number(.measure(unit ?? ""))
        case .ratio, .percent: .number(.ratio)
        case .date: .date
        case .boolean: .bool
        case .list: .list(.record([:]))
        default: .text
        }
    }
}

extension FieldType {
    /// True for the types that hold a number.
    var isNumber: Bool { [.integer, .count, .amount, .quantity, .ratio, .percent].contains(self) }

    /// The type as `forms show` prints it, with a quantity's or a count's unit: `数量（平方米）`, `计数（人）`, `金额（元）`.
    public func shown(unit: String?, _ zh: Bool) -> String {
        let name = zh ? label : rawValue
        guard let unit, !unit.isEmpty else { return name }
        return zh ? "\(name)（\(unit)）" : "\(name) (\(unit))"
    }
}
