import Foundation
import PaperworkTemplate

/// A checked expression: every name resolved to where its value is read, every type known.
indirect enum Expr: Sendable {
    case constant(Value)
    /// A field or computed value of the case, at its path, read as its type.
    case field([FieldKey], ValueType)
    /// A field of the current item of a list (`企业[].培训人数`): the list's frame, the path in the item.
    case item(frame: Int, [FieldKey], ValueType)
    /// The element a computed list is being made from (`item`).
    case local(Int)
    /// The current item's number (from 1) in the list of `frame`.
    case position(frame: Int)
    /// A table's value by name, or a list's element by number (from 1), read as `ValueType`.
    case index(Expr, Expr, ValueType)
    case negate(Expr)
    case not(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case condition(Expr, Expr, Expr)
    case call(Function, [Expr])
    /// `sum(付息记录[].金额)`: `body` evaluated on each item of the list at `list` (bound to `frame`).
    case aggregate(Function, frame: Int, list: [FieldKey], body: Expr, extra: [Expr])
    /// An aggregate over a list form's rows, added up as the items pass: its result is read from a slot.
    case accumulated(slot: Int)
    /// `round(a / b, places)`, computed exactly without a 38-digit quotient first.
    case roundedQuotient(Expr, Expr, places: Int)
}

/// The functions of the expression language.
enum Function: String, Sendable, CaseIterable {
    case min, max, floor, ceil, round, abs
    case sum, count, any, all, join
    case addMonths = "add_months", addYears = "add_years", daysBetween = "days_between", months
    case capitals, text, money, fixed
    case monthText = "month_text"
    case `default`
    case position

    /// Functions that go over a list: their argument may name a list's items (`企业[].x`).
    var aggregates: Bool { [.sum, .count, .any, .all, .join, .min, .max].contains(self) }
}
