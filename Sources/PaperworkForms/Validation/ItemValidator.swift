import PaperworkTemplate

/// Validates the items of a list form's rows one at a time: the item's fields, the rules on the list,
/// and the calculation's arithmetic on the item.
struct ItemValidator {
    let validator: FormValidator
    private let table: TableItems?
    /// True when the items come from a table read item by item, not from a list in the case.
    var streamed: Bool { table != nil }
    private let fields: [FieldSpec]
    private let rules: [FormValidator.Rule]
    private var calculation: (any ItemCalculation)?
    /// When every field of a row is one plain key with its own column: each field and the column it is read from.
    private let columns: [(spec: FieldSpec, column: Int?)]?

    init(_ validator: FormValidator, table: TableItems?) throws(PolicyError) {
        self.validator = validator
        self.table = table
        let manifest = validator.manifest
        let fields = manifest.rowFields ?? []
        self.fields = fields
        rules = manifest.rows.map { rows in validator.rules.filter { $0.spec.each == rows } } ?? []
        calculation = try manifest.calculation.flatMap(Calculations.named)?.items(policy: validator.policy)
        columns = table.flatMap { Self.columns(of: $0.map, for: fields) }
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

    /// Checks an item of a list held in the case, in place.
    mutating func check(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        var count: Int?
        validator.check(fields, in: &item, keyPrefix: "", labelPrefix: "", item: index, rows: &self, count: &count, sink: &sink)
        finishItem(&item, index: index, sink: &sink)
    }

    /// The item a row of the table makes, checked. Plain rows are converted straight from their cells,
    /// each field looked up once, instead of being built as an object and then read back.
    mutating func check(cells: [TemplateValue], index: Int, sink: inout FindingSink) -> TemplateValue {
        var item = convert(cells: cells, index: index, sink: &sink)
        finishItem(&item, index: index, sink: &sink)
        return item
    }

    /// The item a row of the table makes, its fields converted and checked, before the list's rules and arithmetic.
    mutating func convert(cells: [TemplateValue], index: Int, sink: inout FindingSink) -> TemplateValue {
        guard let columns else {
            var item = table?.map.record(cells) ?? .null
            var count: Int?
            validator.check(fields, in: &item, keyPrefix: "", labelPrefix: "", item: index, rows: &self, count: &count, sink: &sink)
            return item
        }
        var members = [FieldKey: TemplateValue](minimumCapacity: columns.count + 8)
        for (spec, column) in columns {
            let raw = column.map { $0 < cells.count ? cells[$0] : .null } ?? .null
            if let value = validator.convert(raw, spec, key: spec.key, label: spec.label, item: index, sink: &sink) {
                members[spec.path[0]] = value
            }
        }
        return .object(members)
    }

    /// The list's rules (which only report, so not when findings are not kept) and the calculation's arithmetic on a converted item.
    mutating func finishItem(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        if sink.keeps {
            for rule in rules { validator.compare(rule, in: item, item: index, sink: &sink) }
        }
        calculation?.apply(to: &item, index: index, report: &sink)
    }

    func finish(_ value: inout TemplateValue, count: Int) {
        calculation?.finish(&value, count: count)
    }
}

/// A list form's rows read again from their table, validated and computed item by item as a sheet is
/// filled: a second thread reads and converts rows while the caller writes the ones before.
struct ListItems: ItemStream {
    let table: TableItems
    let count: Int
    let validator: FormValidator
    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        let pipe = ItemPipe<TemplateValue> { [table, validator] pipe in
            var items = try ItemValidator(validator, table: table)
            var sink = FindingSink(record: 0, row: nil, keeps: false)
            var index = 0
            try table.forEach { _, cells in
                try pipe.send(items.check(cells: cells, index: index, sink: &sink))
                index += 1
            }
        }
        defer { pipe.close() }
        while let chunk = try pipe.take() {
            for item in chunk { try body(item) }
        }
    }
}
