import PaperworkTemplate

/// The one way a list's items are checked, for validate and for fill alike: the item's fields
/// converted, its computed values, its rules, and the aggregates over the list added up.
struct ItemPipeline {
    let plan: ItemPlan
    let fields: FieldChecker
    let itemFields: [FieldSpec]
    /// When every field of a table's row is one plain key with its own column: each field and its column.
    private let columns: [(spec: FieldSpec, column: Int?)]?
    private let table: TableItems?
    var evaluator: Evaluator
    private var folds: [Fold]
    private var seen: SeenValues = [:]

    init(form: CompiledForm, plan: ItemPlan, fields: FieldChecker, root: TemplateValue, table: TableItems?) {
        self.plan = plan
        self.fields = fields
        itemFields = form.manifest.fields.first { $0.key == plan.list }?.fields ?? []
        self.table = table
        columns = table.flatMap { Self.columns(of: $0.map, for: form.manifest.fields.first { $0.key == plan.list }?.fields ?? []) }
        evaluator = Evaluator(root: root, frames: form.frames, locals: form.locals)
        folds = plan.accumulators.map { Fold($0.function) }
    }

    /// Each field's column, when the map puts every column in a field of one key and no field is a list.
    private static func columns(of map: ColumnMap, for fields: [FieldSpec]) -> [(spec: FieldSpec, column: Int?)]? {
        guard fields.allSatisfy({ $0.path.count == 1 && $0.type != .list }) else { return nil }
        var byKey: [FieldKey: Int] = [:]
        for (i, target) in map.targets.enumerated() {
            switch target {
            case .field(let path) where path.count == 1: byKey[path[0]] = i
            case .ignored: continue
            default: return nil
            }
        }
        return fields.map { ($0, byKey[$0.path[0]]) }
    }

    /// The item a row of the table makes, its fields converted and checked. Plain rows are converted
    /// straight from their cells, each field looked up once.
    func convert(cells: [TemplateValue], index: Int, sink: inout FindingSink) -> TemplateValue {
        guard let columns else {
            var item = table?.map.record(cells) ?? .null
            fields.check(itemFields, in: &item, item: index, sink: &sink)
            return item
        }
        var members = [FieldKey: TemplateValue](minimumCapacity: columns.count + 8)
        for (spec, column) in columns {
            let raw = column.map { $0 < cells.count ? cells[$0] : .null } ?? .null
            if let value = fields.convert(raw, spec, key: spec.key, label: spec.label, item: index, sink: &sink) {
                members[spec.path[0]] = value
            }
        }
        return .object(members)
    }

    /// An item held in the case: its fields converted and checked, then finished.
    mutating func check(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        fields.check(itemFields, in: &item, item: plan.isRows ? index : nil, sink: &sink)
        finish(&item, index: index, sink: &sink)
    }

    /// The item's computed values and rules (rules only report, so not when findings are not kept), and the aggregates.
    mutating func finish(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        guard case .object(let members) = item else { return }
        item = .null
        let frame = plan.frame
        evaluator.items[frame] = members
        evaluator.positions[frame] = index
        for c in plan.computed { evaluator.compute(c, frame: frame) }
        if sink.keeps {
            for (i, rule) in plan.rules.enumerated() {
                evaluator.check(rule, index: i, frame: frame, item: plan.isRows ? index : nil, seen: &seen, itemRow: sink.itemRow, sink: &sink)
            }
        }
        for i in plan.accumulators.indices {
            folds[i].add(evaluator.value(plan.accumulators[i].body))
        }
        for c in plan.computed where c.isInternal { evaluator.items[frame][c.path[0]] = nil }
        item = .object(evaluator.items[frame])
        evaluator.items[frame] = [:]
    }

    /// Adds the aggregates another pipeline of the same plan took in, as if its items had come after these.
    mutating func merge(_ other: ItemPipeline) {
        for i in folds.indices where i < other.folds.count { folds[i].merge(other.folds[i]) }
    }

    /// What the aggregates over the list came to, by slot.
    mutating func results() -> [Value] {
        plan.accumulators.indices.map { i in
            folds[i].result(separator: plan.accumulators[i].extra.first.map { evaluator.value($0).shown } ?? "")
        }
    }
}
