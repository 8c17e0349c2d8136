import Foundation
import PaperworkTemplate

extension Checker {
    mutating func call(_ name: String, _ arguments: [Syntax], at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        guard let function = Function(rawValue: name) else {
            throw ExpressionError(.unknownFunction(name, known: Function.allCases.map(\.rawValue)), at: at)
        }
        func arity(_ range: ClosedRange<Int>) throws(ExpressionError) {
            guard range.contains(arguments.count) else {
                throw ExpressionError(.arity(function: name, expected: range, found: arguments.count), at: at)
            }
        }
        if function.aggregates, arguments.count <= (function == .join ? 2 : 1), !(arguments.isEmpty) {
            if function != .min && function != .max || arguments.count == 1 { return try aggregate(function, arguments, at: at) }
        }
        switch function {
        case .min, .max:
            try arity(2...99)
            var checked: [Expr] = []
            var type = ValueType.any
            for a in arguments {
                let (e, t) = try check(a)
                if case .number(let x) = type, case .number(let y) = t, x.joined(with: y) == nil {
                    throw ExpressionError(.units(context: name, x, y), at: a.at)
                }
                guard let joined = type.joined(with: t), joined.isNumber || joined == .date || joined == .any else {
                    throw ExpressionError(.typeMismatch(context: name, expected: type == .any ? .numberOrDate : .type(type), found: t), at: a.at)
                }
                type = joined
                checked.append(e)
            }
            return (.call(function, checked), type)
        case .floor, .ceil, .abs:
            try arity(1...1)
            let (e, t) = try check(arguments[0])
            try expect(.number(.bare), t, name, at: arguments[0].at)
            return (.call(function, [e]), t)
        case .round:
            try arity(2...2)
            let places = try wholeNumber(arguments[1], name)
            if case .binary(.divide, let a, let b) = arguments[0].kind {
                let (ae, at_) = try check(a)
                let (be, bt) = try check(b)
                try expect(.number(.bare), at_, name, at: a.at)
                try expect(.number(.bare), bt, name, at: b.at)
                return (.roundedQuotient(ae, be, places: places), .number(try Self.unit(.divide, at_, bt, "「/」", at: b.at)))
            }
            let (e, t) = try check(arguments[0])
            try expect(.number(.bare), t, name, at: arguments[0].at)
            return (.call(function, [e, .constant(.number(Decimal(places)))]), t)
        case .addMonths, .addYears:
            try arity(2...2)
            return (.call(function, [try argument(arguments[0], .date, name), try argument(arguments[1], .number(.bare), name)]), .date)
        case .daysBetween:
            try arity(2...2)
            return (.call(function, [try argument(arguments[0], .date, name), try argument(arguments[1], .date, name)]), .number(.count("天")))
        case .months:
            try arity(2...2)
            return (.call(function, [try argument(arguments[0], .date, name), try argument(arguments[1], .date, name)]), .list(.date))
        case .capitals:
            try arity(1...1)
            let (e, t) = try check(arguments[0])
            if case .number(let unit) = t, unit.joined(with: .yuan) == nil { throw ExpressionError(.units(context: name, .yuan, unit), at: arguments[0].at) }
            try expect(.number(.yuan), t, name, at: arguments[0].at)
            return (.call(function, [e]), .text)
        case .money:
            try arity(1...1)
            return (.call(function, [try argument(arguments[0], .number(.bare), name)]), .text)
        case .fixed:
            try arity(2...3)
            var checked = [try argument(arguments[0], .number(.bare), name), .constant(.number(Decimal(try wholeNumber(arguments[1], name))))]
            if arguments.count == 3 {
                guard case .text(let mode) = arguments[2].kind, ["up", "down", "plain"].contains(mode) else {
                    throw ExpressionError(.badMode(Self.source(arguments[2])), at: arguments[2].at)
                }
                checked.append(.constant(.text(mode)))
            }
            return (.call(function, checked), .text)
        case .monthText:
            try arity(1...1)
            return (.call(function, [try argument(arguments[0], .date, name)]), .text)
        case .text:
            try arity(1...1)
            return (.call(function, [try check(arguments[0]).0]), .text)
        case .default:
            try arity(2...2)
            let (a, at_) = try check(arguments[0])
            let (b, bt) = try check(arguments[1])
            guard let type = at_.joined(with: bt) else {
                throw ExpressionError(.typeMismatch(context: name, expected: .type(at_), found: bt), at: arguments[1].at)
            }
            return (.call(function, [a, b]), type)
        case .position:
            try arity(0...0)
            guard let list = bound.last else { throw ExpressionError(.itemOutsideList("position()"), at: at) }
            return (.position(frame: state.frame(list)), .number(.bare))
        case .sum, .count, .any, .all, .join:
            throw ExpressionError(.arity(function: name, expected: function == .join ? 2...2 : 1...1, found: arguments.count), at: at)
        }
    }

    private mutating func argument(_ s: Syntax, _ type: ValueType, _ function: String) throws(ExpressionError) -> Expr {
        let (e, t) = try check(s)
        try expect(type, t, function, at: s.at)
        return e
    }

    private func wholeNumber(_ s: Syntax, _ function: String) throws(ExpressionError) -> Int {
        guard case .number(let n) = s.kind, let places = DecimalMath.integer(n), (0...20).contains(places) else {
            throw ExpressionError(.badPlaces(function: function, found: Self.source(s)), at: s.at)
        }
        return places
    }

    static func source(_ s: Syntax) -> String {
        switch s.kind {
        case .text(let t): "\"\(t)\""
        case .number(let n): "\(n)"
        default: "表达式 an expression"
        }
    }

    /// `sum(企业[].培训补贴)`: the body over each item of the one list it names; or `count(policy.hr.batches)` over a list value.
    private mutating func aggregate(_ function: Function, _ arguments: [Syntax], at: Int) throws(ExpressionError) -> (Expr, ValueType) {
        var extra: [Expr] = []
        if function == .join {
            guard arguments.count == 2 else { throw ExpressionError(.arity(function: "join", expected: 2...2, found: arguments.count), at: at) }
            extra = [try argument(arguments[1], .text, "join")]
        }
        let lists = Self.unboundLists(arguments[0], bound: bound)
        guard lists.count <= 1 else { throw ExpressionError(.twoLists(lists[0], lists[1]), at: arguments[0].at) }
        guard let list = lists.first else {
            let (e, t) = try check(arguments[0])
            guard case .list(let element) = t else {
                throw ExpressionError(.typeMismatch(context: function.rawValue, expected: .listOrItems, found: t), at: arguments[0].at)
            }
            try checkBody(function, element, at: arguments[0].at)
            return (.call(function, [e] + extra), resultType(function, element))
        }
        guard scope.lists[list] != nil else {
            throw ExpressionError(scope.fields[list] == nil ? .unknownField(list) : .notAList(list), at: arguments[0].at)
        }
        bound.append(list)
        defer { bound.removeLast() }
        let (body, t) = try check(arguments[0])
        try checkBody(function, t, at: arguments[0].at)
        let frame = state.frame(list)
        if list == scope.rows, bound.count == 1, !perItem {
            state.accumulators.append((function, body, extra))
            return (.accumulated(slot: state.accumulators.count - 1), resultType(function, t))
        }
        return (.aggregate(function, frame: frame, list: list.split(separator: ".").map { FieldKey(String($0)) }, body: body, extra: extra), resultType(function, t))
    }

    private func checkBody(_ function: Function, _ t: ValueType, at: Int) throws(ExpressionError) {
        switch function {
        case .sum: try expect(.number(.bare), t, function.rawValue, at: at)
        case .any, .all: try expect(.bool, t, function.rawValue, at: at)
        case .min, .max:
            guard t.isNumber || t == .date || t == .any else {
                throw ExpressionError(.typeMismatch(context: function.rawValue, expected: .numberOrDate, found: t), at: at)
            }
        default: break
        }
    }

    private func resultType(_ function: Function, _ body: ValueType) -> ValueType {
        switch function {
        case .sum: body.isNumber ? body : .number(.bare)
        case .count: .number(.count(nil))
        case .any, .all: .bool
        case .join: .text
        default: body
        }
    }

    /// The lists whose items `s` reads without an aggregate or per-item value around them, in order of appearance.
    static func unboundLists(_ s: Syntax, bound: [String]) -> [String] {
        var out: [String] = []
        func walk(_ s: Syntax) {
            switch s.kind {
            case .path(let segments, let itemAfter?):
                let list = segments[..<itemAfter].joined(separator: ".")
                if !bound.contains(list) && !out.contains(list) { out.append(list) }
            case .index(let a, let b), .binary(_, let a, let b): walk(a); walk(b)
            case .negate(let a), .not(let a): walk(a)
            case .condition(let a, let b, let c): walk(a); walk(b); walk(c)
            case .call(let name, let arguments):
                if Function(rawValue: name)?.aggregates == true && arguments.count <= 2 && name != "min" && name != "max" { return }
                arguments.forEach(walk)
            default: break
            }
        }
        walk(s)
        return out
    }
}
