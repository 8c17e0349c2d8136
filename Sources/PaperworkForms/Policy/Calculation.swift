import PaperworkTemplate

/// A policy's arithmetic for one form: it adds computed fields and reports eligibility.
protocol Calculation: Sendable {
    /// Computes on one validated case; findings use `record` and `rows` for their place.
    func apply(to value: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError)
}

/// Collects findings for one case.
struct FindingSink {
    var record: Int
    var row: Int?
    var itemRows: [Int]?
    var findings: [Finding] = []

    mutating func error(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.error, rule, field, label, value, item, zh, en)
    }

    mutating func warning(_ rule: String, field: String? = nil, label: String? = nil, value: String? = nil, item: Int? = nil, zh: String, en: String) {
        add(.warning, rule, field, label, value, item, zh, en)
    }

    private mutating func add(_ severity: Finding.Severity, _ rule: String, _ field: String?, _ label: String?,
                              _ value: String?, _ item: Int?, _ zh: String, _ en: String) {
        let record = item.map { $0 + 1 } ?? self.record
        let row = item.flatMap { i in itemRows.flatMap { i < $0.count ? $0[i] : nil } } ?? (item == nil ? self.row : nil)
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
