import PaperworkTemplate

/// Validates the items of a list form's rows one at a time: the item's fields, the rules on the list,
/// and the calculation's arithmetic on the item.
struct ItemValidator {
    let validator: FormValidator
    /// True when the items come from a table read item by item, not from a list in the case.
    let streamed: Bool
    private let fields: [FieldSpec]
    private let rules: [RuleSpec]
    private var calculation: (any ItemCalculation)?

    init(_ validator: FormValidator, streamed: Bool) throws(PolicyError) {
        self.validator = validator
        self.streamed = streamed
        let manifest = validator.manifest
        fields = manifest.rowFields ?? []
        rules = manifest.rows.map { rows in manifest.rules.filter { $0.each == rows } } ?? []
        calculation = try manifest.calculation.flatMap(Calculations.named)?.items(policy: validator.policy)
    }

    mutating func check(_ item: inout TemplateValue, index: Int, sink: inout FindingSink) {
        var count: Int?
        validator.check(fields, in: &item, keyPrefix: "", labelPrefix: "", item: index, rows: &self, count: &count, sink: &sink)
        for rule in rules { validator.compare(rule, in: item, item: index, sink: &sink) }
        calculation?.apply(to: &item, index: index, report: &sink)
    }

    func finish(_ value: inout TemplateValue, count: Int) {
        calculation?.finish(&value, count: count)
    }
}

/// A list form's rows read again from their table, validated and computed item by item as a sheet is filled.
struct ListItems: ItemStream {
    let table: TableItems
    let count: Int
    let validator: FormValidator

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        var items = try ItemValidator(validator, streamed: true)
        var sink = FindingSink(record: 0, row: nil, keeps: false)
        var index = 0
        try table.forEach { _, item in
            var item = item
            items.check(&item, index: index, sink: &sink)
            index += 1
            try body(item)
        }
    }
}
