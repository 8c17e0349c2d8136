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
        while let first = rest.first {
            if rest.hasPrefix("yyyy") {
                out += padded(date.year, to: 4)
                rest = rest.dropFirst(4)
            } else if rest.hasPrefix("MM") {
                out += padded(date.month, to: 2)
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("dd") {
                out += padded(date.day, to: 2)
                rest = rest.dropFirst(2)
            } else {
                out += first == "M" ? String(date.month) : first == "d" ? String(date.day) : String(first)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// `n` with leading zeros up to `width` digits.
    private static func padded(_ n: Int, to width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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
