/// The kinds of value a form field holds.
public enum FieldType: String, Sendable, Codable, CaseIterable {
    case text
    case integer
    /// Yuan, two decimal places.
    case amount
    /// A ratio: `0.055`, written `5.5%` too.
    case ratio
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
        case .amount: "金额（元）"
        case .ratio: "比例"
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
