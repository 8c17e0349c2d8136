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
        guard let first = text.utf8.first else { return nil }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"), text.utf8.contains(where: { "-/年".utf8.contains($0) }),
           let date = CalendarDate.parse(text), text.prefix(while: \.isNumber).count == 4 {
            return .date(date)
        }
        if text.hasSuffix("%") {
            guard let n = number(String(text.dropLast())) else { return nil }
            return .number(n / 100)
        }
        return number(text).map { .number($0) }
    }

    /// A plain decimal number: a sign, digits (grouped by commas in threes, or not), a fraction.
    private static func number(_ text: String) -> Decimal? {
        var body = Substring(text)
        var negative = false
        if let c = body.first, c == "-" || c == "+" { negative = c == "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 && (groups[0].count > 3 || groups.dropFirst().contains { $0.count != 3 }) { return nil }
        let digits = groups.joined()
        if digits.count > 1 && digits.hasPrefix("0") { return nil }
        var fraction = ""
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
            fraction = String(parts[1])
        }
        let significant = (digits + fraction).drop { $0 == "0" }
        guard significant.count <= 15 else { return nil }
        if !negative && fraction.isEmpty && digits.count == 11 && digits.hasPrefix("1") && groups.count == 1 { return nil }
        return Decimal(string: (negative ? "-" : "") + digits + (fraction.isEmpty ? "" : "." + fraction), locale: .posix)
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

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
