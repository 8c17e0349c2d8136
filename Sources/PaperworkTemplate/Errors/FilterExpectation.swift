/// What a filter needs, for messages: the kind of value it takes, or how its arguments are written.
public enum FilterExpectation: Sendable, Hashable {
    /// An amount `rmb_upper` can write in capitals.
    case amountInRange
    case number
    case date
    /// `number(2)`, `percent(1)`: a count of decimal places from 0 to 10.
    case decimalPlaces(filter: String)
    /// `date("yyyy-MM-dd")`.
    case datePattern
    /// `format("#,##0.00")`.
    case numberPicture
    /// `default("…")`.
    case defaultText
    /// `wrap("前", "后")`: the text before and, optionally, after.
    case wrapText
    /// The filter takes no arguments.
    case noArguments(filter: String)
    /// A drop-down list content control's items (display texts).
    case oneOf([String])

    func text(_ zh: Bool) -> String {
        switch self {
        case .amountInRange: zh ? "0 至 1 万亿之间的金额" : "an amount from 0 to one trillion"
        case .number: zh ? "数字" : "a number"
        case .date: zh ? "日期（如 2020-05-14）" : "a date (such as 2020-05-14)"
        case .decimalPlaces(let f): zh ? "\(f)(小数位数 0–10)" : "\(f)(decimal places 0–10)"
        case .datePattern: "date(\"yyyy-MM-dd\")"
        case .numberPicture: "format(\"#,##0.00\")"
        case .defaultText: "default(\"…\")"
        case .wrapText: "wrap(\"…\", \"…\")"
        case .noArguments(let f): f
        case .oneOf(let items): zh ? "以下之一：" + items.joined(separator: "、") : "one of: " + items.joined(separator: ", ")
        }
    }
}

/// The kind of a value, for messages.
public enum ValueKind: String, Sendable, Hashable {
    case null, boolean, number, text, list, object

    func name(_ zh: Bool) -> String {
        guard zh else { return rawValue }
        switch self {
        case .null: return "空值"
        case .boolean: return "是否值"
        case .number: return "数字"
        case .text: return "文字"
        case .list: return "列表"
        case .object: return "对象"
        }
    }
}
