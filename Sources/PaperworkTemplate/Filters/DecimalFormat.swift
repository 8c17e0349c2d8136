import Foundation

/// Decimal rounding and formatting; never binary floating point.
public enum DecimalFormat {
    /// Rounds half away from zero (四舍五入) to `places` decimals.
    public static func rounded(_ value: Decimal, places: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, mode)
        return result
    }

    /// `value` with exactly `places` decimals and no grouping: `1234.50`.
    public static func fixed(_ value: Decimal, places: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> String {
        let r = rounded(value, places: places, mode: mode)
        let negative = r < 0
        let digits = plain(negative ? -r : r)
        var (whole, fraction) = split(digits)
        while fraction.count < places { fraction += "0" }
        if whole.isEmpty { whole = "0" }
        let body = places > 0 ? whole + "." + fraction.prefix(places) : whole
        return (negative && r != 0 ? "-" : "") + body
    }

    /// `value` with grouping and two decimals: `12,345.60`.
    public static func money(_ value: Decimal) -> String {
        let text = fixed(value, places: 2)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let (whole, fraction) = split(unsigned)
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped += "," }
            grouped.append(c)
        }
        return (negative ? "-" : "") + grouped + "." + fraction
    }

    /// The shortest plain notation: `0.055`, `12345.6`, never exponents.
    public static func plain(_ value: Decimal) -> String {
        var v = value
        return NSDecimalString(&v, Locale(identifier: "en_US_POSIX"))
    }

    /// Reads an amount as people write it: `1,234.50`, `１２３４.５`, `1234.5元`, `￥1234.5`.
    public static func parseAmount(_ text: String) -> Decimal? {
        var s = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: s.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: s += "."
            case 0xFF0D: s += "-"
            default: s.unicodeScalars.append(scalar)
            }
        }
        s = s.trimmingCharacters(in: .whitespaces)
        for prefix in ["¥", "￥", "RMB", "人民币"] where s.hasPrefix(prefix) { s = String(s.dropFirst(prefix.count)) }
        for suffix in ["元", "万元"] where s.hasSuffix(suffix) {
            guard suffix == "元" else { return nil }
            s = String(s.dropLast())
        }
        s = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            .trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ "0123456789.-".contains($0) }), s.filter({ $0 == "." }).count <= 1,
              !s.dropFirst().contains("-") else { return nil }
        return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func split(_ text: String) -> (String, String) {
        guard let dot = text.firstIndex(of: ".") else { return (text, "") }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }
}
