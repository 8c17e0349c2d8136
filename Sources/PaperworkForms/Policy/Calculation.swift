import PaperworkTemplate

/// A policy's arithmetic for one form: it adds computed fields and reports eligibility.
protocol Calculation: Sendable {
    /// Computes on one validated case (after its list items); findings use `record` and `row` for their place.
    func apply(to value: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError)
    /// For list forms: the arithmetic on each item of the list, with the policy's numbers read once.
    func items(policy: Policy) throws(PolicyError) -> (any ItemCalculation)?
}

extension Calculation {
    func items(policy: Policy) throws(PolicyError) -> (any ItemCalculation)? { nil }
}

/// A list form's arithmetic on each item as it is validated, and the list's totals after the last.
protocol ItemCalculation {
    mutating func apply(to item: inout TemplateValue, index: Int, report: inout FindingSink)
    /// Puts what the items add up to into the case.
    func finish(_ value: inout TemplateValue, count: Int)
}

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

    mutating func error(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.error, rule, field, label, value, item, zh, en)
    }

    mutating func warning(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.warning, rule, field, label, value, item, zh, en)
    }

    private mutating func add(_ severity: Finding.Severity, _ rule: String, _ field: String?, _ label: String?,
                              _ value: String?, _ item: Int?, _ zh: String, _ en: String) {
        guard keeps else { return }
        let record = item.map { $0 + 1 } ?? self.record
        let row = item == nil ? self.row : itemRow
        findings.append(Finding(severity, record: record, row: row, field: field, label: label, value: value, rule: rule, zh: zh, en: en))
    }
}

enum Calculations {
    static func named(_ name: String) -> Calculation? {
        switch name {
        case "rent-reduction": RentReduction()
        case "interest-subsidy": InterestSubsidy()
        case "hr-list": HRList()
        default: nil
        }
    }
}
