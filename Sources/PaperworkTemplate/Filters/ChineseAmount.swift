import Foundation

/// Amounts in Chinese capital numerals (人民币大写), per the People's Bank rules for vouchers.
///
/// The canonical form is written: one 零 for each run of zeros, 零 where the 万 or 元 place is zero
/// and the next place is not, 整 after 元 when there are no 角 and 分, always 壹拾.
public enum ChineseAmount {
    static let digits: [Character] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"]
    static let units = ["", "拾", "佰", "仟"]
    /// 1 万亿 yuan, in fen: the first amount the capitals do not cover.
    static let limitInFen = Decimal(sign: .plus, exponent: 14, significand: 1)

    /// The capitals for `amount`, or nil when it is negative or reaches 1 万亿.
    public static func capitals(_ amount: Decimal) -> String? {
        guard amount >= 0 else { return nil }
        let fen = DecimalFormat.rounded(amount * 100, places: 0)
        guard fen < limitInFen else { return nil }
        let totalFen = NSDecimalNumber(decimal: fen).int64Value
        let yuan = totalFen / 100
        let jiao = Int(totalFen / 10 % 10)
        let fenDigit = Int(totalFen % 10)
        if totalFen == 0 { return "零元整" }
        var out = integerCapitals(yuan)
        if yuan > 0 { out += "元" }
        if jiao == 0 && fenDigit == 0 { return out + "整" }
        if jiao > 0 {
            if yuan > 0 && yuan % 10 == 0 { out += "零" }
            out.append(digits[jiao]); out += "角"
        }
        if fenDigit > 0 {
            if jiao == 0 && yuan > 0 { out += "零" }
            out.append(digits[fenDigit]); out += "分"
        }
        return out
    }

    static func integerCapitals(_ value: Int64) -> String {
        guard value > 0 else { return "" }
        let decimalDigits = String(value).compactMap { $0.wholeNumberValue }
        let top = decimalDigits.count - 1
        var out = ""
        var zeroPending = false
        for (i, d) in decimalDigits.enumerated() {
            let place = top - i
            if d == 0 {
                zeroPending = true
            } else {
                if zeroPending && !out.isEmpty { out += "零" }
                zeroPending = false
                out.append(digits[d]); out += units[place % 4]
            }
            if place % 4 == 0 && place > 0 {
                let section = decimalDigits[max(0, i - 3)...i]
                if section.contains(where: { $0 != 0 }) { out += place % 8 == 0 ? "亿" : "万" }
            }
        }
        return out
    }
}
