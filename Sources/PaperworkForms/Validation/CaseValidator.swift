import Foundation
import PaperworkTemplate

/// A form compiled once against a policy, that validates any number of records — the one path from a record
/// to its value and findings: fields converted, list items through the item pipeline, computed values, rules.
///
/// ```swift
/// let validator = try CaseValidator(form: form, policy: policy)
/// for (i, record) in records.enumerated() {
///     let checked = try validator.validate(record, number: i + 1)
/// }
/// ```
///
/// Compiling checks the whole form (expressions, paths, policy keys, template tags) and is refused with every
/// problem (``FormError/refused(_:)``); validating a record does not compile again. The value is `Sendable`:
/// threads may share one.
public struct CaseValidator: Sendable {
    let form: CompiledForm
    let fields: FieldChecker

    /// Compiles `form` against `policy`; `today` is the date ID numbers' birth dates are checked against.
    public init(form: Form, policy: Policy, today: CalendarDate = .today) throws(PaperworkError) {
        let compiled: CompiledForm
        do { compiled = try form.compiled(policy: policy) } catch { throw .form(error) }
        self.init(form: compiled, today: today)
    }

    init(form: CompiledForm, today: CalendarDate) {
        self.form = form
        fields = FieldChecker(today: today, rows: form.manifest.rows)
    }

    /// Validates one case: converts every field, checks every rule, computes the policy's numbers. A list form's rows
    /// read from a table are read here once, item by item. The record is consumed: its values change in place rather
    /// than being copied. Throws `.caseFile` when a list's table cannot be read.
    public func validate(_ record: consuming CaseRecord, number: Int) throws(PaperworkError) -> ValidatedCase {
        do { return try validated(record, number: number) } catch { throw .wrap(error) }
    }

    /// `validate`, throwing the case file's own error.
    func validated(_ record: consuming CaseRecord, number: Int) throws -> ValidatedCase {
        var value = record.value
        record.value = .null
        let table = record.items
        var sink = FindingSink(record: number, row: record.row)
        fields.check(form.manifest.fields, in: &value, item: nil, sink: &sink)
        var streams: [FieldKey: any ItemStream] = [:]
        var slots: [Value] = []
        if let plan = form.rowsPlan {
            if let table {
                var pipeline = ItemPipeline(form: form, plan: plan, fields: fields, root: value, table: table)
                let count = try checkItems(of: table, record: number, with: &pipeline, sink: &sink)
                slots = pipeline.results()
                streams[FieldKey(plan.list)] = ListItems(table: table, count: count, form: self, root: value)
            } else {
                slots = heldRows(plan, in: &value, sink: &sink)
            }
        }
        var evaluator = Evaluator(program: form.program, root: value, locals: form.locals)
        value = .null
        evaluator.results = slots
        for plan in form.plans where !plan.isRows { apply(plan, &evaluator, sink: &sink) }
        for c in form.computed { evaluator.compute(c) }
        var seen: SeenValues = [:]
        for (i, rule) in form.rules.enumerated() {
            guard let (frame, path) = rule.each else {
                evaluator.check(rule, index: i, frame: nil, item: nil, seen: &seen, itemRow: nil, sink: &sink)
                continue
            }
            guard case .list(let items)? = evaluator.root.value(at: path) else { continue }
            for (n, item) in items.enumerated() {
                guard case .object(let members) = item else { continue }
                evaluator.enter(members, frame: frame, position: n)
                evaluator.check(rule, index: i, frame: frame, item: nil, seen: &seen, itemRow: nil, sink: &sink)
            }
            evaluator.items[frame] = .none
        }
        for c in form.computed where c.isInternal { Self.remove(c.path, from: &evaluator.root) }
        return ValidatedCase(value: evaluator.root, findings: sink.findings, streams: streams)
    }

    /// Removes an internal value, and the groups it leaves empty.
    private static func remove(_ path: [FieldKey], from root: inout TemplateValue) {
        root.remove(at: path)
        var parent = Array(path.dropLast())
        while !parent.isEmpty, case .object(let members)? = root.value(at: parent), members.isEmpty {
            root.remove(at: parent)
            parent.removeLast()
        }
    }

    /// A list form's rows held in the case: the list converted, each item through the pipeline.
    private func heldRows(_ plan: ItemPlan, in value: inout TemplateValue, sink: inout FindingSink) -> [Value] {
        guard let spec = form.manifest.fields.first(where: { $0.key == plan.list }) else { return [] }
        let raw = value.take(at: spec.path)
        var pipeline = ItemPipeline(form: form, plan: plan, fields: fields, root: value, table: nil)
        guard case .list(var items)? = fields.convert(raw, spec, key: spec.key, label: spec.label, item: nil, sink: &sink) else {
            value.remove(at: spec.path)
            return pipeline.results()
        }
        for i in items.indices {
            guard case .object = items[i] else {
                sink.error("type", field: spec.key, label: spec.label, item: i, zh: "第 \(i + 1) 项应为一组字段", en: "item \(i + 1) should be a record")
                continue
            }
            pipeline.check(&items[i], index: i, sink: &sink)
        }
        value.set(.list(items), at: spec.path)
        return pipeline.results()
    }

    /// The per-item values of a list other than the rows, on the list held in the case (its rules run with the case's).
    private func apply(_ plan: ItemPlan, _ evaluator: inout Evaluator, sink: inout FindingSink) {
        guard case .list(var items) = evaluator.root.take(at: plan.path) else { return }
        let values = plan.computed.compactMap(\.itemValue)
        var computed = Array(repeating: false, count: plan.computed.count)
        for i in items.indices {
            guard case .object(let members) = items[i] else { continue }
            items[i] = .null
            evaluator.enter(members, frame: plan.frame, position: i)
            evaluator.postpone(values)
            evaluator.settleKept(plan, into: &computed)
            evaluator.forget(values)
            items[i] = .object(evaluator.item(plan, computed: computed))
        }
        evaluator.items[plan.frame] = .none
        evaluator.root.set(.list(items), at: plan.path)
    }

    /// Checks every row of a list form's table, in order: a second thread reads and converts rows
    /// (with their field findings) while this one computes and checks them. Returns the count.
    private func checkItems(of table: TableItems, record: Int, with pipeline: inout ItemPipeline, sink: inout FindingSink) throws -> Int {
        let converter = pipeline
        let pipe = ItemPipe<(row: Int?, item: RowItem, findings: [Finding])> { pipe in
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
                sink.findings += findings
                sink.itemRow = row
                pipeline.finish(item, index: n, keep: false, sink: &sink)
                n += 1
            }
        }
        sink.itemRow = nil
        return n
    }
}

/// A list form's rows read again from their table, checked and computed item by item as a sheet is
/// filled: a second thread reads and converts rows while the caller writes the ones before.
struct ListItems: ItemStream {
    let table: TableItems
    let count: Int
    let form: CaseValidator
    /// The case's other fields, which item expressions may read.
    let root: TemplateValue

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        guard let plan = form.form.rowsPlan else { return }
        let pipe = ItemPipe<TemplateValue> { [table, form, root] pipe in
            var pipeline = ItemPipeline(form: form.form, plan: plan, fields: form.fields, root: root, table: table)
            var sink = FindingSink(record: 0, row: nil, keeps: false)
            var index = 0
            try table.forEach { _, cells in
                let item = pipeline.convert(cells: cells, index: index, sink: &sink)
                try pipe.send(pipeline.finish(item, index: index, keep: true, sink: &sink))
                index += 1
            }
        }
        defer { pipe.close() }
        while let chunk = try pipe.take() {
            for item in chunk { try body(item) }
        }
    }
}
