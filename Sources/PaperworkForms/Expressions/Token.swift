import Foundation
import PaperworkTemplate

/// One word of an expression, with the character offset where it starts.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Decimal)
        /// `5.5%`: the ratio 0.055.
        case percent(Decimal)
        case text(String)
        case date(CalendarDate)
        /// A name, or one segment of a dotted path: `原合同`, `2019年12月末`, `policy`.
        case name(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable, CaseIterable {
        case and, or, not, `in`, `if`, then, `else`, `true`, `false`, null
    }

    enum Symbol: String, Sendable, CaseIterable {
        case plus = "+", minus = "-", times = "*", divide = "/"
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
        case open = "(", close = ")", openBracket = "[", closeBracket = "]", comma = ",", dot = "."
    }

    var kind: Kind
    /// Characters from the start of the expression.
    var at: Int
}
