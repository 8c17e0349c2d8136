import PaperworkOOXML

/// Why an expression of a manifest cannot be used, with the character offset in the expression.
struct ExpressionError: Error, Sendable, Equatable {
    enum Problem: Sendable, Equatable {
        case unknownOperator(String)
        case badNumber(String)
        case badDate(String)
        case unterminatedText
        case unexpected(found: String, expected: String)
        case unknownFunction(String, known: [String])
        case arity(function: String, expected: String, found: Int)
        case unknownField(String)
        case unknownPolicyKey(String)
        case typeMismatch(context: String, expected: String, found: String)
        case notAList(String)
        case itemOutsideList(String)
        case twoLists(String, String)
        case notComputedYet(String)
        case badMode(String)
        /// Numbers that measure different things, added, compared, multiplied or divided: 平方米 + 元.
        case units(context: String, NumberUnit, NumberUnit)
    }

    var problem: Problem
    var at: Int

    init(_ problem: Problem, at: Int) {
        self.problem = problem
        self.at = at
    }

    func message(_ language: Language) -> String {
        switch (problem, language) {
        case let (.unknownOperator(o), .zh): "不认识的运算符「\(o)」（可用：+ - * / < <= > >= == != and or not in）"
        case let (.unknownOperator(o), .en): "unknown operator “\(o)” (known: + - * / < <= > >= == != and or not in)"
        case let (.badNumber(t), .zh): "「\(t)」不是数字"
        case let (.badNumber(t), .en): "“\(t)” is not a number"
        case let (.badDate(t), .zh): "「\(t)」不是有效日期（写作 2020-04-30）"
        case let (.badDate(t), .en): "“\(t)” is not a valid date (write 2020-04-30)"
        case (.unterminatedText, .zh): "引号没有闭合"
        case (.unterminatedText, .en): "a quoted text is not closed"
        case let (.unexpected(f, e), .zh): "此处应为\(e)，却是「\(f)」"
        case let (.unexpected(f, e), .en): "expected \(e), found “\(f)”"
        case let (.unknownFunction(n, k), .zh): "没有函数 \(n)（可用：\(k.joined(separator: " ")))"
        case let (.unknownFunction(n, k), .en): "no function \(n) (known: \(k.joined(separator: " ")))"
        case let (.arity(n, e, f), .zh): "\(n) 需要 \(e) 个参数，给了 \(f) 个"
        case let (.arity(n, e, f), .en): "\(n) takes \(e) argument(s), given \(f)"
        case let (.unknownField(p), .zh): "表单没有字段或计算值「\(p)」"
        case let (.unknownField(p), .en): "the form has no field or computed value “\(p)”"
        case let (.unknownPolicyKey(k), .zh): "政策文件没有参数 \(k)"
        case let (.unknownPolicyKey(k), .en): "the policy file has no parameter \(k)"
        case let (.typeMismatch(c, e, f), .zh): "\(c)：应为\(e)，却是\(f)"
        case let (.typeMismatch(c, e, f), .en): "\(c): expected \(e), found \(f)"
        case let (.notAList(p), .zh): "「\(p)」不是列表，不能写 []"
        case let (.notAList(p), .en): "“\(p)” is not a list and takes no []"
        case let (.itemOutsideList(p), .zh): "「\(p)」是列表的每一项，只能用在 sum/count/any/all/min/max/join 中，或该列表的逐项计算值中"
        case let (.itemOutsideList(p), .en): "“\(p)” is an item of a list: use it inside sum/count/any/all/min/max/join or in a per-item value of that list"
        case let (.twoLists(a, b), .zh): "一次汇总只能针对一个列表，这里有 \(a) 和 \(b)"
        case let (.twoLists(a, b), .en): "one aggregate goes over one list, here \(a) and \(b)"
        case let (.notComputedYet(p), .zh): "逐项计算值不能引用整体计算值「\(p)」"
        case let (.notComputedYet(p), .en): "a per-item value cannot use the whole-case computed value “\(p)”"
        case let (.badMode(m), .zh): "舍入方式「\(m)」应为 \"up\"、\"down\" 或 \"plain\""
        case let (.units(c, a, b), .zh): "\(c)：两边的单位不一致，\(a.shown(true)) 与 \(b.shown(true))"
        case let (.units(c, a, b), .en): "\(c): the units do not agree, \(a.shown(false)) and \(b.shown(false))"
        case let (.badMode(m), .en): "rounding mode “\(m)” should be \"up\", \"down\" or \"plain\""
        }
    }
}
