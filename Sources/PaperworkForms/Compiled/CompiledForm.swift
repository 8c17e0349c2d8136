import PaperworkTemplate

/// A form checked against its policy and ready to validate cases: every path resolved, every policy
/// number folded in, computed values in the order they depend on each other.
struct CompiledForm: Sendable {
    let manifest: FormManifest
    /// Every expression of the form, lowered; the slots of the items of each list read (by frame).
    let program: Program
    /// How many locals (`item`) expressions use.
    let locals: Int
    /// Whole-case computed values, each after those it reads.
    let computed: [CompiledValue]
    /// Each list's per-item values and rules; the rows' plan runs as items stream.
    let plans: [ItemPlan]
    /// Whole-case rules, in manifest order.
    let rules: [CompiledRule]
    /// Field labels by key, list items' fields included.
    let labels: [String: String]

    var rowsPlan: ItemPlan? { plans.first { $0.isRows } }
}

/// A computed value: where it goes and how it is made.
struct CompiledValue: Sendable {
    let key: String
    let path: [FieldKey]
    /// For a per-item value: its slot in the items of its list, and its number among the program's item values.
    let slot: Int?
    let itemValue: Int?
    let value: Code?
    let when: Code?
    /// A computed list: the list each item is made from, the local its element is bound to, the item's fields.
    let list: (over: Code, local: Int, fields: [(key: FieldKey, value: Code)])?
    let isInternal: Bool
}

/// What happens to each item of one list: its computed values, its rules, the aggregates over it.
struct ItemPlan: Sendable {
    let list: String
    let path: [FieldKey]
    let frame: Int
    let isRows: Bool
    let computed: [CompiledValue]
    let rules: [CompiledRule]
    /// For the rows: the aggregates whole-case values read, added up item by item.
    let accumulators: [(function: Function, body: Code, extra: Code?)]
}

/// A rule: the condition that must hold (or the value that must be unique), and what a finding says.
/// A class, so that going over a list's rules for each row copies no rule.
final class CompiledRule: Sendable {
    enum Test: Sendable {
        case holds(Code)
        case unique(Code)
    }

    let id: String
    let severity: RuleSpec.Severity
    /// For a whole-case rule on each item of a list (not the rows): the list's frame and path.
    let each: (frame: Int, path: [FieldKey])?
    let test: Test
    let when: Code?
    let field: String?
    let fieldPath: [FieldKey]?
    let label: String?
    let value: Code?
    let message: [MessagePart]
    let messageEn: [MessagePart]
    /// For unique rules: the local that tells the message where the value was first seen (`{first}`).
    let firstLocal: Int?

    init(id: String, severity: RuleSpec.Severity, each: (frame: Int, path: [FieldKey])?, test: Test, when: Code?, field: String?,
         fieldPath: [FieldKey]?, label: String?, value: Code?, message: [MessagePart], messageEn: [MessagePart], firstLocal: Int?) {
        self.id = id
        self.severity = severity
        self.each = each
        self.test = test
        self.when = when
        self.field = field
        self.fieldPath = fieldPath
        self.label = label
        self.value = value
        self.message = message
        self.messageEn = messageEn
        self.firstLocal = firstLocal
    }
}

/// A piece of a rule's message: text as written, or `{expression}` shown.
enum MessagePart: Sendable {
    case text(String)
    case value(Code)
}
