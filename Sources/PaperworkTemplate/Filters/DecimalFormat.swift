import Foundation
import PaperworkOOXML

/// Decimal rounding and formatting; never binary floating point.
public enum DecimalFormat {
    /// Rounds half away from zero (四舍五入) to `places` decimals.
    public static func rounded(_ value: Decimal, places: Int, mode: NSDecimalNumber.RoundingMode = .plain) -> Decimal {
        if let p = DecimalParts(value) {
            if p.exponent >= -places || p.mantissa == 0 { return value }
            let drop = -places - p.exponent
            if drop < DecimalParts.powersOfTen.count && (!p.negative || mode == .plain || mode == .bankers) {
                let f = DecimalParts.powersOfTen[drop]
                var q = p.mantissa / f
                let r = p.mantissa % f
                switch mode {
                case .plain: if r * 2 >= f { q += 1 }
                case .up: if r > 0 { q += 1 }
                case .bankers: if r * 2 > f || (r * 2 == f && q % 2 == 1) { q += 1 }
                case .down: break
                @unknown default: break
                }
                if q == 0 { return Decimal() }
                if let d = DecimalParts(mantissa: q, exponent: -places, negative: p.negative).decimal { return d }
            }
        }
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, mode)
        return result
    }

    /// Rounds half away from zero to `digits` significant digits, as Excel shows a binary double
    /// (`8378.440000000001` to 15 digits is 8378.44). The digits are counted from the mantissa, not by dividing.
    public static func significant(_ value: Decimal, digits: Int) -> Decimal {
        guard !value.isZero else { return value }
        let integerDigits: Int
        if let p = DecimalParts(value) {
            integerDigits = DecimalParts.powersOfTen.prefix { $0 <= p.mantissa }.count + p.exponent
        } else {
            var count = 0
            var scaled = abs(value)
            while scaled >= 1 { scaled /= 10; count += 1 }
            while scaled < tenth { scaled *= 10; count -= 1 }
            integerDigits = count
        }
        return rounded(value, places: max(0, digits - integerDigits))
    }

    private static let tenth = Decimal(sign: .plus, exponent: -1, significand: 1)

    /// True when `value` has no more than `places` decimals (a whole number for 0), so rounding would not change it.
    public static func isRounded(_ value: Decimal, places: Int) -> Bool {
        guard let p = DecimalParts(value) else { return value == rounded(value, places: places) }
        let drop = -places - p.exponent
        if drop <= 0 || p.mantissa == 0 { return true }
        return drop < DecimalParts.powersOfTen.count && p.mantissa % DecimalParts.powersOfTen[drop] == 0
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
        return (negative ? "-" : "") + grouped(whole) + "." + fraction
    }

    /// Whole-number digits with a comma every three: `12345` → `12,345`.
    static func grouped(_ whole: String) -> String {
        var out = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// The shortest plain notation: `0.055`, `12345.6`, never exponents.
    public static func plain(_ value: Decimal) -> String {
        if let p = DecimalParts(value) {
            if p.mantissa == 0 { return "0" }
            var digits = p.mantissa <= UInt128(UInt64.max) ? String(UInt64(p.mantissa)) : String(p.mantissa)
            if p.exponent > 0 {
                digits += String(repeating: "0", count: p.exponent)
            } else if p.exponent < 0 {
                let decimals = -p.exponent
                if digits.utf8.count <= decimals {
                    digits = "0." + String(repeating: "0", count: decimals - digits.utf8.count) + digits
                } else {
                    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
                }
            }
            return p.negative ? "-" + digits : digits
        }
        var v = value
        return NSDecimalString(&v, Locale.posix)
    }

    /// `plain`, written straight into bytes (no `String` for the common amounts and counts).
    public static func appendPlain(_ value: Decimal, into out: inout [UInt8]) {
        guard let p = DecimalParts(value), p.mantissa != 0, p.mantissa <= UInt128(Int.max), p.exponent <= 0 else {
            out.append(utf8: plain(value))
            return
        }
        if p.negative { out.append(UInt8(ascii: "-")) }
        let decimals = -p.exponent
        let start = out.count
        out.append(decimal: Int(p.mantissa))
        let width = out.count - start
        guard decimals > 0 else { return }
        if width <= decimals {
            out.insert(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: ".")] + repeatElement(UInt8(ascii: "0"), count: decimals - width), at: start)
        } else {
            out.insert(UInt8(ascii: "."), at: out.count - decimals)
        }
    }

    /// Reads an amount as people write it: `1,234.50`, `１２３４.５`, `1234.5元`, `￥1234.5`.
    /// Plain ASCII figures (`-1234.50`) are read from their bytes without trimming or looking for units.
    public static func parseAmount(_ text: String) -> Decimal? {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Decimal?? in
            guard let first = bytes.first, let last = bytes.last, first == UInt8(ascii: "-") || (0x30...0x39).contains(first),
                  last == UInt8(ascii: ".") || (0x30...0x39).contains(last), bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            return .some(number(bytes.lazy.map(UInt32.init)))
        }
        if let plain = plain ?? nil { return plain }
        var s = Substring(text.trimmed)
        if let first = s.utf8.first, !(0x30...0x39).contains(first) {
            for prefix in ["¥", "￥", "RMB", "人民币"] where s.hasPrefix(prefix) { s = s.dropFirst(prefix.count) }
        }
        if let last = s.utf8.last, last >= 0x80 {
            if s.hasSuffix("万元") { return nil }
            if s.hasSuffix("元") { s = s.dropLast() }
        }
        return number(s.unicodeScalars.lazy.map(\.value))
    }

    /// The number in digits (ASCII or full-width), with a point, thousands commas and a leading minus.
    private static func number<S: Sequence<UInt32>>(_ scalars: S) -> Decimal? {
        var negative = false
        var significand: UInt64 = 0
        var digits = 0, decimals = 0
        var seenDot = false, started = false
        for value in scalars {
            var v = value
            if (0xFF10...0xFF19).contains(v) { v -= 0xFF10 - 0x30 }
            switch v {
            case 0x30...0x39:
                started = true
                if significand == 0 && v == 0x30 && !seenDot { continue }
                guard digits < 19 else { return nil }
                significand = significand * 10 + UInt64(v - 0x30)
                digits += 1
                if seenDot { decimals += 1 }
            case 0x2E, 0xFF0E:
                guard !seenDot else { return nil }
                seenDot = true
                if significand == 0 { digits = 0 }
            case 0x2C, 0xFF0C:
                guard started, !seenDot else { return nil }
            case 0x2D, 0xFF0D:
                guard !started, !negative, !seenDot else { return nil }
                negative = true
            case 0x20, 0x3000:
                guard !started else { return nil }
            default:
                return nil
            }
        }
        guard started else { return nil }
        if seenDot && decimals == 0 && significand == 0 { decimals = 0 }
        if significand == 0 { return Decimal() }
        return DecimalParts(mantissa: UInt128(significand), exponent: -decimals, negative: negative).decimal
            ?? Decimal(sign: negative ? .minus : .plus, exponent: -decimals, significand: Decimal(significand))
    }

    private static func split(_ text: String) -> (String, String) {
        guard let dot = text.firstIndex(of: ".") else { return (text, "") }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }
}
