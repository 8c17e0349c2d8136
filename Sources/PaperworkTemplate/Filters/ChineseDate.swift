import Foundation

/// Dates in the forms of Chinese papers.
public enum ChineseDate {
    static let numerals: [Character] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// `2020年5月14日` (GB/T 9704: Arabic numerals, no leading zeros).
    public static func official(_ date: CalendarDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }

    /// `二〇二〇年五月十四日`.
    public static func upper(_ date: CalendarDate) -> String {
        let year = String(String(date.year).compactMap { $0.wholeNumberValue.map { numerals[$0] } })
        return year + "年" + small(date.month) + "月" + small(date.day) + "日"
    }

    /// A pattern with `yyyy`, `MM`, `M`, `dd`, `d`: `date("yyyy-MM-dd")` → `2020-05-14`.
    public static func formatted(_ date: CalendarDate, pattern: String) -> String {
        var out = ""
        var rest = Substring(pattern)
        let tokens: [(String, String)] = [
            ("yyyy", String(format: "%04d", date.year)), ("MM", String(format: "%02d", date.month)),
            ("M", String(date.month)), ("dd", String(format: "%02d", date.day)), ("d", String(date.day)),
        ]
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                out += value
                rest = rest.dropFirst(token.count)
                continue outer
            }
            out.append(rest.removeFirst())
        }
        return out
    }

    private static func small(_ n: Int) -> String {
        switch n {
        case 0..<10: String(numerals[n])
        case 10: "十"
        case 11..<20: "十" + String(numerals[n % 10])
        default: String(numerals[n / 10]) + "十" + (n % 10 == 0 ? "" : String(numerals[n % 10]))
        }
    }
}
