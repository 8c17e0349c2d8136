import Foundation

/// Why a filter could not be applied.
public enum FilterFailure: Error, Sendable, Equatable {
    case unknown(String)
    case badArguments(filter: String, expected: FilterExpectation)
    case wrongKind(filter: String, value: String, expected: FilterExpectation)
}

/// The filters a render knows, by the name a tag calls them.
enum FilterName: String, Sendable {
    case rmb, rmbUpper = "rmb_upper", number, percent, date, dateUpper = "date_upper", check, `default`, format
    case upper, lower, caps, firstCap = "first_cap", wrap
    case listItem = "_list_item", xmlBoolean = "_xml_boolean"
    case unknown = ""
}

/// The formatters of the tag language, applied left to right.
enum Filters {
    static let names: Set<String> = [
        "rmb", "rmb_upper", "number", "percent", "date", "date_upper", "check", "default", "format",
        "upper", "lower", "caps", "first_cap", "wrap",
    ]

    /// The filter a drop-down list content control gets: its items as (value, display text) pairs; the value
    /// must be one of them, and the display text is written.
    static let listItem = FilterName.listItem.rawValue

    /// The filter of a data-bound check box's custom XML value: `true` or `false` (xsd:boolean), as Word stores it.
    static let xmlBoolean = FilterName.xmlBoolean.rawValue

    /// Checks a call's name and arguments when the template is compiled.
    static func check(_ call: FilterCall) throws(FilterFailure) {
        guard names.contains(call.name) || call.name == listItem || call.name == xmlBoolean else { throw .unknown(call.name) }
        let a = call.arguments
        switch call.name {
        case "number", "percent":
            guard a.isEmpty || (a.count == 1 && places(a[0]) != nil) else {
                throw .badArguments(filter: call.name, expected: .decimalPlaces(filter: call.name))
            }
        case "date":
            guard a.isEmpty || (a.count == 1 && isString(a[0])) else {
                throw .badArguments(filter: "date", expected: .datePattern)
            }
        case "format":
            guard a.count == 1, case .string(let picture) = a[0], NumberPicture.isPicture(picture) else {
                throw .badArguments(filter: "format", expected: .numberPicture)
            }
        case listItem:
            break
        case "default":
            guard a.count == 1 else { throw .badArguments(filter: "default", expected: .defaultText) }
        case "wrap":
            guard (1...2).contains(a.count), a.allSatisfy(isString) else { throw .badArguments(filter: "wrap", expected: .wrapText) }
        default:
            guard a.isEmpty else { throw .badArguments(filter: call.name, expected: .noArguments(filter: call.name)) }
        }
    }

    /// Applies one filter. `default` is the only one that accepts a missing value.
    static func apply(_ call: FilterCall, to value: TemplateValue) throws(FilterFailure) -> TemplateValue {
        switch call.filter {
        case .default:
            if value == .null || value == .string("") { return literal(call.arguments[0]) }
            return value
        case .rmb:
            return .string(DecimalFormat.money(try number(value, call)))
        case .rmbUpper:
            guard let text = ChineseAmount.capitals(try number(value, call)) else {
                throw .wrongKind(filter: call.name, value: display(value), expected: .amountInRange)
            }
            return .string(text)
        case .number:
            let n = try number(value, call)
            return .string(call.arguments.first.flatMap(places).map { DecimalFormat.fixed(n, places: $0) } ?? DecimalFormat.plain(n))
        case .listItem:
            let given = text(of: value) ?? ""
            var pairs: [(String, String)] = []
            var i = 0
            while i + 1 < call.arguments.count {
                if case .string(let v) = call.arguments[i], case .string(let d) = call.arguments[i + 1] { pairs.append((v, d)) }
                i += 2
            }
            guard let match = pairs.first(where: { $0.0 == given || $0.1 == given }) else {
                throw .wrongKind(filter: "dropDownList", value: display(value), expected: .oneOf(pairs.map(\.1)))
            }
            return .string(match.1)
        case .format:
            guard case .string(let picture)? = call.arguments.first else { throw .badArguments(filter: "format", expected: .numberPicture) }
            return .string(NumberPicture.format(try number(value, call), picture: picture))
        case .percent:
            let n = try number(value, call) * 100
            let text = call.arguments.first.flatMap(places).map { DecimalFormat.fixed(n, places: $0) } ?? DecimalFormat.plain(n)
            return .string(text + "%")
        case .date, .dateUpper:
            let date = try self.date(value, call)
            if call.filter == .dateUpper { return .string(ChineseDate.upper(date)) }
            if case .string(let pattern)? = call.arguments.first { return .string(ChineseDate.formatted(date, pattern: pattern)) }
            return .string(ChineseDate.official(date))
        case .check:
            return .string(value.isTruthy ? "☑" : "☐")
        case .xmlBoolean:
            return .string(value.isTruthy ? "true" : "false")
        case .upper, .lower, .caps, .firstCap:
            guard let text = text(of: value) else { return value }
            return .string(LetterCase(rawValue: call.name).map { $0.apply(text) } ?? text)
        case .wrap:
            guard let text = text(of: value), !text.isEmpty else { return value }
            let parts = call.arguments.map { if case .string(let s) = $0 { s } else { "" } }
            return .string(parts[0] + text + (parts.count > 1 ? parts[1] : ""))
        case .unknown:
            throw .unknown(call.name)
        }
    }

    /// The text a value prints as, when it is a scalar.
    static func text(of value: TemplateValue) -> String? {
        switch value {
        case .string(let s): s
        case .number(let n): DecimalFormat.plain(n)
        case .bool(let b): b ? "是" : "否"
        case .null, .list, .object: nil
        }
    }

    /// The value as a message quotes it: its text cut at 40 characters; a list or an object by its brackets.
    static func display(_ value: TemplateValue) -> String {
        if let text = text(of: value) { return text.count > 40 ? String(text.prefix(40)) + "…" : text }
        switch value {
        case .list: return "[…]"
        case .object: return "{…}"
        default: return ""
        }
    }

    private static func number(_ value: TemplateValue, _ call: FilterCall) throws(FilterFailure) -> Decimal {
        switch value {
        case .number(let n): return n
        case .string(let s):
            if let n = DecimalFormat.parseAmount(s) { return n }
        default: break
        }
        throw .wrongKind(filter: call.name, value: display(value), expected: .number)
    }

    private static func date(_ value: TemplateValue, _ call: FilterCall) throws(FilterFailure) -> CalendarDate {
        if case .string(let s) = value, let d = CalendarDate.parse(s) { return d }
        throw .wrongKind(filter: call.name, value: display(value), expected: .date)
    }

    private static func places(_ a: FilterArgument) -> Int? {
        guard case .number(let n) = a, n >= 0, n <= 10, n == DecimalFormat.rounded(n, places: 0) else { return nil }
        return NSDecimalNumber(decimal: n).intValue
    }

    private static func isString(_ a: FilterArgument) -> Bool {
        if case .string = a { return true }
        return false
    }

    private static func literal(_ a: FilterArgument) -> TemplateValue {
        switch a {
        case .string(let s): .string(s)
        case .number(let n): .number(n)
        }
    }
}
