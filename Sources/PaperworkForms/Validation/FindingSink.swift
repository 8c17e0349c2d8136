/// Collects findings for one case.
struct FindingSink {
    var record: Int
    var row: Int?
    /// The row in the file of the list item being checked, when it came from a table.
    var itemRow: Int?
    /// False when the findings are not wanted (a list read again to fill it, after it was validated).
    var keeps = true
    var findings: [Finding] = []

    init(record: Int, row: Int?, keeps: Bool = true) {
        self.record = record
        self.row = row
        self.keeps = keeps
    }

    mutating func add(_ severity: Finding.Severity, _ rule: String, field: String? = nil, label: String? = nil, value: String? = nil,
                      item: Int? = nil, zh: String, en: String) {
        guard keeps else { return }
        let record = item.map { $0 + 1 } ?? self.record
        let row = item == nil ? self.row : itemRow
        findings.append(Finding(severity, record: record, row: row, field: field, label: label, value: value, rule: rule, zh: zh, en: en))
    }

    mutating func error(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.error, rule, field: field, label: label, value: value, item: item, zh: zh, en: en)
    }

    mutating func warning(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.warning, rule, field: field, label: label, value: value, item: item, zh: zh, en: en)
    }
}
