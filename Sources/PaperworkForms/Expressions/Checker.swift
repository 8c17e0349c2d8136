import Foundation
import PaperworkTemplate

/// Resolves the names of an expression and checks its types against the form and the policy.
struct Checker {
    let scope: Scope
    var state: CheckState
    /// Lists whose item is current (bound by an aggregate or a per-item value), innermost last.
    var bound: [String] = []
    /// Set when checking a per-item value: it may not read whole-case computed values.
    var perItem = false
    /// Named locals in scope (`item`), with their slot and type.
    var locals: [String: (slot: Int, type: ValueType)] = [:]
    /// The computed values the expression reads (top-level dotted keys, or `list[].key`).
    var dependencies: Set<String> = []
    /// Every field and computed value the expression reads (dotted keys; items as `list[].key`).
    var reads: Set<String> = []

    init(scope: Scope, state: CheckState) {
        self.scope = scope
        self.state = state
    }

    mutating func check(_ s: Syntax) throws(ExpressionError) -> (Expr, ValueType) {
        switch s.kind {
        case .number(let n): return (.constant(.number(n)), .number(.bare))
        case .percent(let n): return (.constant(.number(n)), .number(.ratio))
        case .text(let t): return (.constant(.text(t)), .text)
        case .date(let d): return (.constant(.date(d)), .date)
        case .bool(let b): return (.constant(.bool(b)), .bool)
        case .null: return (.constant(.null), .any)
        case .path(let segments, let itemAfter): return try path(segments, itemAfter: itemAfter, at: s.at)
        case .index(let base, let key): return try index(base, key, at: s.at)
        case .negate(let inner):
            let (e, t) = try check(inner)
            try expect(.number(.bare), t, "-", at: inner.at)
            return (.negate(e), t)
        case .not(let inner):
            let (e, t) = try check(inner)
            try expect(.bool, t, "not", at: inner.at)
            return (.not(e), .bool)
        case .binary(let op, let a, let b): return try binary(op, a, b, at: s.at)
        case .condition(let c, let yes, let no):
            let (ce, ct) = try check(c)
            try expect(.bool, ct, "if", at: c.at)
            let (ye, yt) = try check(yes)
            let (ne, nt) = try check(no)
            guard let t = yt.joined(with: nt) else {
                throw ExpressionError(.typeMismatch(context: "then/else", expected: .type(yt), found: nt), at: no.at)
            }
            return (.condition(ce, ye, ne), t)
        case .call(let name, let arguments): return try call(name, arguments, at: s.at)
        }
    }

    func expect(_ expected: ValueType, _ found: ValueType, _ context: String, at: Int) throws(ExpressionError) {
        guard expected.accepts(found) else {
            throw ExpressionError(.typeMismatch(context: context, expected: .type(expected), found: found), at: at)
        }
    }

    private mutating func path(_ segments: [String], itemAfter: Int?, at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        if segments.count == 1, itemAfter == nil, let local = locals[segments[0]] { return (.local(local.slot), local.type) }
        if segments[0] == "policy", itemAfter == nil { return try policy(Array(segments.dropFirst()), at: at) }
        guard let itemAfter else {
            let key = segments.joined(separator: ".")
            guard let type = scope.fields[key] else {
                if scope.lists[key] == nil, let list = scope.lists.keys.first(where: { key.hasPrefix($0 + ".") }) {
                    throw ExpressionError(.itemOutsideList(list + "[]" + key.dropFirst(list.count)), at: at)
                }
                throw ExpressionError(.unknownField(key), at: at)
            }
            reads.insert(key)
            if scope.computed.contains(key) {
                if perItem { throw ExpressionError(.notComputedYet(key), at: at) }
                dependencies.insert(key)
            }
            return (.field(segments.map { FieldKey($0) }, type), type)
        }
        let list = segments[..<itemAfter].joined(separator: ".")
        guard let fields = scope.lists[list] else {
            throw ExpressionError(scope.fields[list] == nil ? .unknownField(list) : .notAList(list), at: at)
        }
        guard bound.contains(list) else { throw ExpressionError(.itemOutsideList(list + "[]"), at: at) }
        let frame = state.frame(list)
        let rest = Array(segments[itemAfter...])
        guard !rest.isEmpty else { return (.item(frame: frame, [], .record(fields)), .record(fields)) }
        let key = rest.joined(separator: ".")
        guard let type = fields[key] else { throw ExpressionError(.unknownField(list + "[]." + key), at: at) }
        reads.insert(list + "[]." + key)
        if scope.itemComputed.contains(list + "[]." + key) { dependencies.insert(list + "[]." + key) }
        return (.item(frame: frame, rest.map { FieldKey($0) }, type), type)
    }

    /// A policy value is read when the form is loaded: it becomes a constant.
    private func policy(_ keys: [String], at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        guard let v = scope.policy.value(at: keys.map { FieldKey($0) }), v != .null else {
            throw ExpressionError(.unknownPolicyKey((["policy"] + keys).joined(separator: ".")), at: at)
        }
        let (value, type) = Self.policyValue(v)
        return (.constant(value), type)
    }

    /// A policy file's value with its type: text that reads as an ISO date is a date.
    static func policyValue(_ v: TemplateValue) -> (Value, ValueType) {
        switch v {
        case .null: return (.null, .any)
        case .bool(let b): return (.bool(b), .bool)
        case .number(let n): return (.number(n), .number(.bare))
        case .string(let s):
            if s.count == 10, let d = CalendarDate.parse(s) { return (.date(d), .date) }
            if s.hasSuffix("%"), let n = DecimalFormat.parseAmount(String(s.dropLast())) { return (.number(n / 100), .number(.ratio)) }
            return (.text(s), .text)
        case .list(let items):
            let values = items.map(policyValue)
            let element = values.dropFirst().reduce(values.first?.1 ?? .any) { $0?.joined(with: $1.1) } ?? .any
            return (.list(values.map(\.0)), .list(element))
        case .object(let members):
            var out: [FieldKey: TemplateValue] = [:]
            var element: ValueType? = nil
            for (k, m) in members {
                let (value, type) = policyValue(m)
                out[k] = value.template
                element = element.map { $0.joined(with: type) ?? .any } ?? type
            }
            return (.record(out), .map(element ?? .any))
        }
    }

    private mutating func index(_ base: Syntax, _ key: Syntax, at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        let (be, bt) = try check(base)
        let (ke, kt) = try check(key)
        switch bt {
        case .map(let element):
            try expect(.text, kt, "[…]", at: key.at)
            return (.index(be, ke, element), element)
        case .list(let element):
            try expect(.number(.bare), kt, "[…]", at: key.at)
            return (.index(be, ke, element), element)
        default:
            throw ExpressionError(.typeMismatch(context: "[…]", expected: .listOrTable, found: bt), at: at)
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ a: Syntax, _ b: Syntax, at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        let (ae, at_) = try check(a)
        let (be, bt) = try check(b)
        let context = op.rawValue
        switch op {
        case .and, .or:
            try expect(.bool, at_, context, at: a.at)
            try expect(.bool, bt, context, at: b.at)
            return (.binary(op, ae, be), .bool)
        case .in, .notIn:
            try expect(.list(at_), bt, context, at: b.at)
            return (.binary(op, ae, be), .bool)
        case .plus where at_ == .text:
            try expect(.text, bt, context, at: b.at)
            return (.binary(op, ae, be), .text)
        case .plus, .minus, .times, .divide:
            try expect(.number(.bare), at_, context, at: a.at)
            try expect(.number(.bare), bt, context, at: b.at)
            return (.binary(op, ae, be), .number(try Self.unit(op, at_, bt, context, at: b.at)))
        default:
            if case .number(let x) = at_, case .number(let y) = bt, x.joined(with: y) == nil {
                throw ExpressionError(.units(context: context, x, y), at: b.at)
            }
            guard at_.joined(with: bt) != nil, at_ != .bool || [.equal, .notEqual].contains(op) else {
                throw ExpressionError(.typeMismatch(context: context, expected: .type(at_), found: bt), at: b.at)
            }
            return (.binary(op, ae, be), .bool)
        }
    }

    /// The unit of `a op b` for numbers: sums keep their shared unit, products and quotients combine them.
    static func unit(_ op: BinaryOperator, _ a: ValueType, _ b: ValueType, _ context: String, at: Int) throws(ExpressionError) -> NumberUnit {
        guard case .number(let x) = a, case .number(let y) = b else { return .bare }
        let unit: NumberUnit? = switch op {
        case .times: x.times(y)
        case .divide: x.divided(by: y)
        default: x.joined(with: y)
        }
        guard let unit else { throw ExpressionError(.units(context: context, x, y), at: at) }
        return unit
    }
}
