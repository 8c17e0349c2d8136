import PaperworkTemplate

/// A row's item as converted from its cells: its fields in the order of the list's item fields (nil where
/// missing or wrong), or — when the table's columns do not map one to one — the item as the case holds it.
enum RowItem: Sendable {
    case fields([TemplateValue?])
    case value(TemplateValue)
}

/// The one way a list's items are checked, for validate and for fill alike: the item's fields
/// converted, its computed values, its rules, and the aggregates over the list added up.
struct ItemPipeline {
    let plan: ItemPlan
    let fields: FieldChecker
    let itemFields: [FieldSpec]
    /// When every field of a table's row is one plain key with its own column: each field and its column.
    private let columns: [(spec: FieldSpec, column: Int?)]?
    /// The order of a plain row's fields (those of `columns`), and the slots they fill.
    private let order: FieldOrder?
    private let table: TableItems?
    var evaluator: Evaluator
    private var folds: [Fold]
    private var seen: SeenValues = [:]
    /// Which of the plan's per-item values the current item got.
    private var computed: [Bool]
    /// The plan's per-item values by their number in the program: computed when first read, for an item not kept.
    private let deferred: [Int]

    init(form: CompiledForm, plan: ItemPlan, fields: FieldChecker, root: TemplateValue, table: TableItems?) {
        self.plan = plan
        self.fields = fields
        itemFields = form.manifest.fields.first { $0.key == plan.list }?.fields ?? []
        self.table = table
        columns = table.flatMap { Self.columns(of: $0.map, for: form.manifest.fields.first { $0.key == plan.list }?.fields ?? []) }
        evaluator = Evaluator(program: form.program, root: root, locals: form.locals)
        order = columns.map { FieldOrder(keys: $0.map { $0.spec.path[0] }, frame: plan.frame, program: form.program) }
        folds = plan.accumulators.map { Fold($0.function) }
        computed = Array(repeating: false, count: plan.computed.count)
        deferred = plan.computed.compactMap(\.itemValue)
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
    /// straight from their cells into an array in the order of their fields, each field looked up once.
    func convert(cells: [TemplateValue], index: Int, sink: inout FindingSink) -> RowItem {
        guard let columns else {
            var item = table?.map.record(cells) ?? .null
            fields.check(itemFields, in: &item, item: index, sink: &sink)
            return .value(item)
        }
        var values: [TemplateValue?] = []
        values.reserveCapacity(columns.count)
        for (spec, column) in columns {
            let raw = column.map { $0 < cells.count ? cells[$0] : .null } ?? .null
            values.append(fields.convert(raw, spec, key: spec.key, label: spec.label, item: index, sink: &sink))
        }
        return .fields(values)
    }

    /// An item held in the case: its fields converted and checked, then finished.
    mutating func check(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        fields.check(itemFields, in: &item, item: plan.isRows ? index : nil, sink: &sink)
        let value = item
        item = .null
        item = finish(.value(value), index: index, keep: true, sink: &sink)
    }

    /// The item's computed values and rules (rules only report, so not when findings are not kept), and the aggregates.
    /// With `keep`, returns the item with its computed values; without, it is only checked and added up (`null` returned).
    @discardableResult
    mutating func finish(_ item: consuming RowItem, index: Int, keep: Bool, sink: inout FindingSink) -> TemplateValue {
        let frame = plan.frame
        switch consume item {
        case .fields(let values):
            guard let order else { return .null }
            evaluator.enter(values, order: order, frame: frame, position: index)
        case .value(let value):
            guard case .object(let members) = value else { return value }
            evaluator.enter(members, frame: frame, position: index)
        }
        evaluator.postpone(deferred)
        if keep { evaluator.settleKept(plan, into: &computed) }
        if sink.keeps {
            for i in plan.rules.indices {
                evaluator.check(plan.rules[i], index: i, frame: frame, item: plan.isRows ? index : nil, seen: &seen, itemRow: sink.itemRow, sink: &sink)
            }
        }
        for i in plan.accumulators.indices {
            folds[i].add(evaluator.value(plan.accumulators[i].body))
        }
        evaluator.forget(deferred)
        guard keep else {
            evaluator.items[frame] = .none
            return .null
        }
        return .object(evaluator.item(plan, computed: computed))
    }

    /// Adds the aggregates another pipeline of the same plan took in, as if its items had come after these.
    mutating func merge(_ other: ItemPipeline) {
        for i in folds.indices where i < other.folds.count { folds[i].merge(other.folds[i]) }
    }

    /// What the aggregates over the list came to, by slot.
    mutating func results() -> [Value] {
        plan.accumulators.indices.map { i in
            folds[i].result(separator: plan.accumulators[i].extra.map { evaluator.value($0).shown } ?? "")
        }
    }
}
