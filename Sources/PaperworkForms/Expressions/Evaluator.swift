import Foundation
import PaperworkTemplate

/// Evaluates a form's lowered expressions on one case: the case's value tree, the current item of each
/// list being gone through (as the case holds it, and its fields read into slots), the locals of a
/// computed list and the rows' accumulated results.
/// A missing value (`null`) makes what depends on it missing too; a rule on a missing value holds.
struct Evaluator {
    let program: Program
    var root: TemplateValue
    /// The current item of each list as the case holds it, by frame.
    var items: [HeldItem]
    /// The current item's fields and per-item computed values, read as their types, by frame and slot.
    var slots: [[Value]]
    /// Per-item computed values of the current item not computed yet (the program's item value, or -1), by frame and slot.
    var pending: [[Int]]
    /// The current item's index (from 0), by frame.
    var positions: [Int]
    var locals: [Value]
    /// The results of the aggregates over a list form's rows.
    var results: [Value] = []

    init(program: Program, root: TemplateValue, locals: Int) {
        self.program = program
        self.root = root
        items = Array(repeating: .none, count: program.layouts.count)
        slots = program.layouts.map { Array(repeating: .null, count: $0.count) }
        pending = program.layouts.map { Array(repeating: -1, count: $0.count) }
        positions = Array(repeating: 0, count: program.layouts.count)
        self.locals = Array(repeating: .null, count: locals)
    }

    /// Makes `members` the current item of `frame`, at index `position`: each slot that is read filled from it.
    mutating func enter(_ members: [FieldKey: TemplateValue], frame: Int, position: Int) {
        let layout = program.layouts[frame]
        let loaded = program.loaded[frame]
        for i in layout.indices where loaded[i] {
            let path = layout[i].path
            guard let v = members[path[0]] else { slots[frame][i] = .null; continue }
            slots[frame][i] = Value(path.count == 1 ? v : v.value(at: Array(path.dropFirst())) ?? .null, as: layout[i].type)
        }
        items[frame] = .members(members)
        positions[frame] = position
    }

    /// Makes a row's converted `values` (in `order`) the current item of `frame`, at index `position`.
    mutating func enter(_ values: [TemplateValue?], order: FieldOrder, frame: Int, position: Int) {
        for (slot, field, type) in order.slots {
            slots[frame][slot] = field >= 0 ? values[field].map { Value($0, as: type) } ?? .null : .null
        }
        items[frame] = .fields(values, order)
        positions[frame] = position
    }

    /// Makes the current item's per-item `values` (the program's item values) be computed when first read.
    mutating func postpone(_ values: [Int]) {
        for i in values {
            let v = program.itemValues[i]
            pending[v.frame][v.slot] = i
        }
    }

    /// Forgets the per-item `values` postponed and never read, before the next item.
    mutating func forget(_ values: [Int]) {
        for i in values {
            let v = program.itemValues[i]
            pending[v.frame][v.slot] = -1
        }
    }

    /// Computes a per-item value that was postponed, into its slot; a missing result, or a `when` that does not hold,
    /// leaves the slot. True when it was computed here and set.
    @discardableResult
    mutating func settle(frame: Int, slot: Int) -> Bool {
        let i = pending[frame][slot]
        guard i >= 0 else { return false }
        pending[frame][slot] = -1
        let item = program.itemValues[i]
        if let when = item.when, value(when) != .bool(true) { return false }
        let v = value(item.value)
        guard v != .null else { return false }
        slots[frame][slot] = v
        return true
    }

    /// Computes every deferred per-item value of `frame`.
    mutating func settle(frame: Int) {
        for slot in pending[frame].indices { settle(frame: frame, slot: slot) }
    }

    /// The current item of `frame` with the per-item values computed so far, as the case holds it.
    mutating func record(_ frame: Int) -> [FieldKey: TemplateValue] {
        settle(frame: frame)
        var members = items[frame].members
        for (i, slot) in program.layouts[frame].enumerated() where slot.path.count == 1 && members[slot.path[0]] == nil {
            let v = slots[frame][i]
            if v != .null { members[slot.path[0]] = v.template }
        }
        return members
    }

    mutating func value(_ code: Code) -> Value {
        value(code.node)
    }

    mutating func value(_ n: Int) -> Value {
        switch program.nodes[n] {
        case .constant(let c): return program.constants[c]
        case .field(let path, let type): return Value(root.value(at: program.paths[path]) ?? .null, as: program.types[type])
        case .item(let frame, let slot):
            if pending[frame][slot] >= 0 { settle(frame: frame, slot: slot) }
            return slots[frame][slot]
        case .record(let frame): return .record(record(frame))
        case .local(let slot): return locals[slot]
        case .position(let frame): return .number(Decimal(positions[frame] + 1))
        case .index(let base, let key, let type): return index(value(base), value(key), program.types[type])
        case .negate(let a):
            guard case .number(let n) = value(a) else { return .null }
            return .number(DecimalMath.negated(n))
        case .not(let a):
            guard case .bool(let b) = value(a) else { return .null }
            return .bool(!b)
        case .binary(let op, let a, let b): return binary(op, a, b)
        case .condition(let c, let yes, let no): return value(c) == .bool(true) ? value(yes) : value(no)
        case .call(let function, let start, let count): return call(function, start ..< start + count)
        case .aggregate(let function, let frame, let list, let body, let extra):
            guard case .list(let elements)? = root.value(at: program.paths[list]) else { return .null }
            var fold = Fold(function)
            let saved = (items[frame], slots[frame], positions[frame])
            for (i, element) in elements.enumerated() {
                guard case .object(let members) = element else { continue }
                enter(members, frame: frame, position: i)
                fold.add(value(body))
            }
            (items[frame], slots[frame], positions[frame]) = saved
            return fold.result(separator: extra >= 0 ? value(extra).shown : "")
        case .accumulated(let slot): return slot < results.count ? results[slot] : .null
        case .roundedQuotient(let a, let b, let places):
            guard case .number(let x) = value(a), case .number(let y) = value(b), !y.isZero else { return .null }
            return .number(DecimalMath.quotient(x, y, places: places))
        }
    }

    private func index(_ base: Value, _ key: Value, _ type: ValueType) -> Value {
        switch (base, key) {
        case (.record(let members), .text(let k)): return members[FieldKey(k)].map { Value($0, as: type) } ?? .null
        case (.list(let elements), .number(let n)):
            guard let i = DecimalMath.integer(n), i >= 1, i <= elements.count else { return .null }
            return elements[i - 1]
        default: return .null
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ a: Int, _ b: Int) -> Value {
        switch op {
        case .and:
            let x = value(a)
            if x == .bool(false) { return x }
            let y = value(b)
            if y == .bool(false) { return y }
            return x == .null || y == .null ? .null : .bool(true)
        case .or:
            let x = value(a)
            if x == .bool(true) { return x }
            let y = value(b)
            if y == .bool(true) { return y }
            return x == .null || y == .null ? .null : .bool(false)
        default: break
        }
        let x = value(a), y = value(b)
        switch (op, x, y) {
        case (.equal, .null, _), (.equal, _, .null): return .bool(x == y)
        case (.notEqual, .null, _), (.notEqual, _, .null): return .bool(x != y)
        case (_, .null, _), (_, _, .null): return .null
        case (.plus, .text(let m), .text(let n)): return .text(m + n)
        case (.in, _, .list(let list)): return .bool(list.contains(x))
        case (.notIn, _, .list(let list)): return .bool(!list.contains(x))
        case (.plus, .number(let m), .number(let n)): return .number(DecimalMath.sum(m, n))
        case (.minus, .number(let m), .number(let n)): return .number(DecimalMath.difference(m, n))
        case (.times, .number(let m), .number(let n)): return .number(DecimalMath.product(m, n))
        case (.divide, .number(let m), .number(let n)): return n.isZero ? .null : .number(m / n)
        default:
            guard let order = Self.order(x, y) else { return .null }
            switch op {
            case .less: return .bool(order == .orderedAscending)
            case .lessOrEqual: return .bool(order != .orderedDescending)
            case .greater: return .bool(order == .orderedDescending)
            case .greaterOrEqual: return .bool(order != .orderedAscending)
            case .equal: return .bool(order == .orderedSame)
            case .notEqual: return .bool(order != .orderedSame)
            default: return .null
            }
        }
    }

    static func order(_ x: Value, _ y: Value) -> ComparisonResult? {
        switch (x, y) {
        case (.number(let m), .number(let n)): return DecimalMath.compare(m, n)
        case (.date(let m), .date(let n)): return m < n ? .orderedAscending : n < m ? .orderedDescending : .orderedSame
        case (.text(let m), .text(let n)): return m == n ? .orderedSame : m < n ? .orderedAscending : .orderedDescending
        case (.bool(let m), .bool(let n)): return m == n ? .orderedSame : m ? .orderedDescending : .orderedAscending
        default: return nil
        }
    }
}

/// Adds up the values an aggregate goes over: nulls are skipped.
struct Fold: Sendable {
    let function: Function
    private var total = Decimal()
    private var count = 0
    private var flag: Bool
    private var extreme: Value = .null
    private var texts: [String] = []

    init(_ function: Function) {
        self.function = function
        flag = function == .all
    }

    mutating func add(_ v: Value) {
        if v == .null { return }
        switch function {
        case .sum: if case .number(let n) = v { total = DecimalMath.sum(total, n) }
        case .count: if v != .bool(false) { count += 1 }
        case .any: if v == .bool(true) { flag = true }
        case .all: if v == .bool(false) { flag = false }
        case .min, .max:
            let better = function == .min ? ComparisonResult.orderedAscending : .orderedDescending
            if extreme == .null || Evaluator.order(v, extreme) == better { extreme = v }
        case .join: texts.append(v.shown)
        default: break
        }
    }

    /// Adds what another fold of the same function took in after this one's values.
    mutating func merge(_ other: Fold) {
        switch function {
        case .sum: total = DecimalMath.sum(total, other.total)
        case .count: count += other.count
        case .any: flag = flag || other.flag
        case .all: flag = flag && other.flag
        case .min, .max: if other.extreme != .null { add(other.extreme) }
        case .join: texts += other.texts
        default: break
        }
    }

    func result(separator: String) -> Value {
        switch function {
        case .sum: .number(total)
        case .count: .number(Decimal(count))
        case .any, .all: .bool(flag)
        case .join: .text(texts.joined(separator: separator))
        default: extreme
        }
    }
}
