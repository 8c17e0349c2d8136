import Foundation
import PaperworkTemplate

extension Evaluator {
    /// A function of the arguments at `arguments` in the program's argument list.
    mutating func call(_ function: Function, _ arguments: Range<Int>) -> Value {
        let first = program.arguments[arguments.lowerBound]
        if function == .default {
            let v = value(first)
            return v == .null ? value(program.arguments[arguments.lowerBound + 1]) : v
        }
        if function == .floor, case .binary(.divide, let a, let b) = program.nodes[first] {
            guard case .number(let x) = value(a), case .number(let y) = value(b), !y.isZero else { return .null }
            return .number(Self.floorDivide(x, y))
        }
        if function == .min || function == .max {
            let better = function == .min ? ComparisonResult.orderedAscending : .orderedDescending
            var best = Value.null
            for a in arguments {
                let v = value(program.arguments[a])
                if v == .null { return .null }
                if best == .null || Self.order(v, best) == better { best = v }
            }
            return best
        }
        var values: (Value, Value, Value) = (.null, .null, .null)
        for (i, a) in arguments.prefix(3).enumerated() {
            let v = value(program.arguments[a])
            if v == .null { return .null }
            switch i {
            case 0: values.0 = v
            case 1: values.1 = v
            default: values.2 = v
            }
        }
        return apply(function, values, count: arguments.count)
    }

    /// A function of its arguments' values (at most three, none missing; the ones past `count` null).
    private func apply(_ function: Function, _ values: (Value, Value, Value), count: Int) -> Value {
        switch (function, values.0) {
        case (.floor, .number(let n)): return .number(DecimalFormat.rounded(n, places: 0, mode: .down))
        case (.ceil, .number(let n)): return .number(DecimalFormat.rounded(n, places: 0, mode: .up))
        case (.abs, .number(let n)): return .number(n < 0 ? DecimalMath.negated(n) : n)
        case (.round, .number(let n)):
            guard case .number(let p) = values.1, let places = DecimalMath.integer(p) else { return .null }
            return .number(DecimalFormat.rounded(n, places: places))
        case (.addMonths, .date(let d)):
            guard case .number(let n) = values.1, let months = DecimalMath.integer(n) else { return .null }
            return Self.adding(months: months, to: d).map(Value.date) ?? .null
        case (.addYears, .date(let d)):
            guard case .number(let n) = values.1, let years = DecimalMath.integer(n) else { return .null }
            return d.adding(years: years).map(Value.date) ?? .null
        case (.daysBetween, .date(let a)):
            guard case .date(let b) = values.1 else { return .null }
            return .number(Decimal(b.excelSerial - a.excelSerial))
        case (.months, .date(let a)):
            guard case .date(let b) = values.1 else { return .null }
            return .list(Self.months(from: a, to: b).map(Value.date))
        case (.capitals, .number(let n)): return .text(ChineseAmount.capitals(n) ?? "")
        case (.money, .number(let n)): return .text(DecimalFormat.money(n))
        case (.fixed, .number(let n)):
            guard case .number(let p) = values.1, let places = DecimalMath.integer(p) else { return .null }
            let mode: NSDecimalNumber.RoundingMode = switch values.2 {
            case .text("up"): .up
            case .text("down"): .down
            default: .plain
            }
            return .text(DecimalFormat.fixed(n, places: places, mode: mode))
        case (.monthText, .date(let d)): return .text("\(d.year)年\(d.month)月")
        case (.text, let v): return .text(v.shown)
        case (.sum, .list(let l)), (.count, .list(let l)), (.any, .list(let l)), (.all, .list(let l)), (.join, .list(let l)):
            var fold = Fold(function)
            l.forEach { fold.add($0) }
            return fold.result(separator: count > 1 ? values.1.shown : "")
        default: return .null
        }
    }

    /// The whole number of times `b` goes into `a`, rounded down.
    static func floorDivide(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = DecimalMath.integer(a), let y = DecimalMath.integer(b), x >= 0, y > 0 { return Decimal(x / y) }
        return DecimalFormat.rounded(a / b, places: 0, mode: .down)
    }

    /// The same day `months` later; a day the month lacks becomes its last (31 January + 1 month = 29 February in 2020).
    static func adding(months: Int, to d: CalendarDate) -> CalendarDate? {
        let index = d.year * 12 + (d.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        var day = d.day
        while day > 28, CalendarDate(year: year, month: month, day: day) == nil { day -= 1 }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The first day of each month from `a`'s to `b`'s, both included.
    static func months(from a: CalendarDate, to b: CalendarDate) -> [CalendarDate] {
        var out: [CalendarDate] = []
        var index = a.year * 12 + a.month - 1
        let last = b.year * 12 + b.month - 1
        while index <= last, out.count < 1200 {
            if let d = CalendarDate(year: index / 12, month: index % 12 + 1, day: 1) { out.append(d) }
            index += 1
        }
        return out
    }
}
