/// What a number measures, known when a form is loaded, so that 平方米 are never added to 元 and a ratio times
/// an amount is an amount. Values carry no unit when a case is validated: the check is made once, at load.
public enum NumberUnit: Sendable, Hashable, CustomStringConvertible {
    /// A number that does not say what it measures (a literal, a policy number, an `integer` field): it fits any unit.
    case bare
    /// A ratio or percentage (`ratio`, `percent`, `5.5%`): it scales what it multiplies.
    case ratio
    /// A count of things (`count`, in 人 or 个月; nil when unnamed, as `count(…)` gives): it scales what it multiplies.
    case count(String?)
    /// A measure in its unit: 元 for amounts, a quantity's 平方米, or a rate such as 元/平方米.
    case measure(String)

    static let yuan = NumberUnit.measure("元")

    /// The unit two numbers share when added, subtracted, compared or put in one `if`, `min` or `default`; nil when
    /// they measure different things.
    func joined(with other: NumberUnit) -> NumberUnit? {
        switch (self, other) {
        case (.bare, _): other
        case (_, .bare): self
        case (.ratio, .ratio): .ratio
        case (.count(let a), .count(let b)): a == nil || b == nil || a == b ? .count(a ?? b) : nil
        case (.measure(let a), .measure(let b)): a == b ? self : nil
        default: nil
        }
    }

    /// The unit of a product: a ratio or a count times a measure is that measure (减免比例 × 月租金 is 元);
    /// 元/平方米 × 平方米 is 元; two measures otherwise do not multiply.
    func times(_ other: NumberUnit) -> NumberUnit? {
        switch (self, other) {
        case (.bare, _), (.ratio, _): other
        case (_, .bare), (_, .ratio): self
        case (.count, .count): .bare
        case (.count, .measure): other
        case (.measure, .count): self
        case (.measure(let a), .measure(let b)): Self.cancel(a, b) ?? Self.cancel(b, a)
        }
    }

    /// `a` × `b` when `a` is a rate per `b` (`元/平方米` × `平方米` = 元).
    private static func cancel(_ a: String, _ b: String) -> NumberUnit? {
        guard let slash = a.lastIndex(of: "/"), a[a.index(after: slash)...] == b else { return nil }
        return .measure(String(a[..<slash]))
    }

    /// The unit of a quotient: like over like is a ratio (下降额 ÷ 营业收入), a measure per count or per ratio is that
    /// measure, a measure over another a rate (元/平方米).
    func divided(by other: NumberUnit) -> NumberUnit? {
        switch (self, other) {
        case (_, .bare), (_, .ratio): self
        case (.bare, _): .bare
        case (.ratio, .count): .ratio
        case (.ratio, .measure): nil
        case (.count(let a), .count(let b)): a == nil || b == nil || a == b ? .ratio : self
        case (.count, .measure): nil
        case (.measure, .count): self
        case (.measure(let a), .measure(let b)): a == b ? .ratio : .measure(a + "/" + b)
        }
    }

    /// The unit in words: `金额（元）`, `an amount in 元`.
    func shown(_ zh: Bool) -> String {
        switch self {
        case .bare: zh ? "数" : "a number"
        case .ratio: zh ? "比例" : "a ratio"
        case .count(let u?): zh ? "计数（\(u)）" : "a count of \(u)"
        case .count(nil): zh ? "计数" : "a count"
        case .measure("元"): zh ? "金额（元）" : "an amount in 元"
        case .measure(let u): zh ? "数量（\(u)）" : "a quantity in \(u)"
        }
    }

    /// How a type error names the unit, in both languages as the other types are: `金额（元） an amount in 元`.
    public var description: String { self == .bare ? "数 number" : shown(true) + " " + shown(false) }
}
