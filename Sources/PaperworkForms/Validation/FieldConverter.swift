import Foundation
import PaperworkTemplate

/// Converts a raw value (from JSON, YAML, CSV or a spreadsheet) into the field's type.
enum FieldConverter {
    struct Failure: Error {
        var rule: String
        var zh: String
        var en: String
    }

    /// The converted value, or nil when the value is missing (null or blank text).
    static func convert(_ raw: TemplateValue, _ spec: FieldSpec, today: CalendarDate) throws(Failure) -> TemplateValue? {
        let text: String
        switch raw {
        case .null: return nil
        case .string(let s):
            text = s.trimmed
            if text.isEmpty { return nil }
        default: text = raw.displayText.trimmed
        }
        switch spec.type {
        case .text:
            guard case .string = raw else {
                if case .number = raw { return .string(text) }
                throw Failure(rule: "type", zh: "应为文字", en: "should be text")
            }
            return .string(text)
        case .integer:
            if case .number(let n) = raw, DecimalFormat.isRounded(n, places: 0) { return .number(n) }
            if case .string = raw, let n = DecimalFormat.parseAmount(Self.endsWithPerson(text) ? String(text.dropLast()) : text),
               DecimalFormat.isRounded(n, places: 0) { return .number(n) }
            throw Failure(rule: "type", zh: "应为整数", en: "should be a whole number")
        case .count:
            let unit = spec.unit ?? ""
            let figure = Self.endsWith(text, unit) ? String(decoding: text.utf8.dropLast(unit.utf8.count), as: UTF8.self).trimmed : text
            let n: Decimal? = if case .number(let v) = raw { v } else if case .string = raw { DecimalFormat.parseAmount(figure) } else { nil }
            guard let n, DecimalFormat.isRounded(n, places: 0), !(n < 0) else {
                throw Failure(rule: "type", zh: "应为不小于 0 的整数（如 12\(unit)）", en: "should be a whole count, 0 or more (e.g. 12 \(unit))")
            }
            return .number(n)
        case .percent:
            var s = text
            if s.hasSuffix("%") || s.hasSuffix("％") { s.removeLast() }
            let n: Decimal? = if case .number(let v) = raw { v } else if case .string = raw { DecimalFormat.parseAmount(s) } else { nil }
            guard let n else { throw Failure(rule: "type", zh: "应为百分数（如 5.5 或 5.5%）", en: "should be a percentage (5.5 or 5.5%)") }
            return .number(n / 100)
        case .amount:
            let n: Decimal
            if case .number(let v) = raw { n = v } else if case .string = raw, let v = DecimalFormat.parseAmount(text) { n = v } else {
                throw Failure(rule: "type", zh: "应为金额（如 1234.50）", en: "should be an amount (e.g. 1234.50)")
            }
            guard DecimalFormat.isRounded(n, places: 2) else {
                throw Failure(rule: "type", zh: "金额最多两位小数（到分）", en: "amounts have at most two decimals (fen)")
            }
            return .number(n)
        case .quantity:
            if case .number(let v) = raw { return .number(v) }
            let unit = spec.unit ?? ""
            let figure = unit.isEmpty || !text.hasSuffix(unit) ? text : String(text.dropLast(unit.count)).trimmed
            guard case .string = raw, let v = DecimalFormat.parseAmount(figure) else {
                throw Failure(rule: "type", zh: "应为数量（如 120.5\(unit)）", en: "should be a quantity (e.g. 120.5 \(unit))")
            }
            return .number(v)
        case .ratio:
            if case .number(let v) = raw { return .number(v) }
            var s = text
            let percent = s.hasSuffix("%") || s.hasSuffix("％")
            if percent { s.removeLast() }
            guard case .string = raw, let v = DecimalFormat.parseAmount(s) else {
                throw Failure(rule: "type", zh: "应为比例（如 0.055 或 5.5%）", en: "should be a ratio (0.055 or 5.5%)")
            }
            return .number(percent ? v / 100 : v)
        case .date:
            if case .number(let n) = raw, DecimalFormat.isRounded(n, places: 0),
               let d = CalendarDate(excelSerial: NSDecimalNumber(decimal: n).intValue) { return .string(d.iso) }
            if case .string = raw, text.count == 5, let serial = Int(text), let d = CalendarDate(excelSerial: serial) {
                return .string(d.iso)
            }
            guard case .string = raw, let d = CalendarDate.parse(text) else {
                throw Failure(rule: "type", zh: "应为日期（如 2020-05-14 或 2020年5月14日）", en: "should be a date (2020-05-14)")
            }
            return .string(d.iso)
        case .boolean:
            switch raw {
            case .bool(let b): return .bool(b)
            case .number(let n) where n == 0 || n == 1: return .bool(n == 1)
            default: break
            }
            switch text.lowercased() {
            case "是", "true", "y", "yes", "1", "√", "☑", "有": return .bool(true)
            case "否", "false", "n", "no", "0", "×", "☐", "无": return .bool(false)
            default: throw Failure(rule: "type", zh: "应为“是”或“否”", en: "should be yes or no")
            }
        case .enum:
            guard let values = spec.values, values.contains(where: { $0.hasSameBytes(as: text) }) || values.contains(text) else {
                let allowed = (spec.values ?? []).joined(separator: "、")
                throw Failure(rule: "enum", zh: "应为以下之一：\(allowed)", en: "should be one of: \(allowed)")
            }
            return .string(text)
        case .creditCode:
            let code = CreditCode.normalized(text)
            switch CreditCode.problem(code) {
            case .length(let n)?:
                throw Failure(rule: "credit_code", zh: "统一社会信用代码应为 18 位，实际 \(n) 位", en: "a credit code has 18 characters, not \(n)")
            case .character(let c)?:
                throw Failure(rule: "credit_code", zh: "统一社会信用代码含有无效字符「\(c)」（不用 I、O、Z、S、V）", en: "invalid character “\(c)” in the credit code")
            case .checkCharacter(let expected)?:
                throw Failure(rule: "credit_code", zh: "统一社会信用代码校验位错误（按前 17 位应为 \(expected)），请核对", en: "credit code check character is wrong (expected \(expected))")
            case nil:
                return .string(code)
            }
        case .idNumber:
            let id = IDNumber.normalized(text)
            switch IDNumber.problem(id, today: today) {
            case .format?: throw Failure(rule: "id_number", zh: "身份证号码应为 18 位（末位可为 X）", en: "an ID number has 18 characters")
            case .birthDate(let b)?: throw Failure(rule: "id_number", zh: "身份证号码中的出生日期 \(b) 不存在", en: "the birth date \(b) in the ID number does not exist")
            case .checkCharacter(let e)?: throw Failure(rule: "id_number", zh: "身份证号码校验位错误（应为 \(e)）", en: "ID number check character is wrong (expected \(e))")
            case nil: return .string(id)
            }
        case .phone:
            guard ContactFormats.isPhone(text) else {
                throw Failure(rule: "phone", zh: "电话号码格式不对（手机 11 位，固话如 010-69043376）", en: "not a phone number (mobile 11 digits, landline like 010-69043376)")
            }
            return .string(text)
        case .email:
            guard ContactFormats.isEmail(text) else { throw Failure(rule: "email", zh: "电子邮箱格式不对", en: "not an e-mail address") }
            return .string(text)
        case .list:
            guard case .list = raw else { throw Failure(rule: "type", zh: "应为列表", en: "should be a list") }
            return raw
        }
    }

    /// A ratio shown as a percentage: 0.055 is `5.5%`.
    static func percent(_ ratio: Decimal) -> String { DecimalFormat.plain(ratio * 100) + "%" }

    /// True when `text` ends with the bytes of a non-empty `unit` (`12人`): a byte comparison, cheap on every row of a list.
    private static func endsWith(_ text: String, _ unit: String) -> Bool {
        !unit.isEmpty && text.utf8.count > unit.utf8.count && text.utf8.suffix(unit.utf8.count).elementsEqual(unit.utf8)
    }

    /// True for a head count written with its unit, `12人`; most texts are ruled out by their last byte (人 is E4 BA BA).
    private static func endsWithPerson(_ text: String) -> Bool {
        text.utf8.last == 0xBA && text.hasSuffix("人")
    }

    /// Checks bounds and lengths of a converted value.
    static func checkConstraints(_ value: TemplateValue, _ spec: FieldSpec) throws(Failure) {
        switch (spec.type, value) {
        case (.percent, .number(let n)):
            if let min = spec.minNumber, DecimalMath.less(n, min) {
                throw Failure(rule: "range", zh: "不能小于 \(Self.percent(min))", en: "must be at least \(Self.percent(min))")
            }
            if let max = spec.maxNumber, DecimalMath.less(max, n) {
                throw Failure(rule: "range", zh: "不能大于 \(Self.percent(max))", en: "must be at most \(Self.percent(max))")
            }
        case (let type, .number(let n)) where type.isNumber:
            if let min = spec.minNumber, DecimalMath.less(n, min) {
                throw Failure(rule: "range", zh: "不能小于 \(DecimalFormat.plain(min))", en: "must be at least \(DecimalFormat.plain(min))")
            }
            if let max = spec.maxNumber, DecimalMath.less(max, n) {
                throw Failure(rule: "range", zh: "不能大于 \(DecimalFormat.plain(max))", en: "must be at most \(DecimalFormat.plain(max))")
            }
        case (.date, .string(let s)):
            guard let d = CalendarDate.parse(s) else { return }
            if let min = spec.min.flatMap(CalendarDate.parse), d < min {
                throw Failure(rule: "range", zh: "不能早于 \(min.iso)", en: "must not be before \(min.iso)")
            }
            if let max = spec.max.flatMap(CalendarDate.parse), max < d {
                throw Failure(rule: "range", zh: "不能晚于 \(max.iso)", en: "must not be after \(max.iso)")
            }
        case (_, .string(let s)):
            if let min = spec.minLength, s.count < min {
                throw Failure(rule: "length", zh: "至少 \(min) 个字", en: "at least \(min) characters")
            }
            if let max = spec.maxLength, s.utf8.count > max, s.count > max {
                throw Failure(rule: "length", zh: "最多 \(max) 个字，实际 \(s.count) 个", en: "at most \(max) characters, not \(s.count)")
            }
        default: break
        }
    }
}
