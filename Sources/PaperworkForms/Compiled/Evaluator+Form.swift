import PaperworkTemplate

/// Where each value no two items may share was first seen, per unique rule: its row, or -(item number).
typealias SeenValues = [Int: [UniqueKey: Int]]

/// A value as a dictionary key: an 18-character ASCII code (a credit code) packed into 126 bits, so
/// that 100,000 codes need no text allocated or hashed; anything else as its text.
enum UniqueKey: Hashable, Sendable {
    case packed(UInt128)
    case text(String)

    init(_ text: String) {
        let stored = text.utf8.withContiguousStorageIfAvailable(Self.packed)
        guard let packed = stored ?? Self.packed(text.utf8) else { self = .text(text); return }
        self = .packed(packed)
    }

    /// The bytes packed 7 bits each, when they are 18 ASCII bytes.
    private static func packed(_ bytes: some Collection<UInt8>) -> UInt128? {
        guard bytes.count == 18 else { return nil }
        var packed = UInt128(0)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            packed = packed << 7 | UInt128(byte)
        }
        return packed
    }
}

extension Evaluator {
    /// Computes one whole-case value into the case; a missing result, or a `when` that does not hold, leaves it out.
    mutating func compute(_ c: CompiledValue) {
        if let when = c.when, value(when) != .bool(true) { return }
        if let list = c.list {
            guard case .list(let elements) = value(list.over) else { return }
            var out: [TemplateValue] = []
            out.reserveCapacity(elements.count)
            for element in elements {
                locals[list.local] = element
                var members: [FieldKey: TemplateValue] = [:]
                for (key, e) in list.fields {
                    let v = value(e)
                    if v != .null { members[key] = v.template }
                }
                out.append(.object(members))
            }
            root.set(.list(out), at: c.path)
        } else if let e = c.value {
            let v = value(e)
            if v != .null { root.set(v.template, at: c.path) }
        }
    }

    /// Computes the plan's per-item values the item keeps (all but internal ones), postponed before; `computed[i]`
    /// tells whether the plan's i-th value was set. In dependency order, so each is computed by its own settle.
    mutating func settleKept(_ plan: ItemPlan, into computed: inout [Bool]) {
        for (i, c) in plan.computed.enumerated() {
            computed[i] = !c.isInternal && c.slot.map { settle(frame: plan.frame, slot: $0) } ?? false
        }
    }

    /// The current item of the plan's list as the case holds it, with the per-item values computed (`computed`, in the
    /// plan's order) and without the internal ones; the item is taken from the evaluator.
    mutating func item(_ plan: ItemPlan, computed: [Bool]) -> [FieldKey: TemplateValue] {
        var members = items[plan.frame].members
        items[plan.frame] = .none
        for (i, c) in plan.computed.enumerated() {
            if c.isInternal {
                members[c.path[0]] = nil
            } else if computed[i], let slot = c.slot {
                members[c.path[0]] = slots[plan.frame][slot].template
            }
        }
        return members
    }

    /// Checks a rule (on the current item of `frame`, when given) and reports it when it does not hold.
    /// `item` is the item's index for findings that belong to a list form's row.
    mutating func check(_ rule: CompiledRule, index: Int, frame: Int?, item: Int?, seen: inout SeenValues, itemRow: Int?, sink: inout FindingSink) {
        if let when = rule.when, value(when) != .bool(true) { return }
        switch rule.test {
        case .holds(let e):
            guard value(e) == .bool(false) else { return }
        case .unique(let e):
            let v = value(e)
            guard v != .null else { return }
            let key = UniqueKey(v.shown)
            let position = frame.map { positions[$0] + 1 } ?? 1
            guard let first = seen[index]?[key] else {
                seen[index, default: [:]][key] = itemRow ?? -position
                return
            }
            if let slot = rule.firstLocal { locals[slot] = .text(first > 0 ? "第 \(first) 行" : "第 \(-first) 家") }
        }
        let shown: String?
        if let v = rule.value {
            shown = value(v).shown
        } else if let path = rule.fieldPath {
            let raw = frame.map { f in (items[f].member(path[0]) ?? computed(path[0], frame: f)).flatMap { path.count == 1 ? $0 : $0.value(at: Array(path.dropFirst())) } } ?? root.value(at: path)
            shown = raw?.displayText
        } else {
            shown = nil
        }
        sink.add(rule.severity == .error ? .error : .warning, rule.id, field: rule.field, label: rule.label, value: shown, item: item,
                 zh: text(rule.message), en: text(rule.messageEn))
    }

    /// A per-item value computed into a slot of the current item of `frame`, as the case would hold it.
    private mutating func computed(_ key: FieldKey, frame: Int) -> TemplateValue? {
        guard let slot = program.slot(key.text, frame: frame) else { return nil }
        settle(frame: frame, slot: slot)
        guard slots[frame][slot] != .null else { return nil }
        return slots[frame][slot].template
    }

    private mutating func text(_ parts: [MessagePart]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let t): out += t
            case .value(let e): out += value(e).shown
            }
        }
        return out
    }
}
