import Foundation
import PaperworkTemplate

/// Converts a case's fields to their types and checks each against its limits.
struct FieldChecker: Sendable {
    let today: CalendarDate
    /// The list a list form's rows fill: its items go through the item pipeline, not through here.
    let rows: String?

    /// Checks `fields` in `value`; items of lists are checked field by field, except the rows'.
    func check(_ fields: [FieldSpec], in value: inout TemplateValue, keyPrefix: String = "", labelPrefix: String = "", item: Int?, sink: inout FindingSink) {
        for spec in fields {
            if spec.key == rows && keyPrefix.isEmpty && item == nil { continue }
            let key = keyPrefix + spec.key
            let label = labelPrefix + spec.label
            let raw = spec.type == .list ? value.take(at: spec.path) : value.value(at: spec.path) ?? .null
            guard var converted = convert(raw, spec, key: key, label: label, item: item, sink: &sink) else {
                value.remove(at: spec.path)
                continue
            }
            if spec.type == .list, let itemFields = spec.fields, case .list(var items) = converted {
                converted = .null
                for i in items.indices {
                    guard case .object = items[i] else {
                        sink.error("type", field: key, label: label, item: item, zh: "第 \(i + 1) 项应为一组字段", en: "item \(i + 1) should be a record")
                        continue
                    }
                    check(itemFields, in: &items[i], keyPrefix: "\(key)[\(i + 1)].", labelPrefix: "\(label)第\(i + 1)项 ", item: item, sink: &sink)
                }
                converted = .list(items)
            }
            value.set(converted, at: spec.path)
        }
    }

    /// One field's value in its type, checked; nil when it is missing or wrong, after reporting why.
    func convert(_ raw: TemplateValue, _ spec: FieldSpec, key: String, label: String, item: Int?, sink: inout FindingSink) -> TemplateValue? {
        do {
            guard let converted = try FieldConverter.convert(raw, spec, today: today) else {
                if spec.required {
                    sink.error("required", field: key, label: label, item: item, zh: "必填，不能为空", en: "is required")
                }
                return nil
            }
            try FieldConverter.checkConstraints(converted, spec)
            if spec.type == .creditCode, case .string(let code) = converted, !CreditCode.organisationCodeIsValid(code) {
                sink.warning("organisation_code", field: key, label: label, value: code, item: item,
                             zh: "统一社会信用代码第 9–17 位的组织机构代码校验不符，请核对（校验位本身正确）",
                             en: "the organisation code inside the credit code (positions 9–17) does not check out")
            }
            return converted
        } catch {
            sink.error(error.rule, field: key, label: label, value: raw.displayText, item: item, zh: error.zh, en: error.en)
            return nil
        }
    }
}
