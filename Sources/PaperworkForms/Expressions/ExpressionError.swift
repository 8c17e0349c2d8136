import PaperworkOOXML

/// Why an expression of a manifest cannot be used, with the character offset in the expression.
///
/// Kept as values (what was expected, which types met) and rendered in one language at the edge.
public struct ExpressionError: Error, Sendable, Equatable {
    enum Problem: Sendable, Equatable {
        case unknownOperator(String)
        case badNumber(String)
        case badDate(String)
        case unterminatedText
        /// `found` is the token as written, nil at the end of the expression.
        case unexpected(found: String?, expected: Expectation)
        case unknownFunction(String, known: [String])
        case arity(function: String, expected: ClosedRange<Int>, found: Int)
        case unknownField(String)
        case unknownPolicyKey(String)
        /// `context` is the operator, keyword or function where the types met (`+`, `if`, `sum`).
        case typeMismatch(context: String, expected: Expectation, found: ValueType)
        /// A number of decimal places that is not a whole number from 0 to 20, as written.
        case badPlaces(function: String, found: String)
        case notAList(String)
        case itemOutsideList(String)
        case twoLists(String, String)
        case notComputedYet(String)
        case badMode(String)
        /// Numbers that measure different things, added, compared, multiplied or divided: 平方米 + 元.
        case units(context: String, NumberUnit, NumberUnit)
    }

    /// What an expression should have had where it went wrong.
    enum Expectation: Sendable, Equatable {
        case type(ValueType)
        case numberOrDate
        case list
        case listOrTable
        /// A list, or the items of one (`企业[].x`).
        case listOrItems
        case operatorOrEnd
        case valueFieldOrFunction
        case fieldName
        /// A symbol or keyword, as written: `)`, `then`.
        case token(String)

        func text(_ language: Language) -> String {
            let zh = language == .zh
            return switch self {
            case .type(let t): t.text(language)
            case .numberOrDate: zh ? "数或日期" : "number or date"
            case .list: zh ? "列表" : "a list"
            case .listOrTable: zh ? "列表或对照表" : "a list or a table"
            case .listOrItems: zh ? "列表或列表的每一项（企业[].x）" : "a list or a list's items (list[].key)"
            case .operatorOrEnd: zh ? "运算符或结尾" : "an operator or the end"
            case .valueFieldOrFunction: zh ? "值、字段或函数" : "a value, a field or a function"
            case .fieldName: zh ? "字段名" : "a field name"
            case .token(let t): zh ? "「\(t)」" : "“\(t)”"
            }
        }
    }

    var problem: Problem
    var at: Int

    init(_ problem: Problem, at: Int) {
        self.problem = problem
        self.at = at
    }

    func message(_ language: Language) -> String {
        let count = { (r: ClosedRange<Int>) in r.count == 1 ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }
        return switch (problem, language) {
        case let (.unknownOperator(o), .zh): "不认识的运算符「\(o)」（可用：+ - * / < <= > >= == != and or not in）"
        case let (.unknownOperator(o), .en): "unknown operator “\(o)” (known: + - * / < <= > >= == != and or not in)"
        case let (.badNumber(t), .zh): "「\(t)」不是数字"
        case let (.badNumber(t), .en): "“\(t)” is not a number"
        case let (.badDate(t), .zh): "「\(t)」不是有效日期（写作 2020-04-30）"
        case let (.badDate(t), .en): "“\(t)” is not a valid date (write 2020-04-30)"
        case (.unterminatedText, .zh): "引号没有闭合"
        case (.unterminatedText, .en): "a quoted text is not closed"
        case let (.unexpected(f?, e), .zh): "此处应为\(e.text(.zh))，却是「\(f)」"
        case let (.unexpected(f?, e), .en): "expected \(e.text(.en)), found “\(f)”"
        case let (.unexpected(nil, e), .zh): "此处应为\(e.text(.zh))，却已到结尾"
        case let (.unexpected(nil, e), .en): "expected \(e.text(.en)), found the end"
        case let (.unknownFunction(n, k), .zh): "没有函数 \(n)（可用：\(k.joined(separator: " ")))"
        case let (.unknownFunction(n, k), .en): "no function \(n) (known: \(k.joined(separator: " ")))"
        case let (.arity(n, e, f), .zh): "\(n) 需要 \(count(e)) 个参数，给了 \(f) 个"
        case let (.arity(n, e, f), .en): "\(n) takes \(count(e)) argument(s), given \(f)"
        case let (.unknownField(p), .zh): "表单没有字段或计算值「\(p)」"
        case let (.unknownField(p), .en): "the form has no field or computed value “\(p)”"
        case let (.unknownPolicyKey(k), .zh): "政策文件没有参数 \(k)"
        case let (.unknownPolicyKey(k), .en): "the policy file has no parameter \(k)"
        case let (.typeMismatch(c, e, f), .zh): "\(Self.quoted(c, language))：应为\(e.text(.zh))，却是\(f.text(.zh))"
        case let (.typeMismatch(c, e, f), .en): "\(Self.quoted(c, language)): expected \(e.text(.en)), found \(f.text(.en))"
        case let (.badPlaces(c, f), .zh): "\(c)：应为 0 至 20 的整数，却是\(f)"
        case let (.badPlaces(c, f), .en): "\(c): expected a whole number 0–20, found \(f)"
        case let (.notAList(p), .zh): "「\(p)」不是列表，不能写 []"
        case let (.notAList(p), .en): "“\(p)” is not a list and takes no []"
        case let (.itemOutsideList(p), .zh): "「\(p)」是列表的每一项，只能用在 sum/count/any/all/min/max/join 中，或该列表的逐项计算值中"
        case let (.itemOutsideList(p), .en): "“\(p)” is an item of a list: use it inside sum/count/any/all/min/max/join or in a per-item value of that list"
        case let (.twoLists(a, b), .zh): "一次汇总只能针对一个列表，这里有 \(a) 和 \(b)"
        case let (.twoLists(a, b), .en): "one aggregate goes over one list, here \(a) and \(b)"
        case let (.notComputedYet(p), .zh): "逐项计算值不能引用整体计算值「\(p)」"
        case let (.notComputedYet(p), .en): "a per-item value cannot use the whole-case computed value “\(p)”"
        case let (.badMode(m), .zh): "舍入方式「\(m)」应为 \"up\"、\"down\" 或 \"plain\""
        case let (.units(c, a, b), .zh): "\(Self.quoted(c, language))：两边的单位不一致，\(a.shown(true)) 与 \(b.shown(true))"
        case let (.units(c, a, b), .en): "\(Self.quoted(c, language)): the units do not agree, \(a.shown(false)) and \(b.shown(false))"
        case let (.badMode(m), .en): "rounding mode “\(m)” should be \"up\", \"down\" or \"plain\""
        }
    }

    /// An operator quoted as the language quotes (`「+」`, `“+”`); a keyword or function name as it is.
    private static func quoted(_ context: String, _ language: Language) -> String {
        guard let first = context.unicodeScalars.first, !first.properties.isAlphabetic else { return context }
        return language == .zh ? "「\(context)」" : "“\(context)”"
    }
}
