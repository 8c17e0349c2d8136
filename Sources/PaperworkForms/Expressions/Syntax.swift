import Foundation
import PaperworkTemplate

/// An expression as written, before names are resolved and types checked.
struct Syntax: Sendable {
    indirect enum Kind: Sendable {
        case number(Decimal)
        /// `5.5%`, read as the ratio 0.055.
        case percent(Decimal)
        case text(String)
        case date(CalendarDate)
        case bool(Bool)
        case null
        /// A dotted path; `item` marks `企业[]`: the segments before it name the list, those after it the item's field.
        case path([String], itemAfter: Int?)
        case index(Syntax, Syntax)
        case negate(Syntax)
        case not(Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        case condition(Syntax, Syntax, Syntax)
        case call(String, [Syntax])
    }

    var kind: Kind
    var at: Int
}

enum BinaryOperator: String, Sendable {
    case plus = "+", minus = "-", times = "*", divide = "/"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    case and, or, `in`, notIn = "not in"

    var isComparison: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual].contains(self) }
    var isArithmetic: Bool { [.plus, .minus, .times, .divide].contains(self) }
}
