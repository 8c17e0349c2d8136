import PaperworkTemplate

/// A list form's whole-case values (its totals: `合计.补贴合计`, `合计.补贴合计大写`, …) made by the form's own
/// expressions from rows added one at a time — rows already checked, which are not held.
struct RowTotals {
    private let validator: CaseValidator
    private var pipeline: ItemPipeline?
    private var count = 0

    init(validator: CaseValidator, header: TemplateValue) {
        self.validator = validator
        pipeline = validator.form.rowsPlan.map {
            ItemPipeline(form: validator.form, plan: $0, fields: validator.fields, root: header, table: nil)
        }
    }

    /// Adds a checked row: its computed values made again and added to the aggregates.
    mutating func add(_ item: TemplateValue) {
        var sink = FindingSink(record: 0, row: nil, keeps: false)
        pipeline?.finish(.value(item), index: count, keep: false, sink: &sink)
        count += 1
    }

    /// Adds the rows another accumulator of the same form took in, after these.
    mutating func merge(_ other: RowTotals) {
        if let theirs = other.pipeline { pipeline?.merge(theirs) }
        count += other.count
    }

    /// The header with the form's whole-case computed values, from the rows added (internal values left out).
    mutating func value(header: TemplateValue) -> TemplateValue {
        var evaluator = Evaluator(program: validator.form.program, root: header, locals: validator.form.locals)
        evaluator.results = pipeline?.results() ?? []
        for c in validator.form.computed { evaluator.compute(c) }
        var value = evaluator.root
        for c in validator.form.computed where c.isInternal { value.remove(at: c.path) }
        return value
    }
}
