import Foundation
import PaperworkTemplate

/// Checks a case against its form before anything is written: every field, every rule, the policy.
struct FormValidator: Sendable {
    let manifest: FormManifest
    let policy: Policy
    let today: CalendarDate
    /// Field labels by key, list items' fields included.
    let labels: [String: String]
    /// The form's rules, each side read once.
    let rules: [Rule]

    init(manifest: FormManifest, policy: Policy, today: CalendarDate) {
        self.manifest = manifest
        self.policy = policy
        self.today = today
        var labels: [String: String] = [:]
        for f in manifest.fields {
            labels[f.key] = f.label
            for item in f.fields ?? [] { labels[item.key] = labels[item.key] ?? item.label }
        }
        self.labels = labels
        rules = manifest.rules.map(Rule.init)
    }

    /// Validates one case; a list form's rows read from a table are read here once, item by item.
    func validate(_ record: consuming CaseRecord, number: Int) throws -> ValidatedCase {
        var value = record.value
        record.value = .null
        let table = record.items
        var sink = FindingSink(record: number, row: record.row)
        var items = try ItemValidator(self, table: table)
        var count: Int?
        check(manifest.fields, in: &value, keyPrefix: "", labelPrefix: "", item: nil, rows: &items, count: &count, sink: &sink)
        var streams: [FieldKey: any ItemStream] = [:]
        if let table, let rows = manifest.rows {
            count = try checkItems(of: table, record: number, with: &items, sink: &sink)
            streams[FieldKey(rows)] = ListItems(table: table, count: count ?? 0, validator: self)
        }
        for rule in rules where rule.spec.each == nil || rule.spec.each != manifest.rows { apply(rule, to: value, sink: &sink) }
        if let count { items.finish(&value, count: count) }
        if let name = manifest.calculation, let calculation = Calculations.named(name) {
            try calculation.apply(to: &value, policy: policy, report: &sink)
        }
        return ValidatedCase(value: value, findings: sink.findings, streams: streams)
    }

    /// Checks every row of a list form's table, in order: a second thread reads and converts rows
    /// (with their field findings) while this one applies the list's rules and arithmetic. Returns the count.
    private func checkItems(of table: TableItems, record: Int, with items: inout ItemValidator, sink: inout FindingSink) throws -> Int {
        let pipe = ItemPipe<(row: Int, item: TemplateValue, findings: [Finding])> { [self] pipe in
            var converter = try ItemValidator(self, table: table)
            var local = FindingSink(record: record, row: nil)
            var index = 0
            try table.forEach { row, cells in
                local.itemRow = row
                let item = converter.convert(cells: cells, index: index, sink: &local)
                try pipe.send((row, item, local.findings))
                local.findings = []
                index += 1
            }
        }
        defer { pipe.close() }
        var n = 0
        while let chunk = try pipe.take() {
            for (row, item, findings) in chunk {
                var item = item
                sink.findings += findings
                sink.itemRow = row
                items.finishItem(&item, index: n, sink: &sink)
                n += 1
            }
        }
        sink.itemRow = nil
        return n
    }

    /// Checks fields; the items of the form's rows list go through `rows` (and `count` is set to how many there were).
    func check(_ fields: [FieldSpec], in value: inout TemplateValue, keyPrefix: String, labelPrefix: String,
               item: Int?, rows: inout ItemValidator, count: inout Int?, sink: inout FindingSink) {
        for spec in fields {
            let key = keyPrefix + spec.key
            let label = labelPrefix + spec.label
            let isRows = spec.key == manifest.rows && item == nil && keyPrefix.isEmpty
            if isRows && rows.streamed { continue }
            let raw = spec.type == .list ? value.take(at: spec.path) : value.value(at: spec.path) ?? .null
            guard var converted = convert(raw, spec, key: key, label: label, item: item, sink: &sink) else {
                value.remove(at: spec.path)
                continue
            }
            if spec.type == .list, let itemFields = spec.fields, case .list(var items) = converted {
                converted = .null
                for i in items.indices {
                    guard case .object = items[i] else {
                        sink.error("type", field: key, label: label, item: isRows ? i : item,
                                   zh: "第 \(i + 1) 项应为一组字段", en: "item \(i + 1) should be a record")
                        continue
                    }
                    if isRows {
                        rows.check(&items[i], index: i, sink: &sink)
                    } else {
                        check(itemFields, in: &items[i], keyPrefix: "\(key)[\(i + 1)].", labelPrefix: "\(label)第\(i + 1)项 ",
                              item: item, rows: &rows, count: &count, sink: &sink)
                    }
                }
                if isRows { count = items.count }
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


    private func apply(_ rule: Rule, to value: TemplateValue, sink: inout FindingSink) {
        if let list = rule.spec.each {
            guard case .list(let items)? = value.value(at: [FieldKey](dotted: list)) else { return }
            for item in items { compare(rule, in: item, item: nil, sink: &sink) }
        } else {
            compare(rule, in: value, item: nil, sink: &sink)
        }
    }

    func compare(_ checked: Rule, in value: TemplateValue, item: Int?, sink: inout FindingSink) {
        guard let left = checked.left.value(in: value), let right = checked.right.value(in: value) else { return }
        let rule = checked.spec
        let order: ComparisonResult
        switch (left, right) {
        case (.number(let a), .number(let b)): order = DecimalMath.compare(a, b)
        case (.date(let a), .date(let b)): order = a < b ? .orderedAscending : b < a ? .orderedDescending : .orderedSame
        default: return
        }
        let holds: Bool
        switch rule.op {
        case "<": holds = order == .orderedAscending
        case "<=": holds = order != .orderedDescending
        case ">": holds = order == .orderedDescending
        case ">=": holds = order != .orderedAscending
        case "==": holds = order == .orderedSame
        case "!=": holds = order != .orderedSame
        default: holds = true
        }
        guard !holds else { return }
        let spec = labels[rule.left]
        let shown: String? = if case .path(let p) = checked.left { value.value(at: p)?.displayText } else { nil }
        if rule.severity == .error {
            sink.error(rule.id, field: spec == nil ? nil : rule.left, label: spec, value: shown, item: item, zh: rule.message, en: rule.messageEn ?? rule.message)
        } else {
            sink.warning(rule.id, field: spec == nil ? nil : rule.left, label: spec, value: shown, item: item, zh: rule.message, en: rule.messageEn ?? rule.message)
        }
    }

    /// A rule with each side read once: a literal number or date, or a field path.
    struct Rule: Sendable {
        let spec: RuleSpec
        fileprivate let left: Operand
        fileprivate let right: Operand

        init(_ spec: RuleSpec) {
            self.spec = spec
            left = Operand(spec.left)
            right = Operand(spec.right)
        }
    }
}

private enum Operand: Sendable {
    case number(Decimal), date(CalendarDate), path([FieldKey])

    init(_ side: String) {
        if let d = CalendarDate.parse(side) { self = .date(d) }
        else if let n = DecimalFormat.parseAmount(side) { self = .number(n) }
        else { self = .path([FieldKey](dotted: side)) }
    }

    /// A literal as it is; a path's value as a number or date, nil when it is neither.
    func value(in value: TemplateValue) -> Operand? {
        guard case .path(let path) = self else { return self }
        switch value.value(at: path) {
        case .number(let n)?: return .number(n)
        case .string(let s)?: return CalendarDate.parse(s).map(Operand.date)
        default: return nil
        }
    }
}
