import Foundation

/// What a text value reads as, when a cell that is one bare tag is filled from text data with no form to say its
/// type (a CSV, a JSON of strings): plain numbers, percentages and dates become numbers and date serials, so that
/// totals add up and Excel shows no "number stored as text".
///
/// Text stays text when it only looks numeric by accident: a leading zero (`0123`), more than 15 significant digits
/// (Excel would lose them), an 11-digit mobile number, or a code or ID number (they hold letters or too many digits).
enum TypedText: Equatable {
    case number(Decimal)
    case date(CalendarDate)

    static func infer(_ raw: String) -> TypedText? {
        let text = halfWidth(raw.trimmed)
        let bytes = text.utf8
        guard let first = bytes.first else { return nil }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"), bytes.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") || $0 == 0xE5 /* 年 */ }),
           bytes.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count == 4, let date = CalendarDate.parse(text) {
            return .date(date)
        }
        if bytes.last == UInt8(ascii: "%") { return number(bytes.dropLast(), scale: 2).map { .number($0) } }
        return number(bytes[...], scale: 0).map { .number($0) }
    }

    /// A plain decimal number divided by 10^`scale`: a sign, digits (grouped by commas in threes, or not), a fraction.
    private static func number(_ bytes: Substring.UTF8View, scale: Int) -> Decimal? {
        var rest = bytes
        var negative = false
        if let c = rest.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        var mantissa: UInt128 = 0
        var wholeDigits = 0, fractionDigits = 0, significant = 0
        var groups = 1, groupLength = 0
        var firstDigit: UInt8 = 0
        var inFraction = false
        /// The group of digits that a comma or the point closes: the first one to three digits, the others three.
        func closesGroup() -> Bool { groupLength > 0 && (groups == 1 ? true : groupLength == 3) }
        for b in rest {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction {
                    fractionDigits += 1
                } else {
                    if wholeDigits == 0 { firstDigit = b }
                    wholeDigits += 1
                    groupLength += 1
                }
                if significant > 0 || b != UInt8(ascii: "0") {
                    significant += 1
                    guard significant <= 15 else { return nil }
                }
                mantissa = mantissa * 10 + UInt128(b - UInt8(ascii: "0"))
            case UInt8(ascii: ","):
                guard !inFraction, closesGroup(), groups > 1 || groupLength <= 3 else { return nil }
                groups += 1
                groupLength = 0
            case UInt8(ascii: "."):
                guard !inFraction, closesGroup() else { return nil }
                inFraction = true
            default:
                return nil
            }
        }
        if inFraction { guard fractionDigits > 0 else { return nil } } else { guard closesGroup() else { return nil } }
        if wholeDigits > 1 && firstDigit == UInt8(ascii: "0") { return nil }
        if !negative && !inFraction && wholeDigits == 11 && firstDigit == UInt8(ascii: "1") && groups == 1 { return nil }
        guard mantissa != 0 else { return Decimal() }
        let parts = DecimalParts(mantissa: mantissa, exponent: -fractionDigits - scale, negative: negative)
        return parts.decimal ?? Decimal(sign: negative ? .minus : .plus, exponent: -fractionDigits - scale, significand: Decimal(UInt64(mantissa)))
    }

    /// Full-width digits, signs, points, commas and percent signs (from a Chinese input method) made ASCII.
    private static func halfWidth(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if "０１２３４５６７８９＋－．，％".unicodeScalars.contains(s), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(ascii)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
