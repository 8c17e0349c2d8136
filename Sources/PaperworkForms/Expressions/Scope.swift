import PaperworkTemplate

/// What the names of a form's expressions mean: its fields and computed values with their types,
/// the fields of each list's items, and the policy file.
struct Scope: Sendable {
    /// Top-level fields and computed values by dotted key.
    var fields: [String: ValueType] = [:]
    /// The keys among `fields` that are computed.
    var computed: Set<String> = []
    /// Each list's item fields (computed per-item values included) by the list's dotted key.
    var lists: [String: [String: ValueType]] = [:]
    /// Per-item computed values, as `list[].key`.
    var itemComputed: Set<String> = []
    var policy: TemplateValue = .null
    /// A list form's rows, streamed: aggregates over them add up as items pass.
    var rows: String?
}

/// What checking expressions builds up across a form: the frames of lists, the rows' accumulators.
struct CheckState: Sendable {
    /// The lists items are read from, by frame number.
    var frames: [String] = []
    /// Aggregates over the rows: the function, the per-item body and its extra arguments, by slot.
    var accumulators: [(function: Function, body: Expr, extra: [Expr])] = []
    /// Locals (`item` of computed lists) by slot.
    var locals = 0

    mutating func frame(_ list: String) -> Int {
        if let i = frames.firstIndex(of: list) { return i }
        frames.append(list)
        return frames.count - 1
    }
}
