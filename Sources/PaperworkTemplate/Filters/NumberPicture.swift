import Foundation

/// A number picture as Word's `\#` switch writes it: `#,##0.00`, `0`, `¥#,##0.00元`.
///
/// The digits `0` and `#` with an optional `,` and `.` are the number; what stands before and after
/// is written as it is. A picture with sections (`#,##0.00;-#,##0.00`) uses its first section,
/// with a minus sign for negative values.
enum NumberPicture {
    /// True when the text holds a digit placeholder.
    static func isPicture(_ picture: String) -> Bool {
        picture.contains { $0 == "0" || $0 == "#" }
    }

    static func format(_ value: Decimal, picture: String) -> String {
        let section = picture.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? picture
        let chars = Array(section)
        guard let first = chars.firstIndex(where: { $0 == "0" || $0 == "#" }),
              let last = chars.lastIndex(where: { $0 == "0" || $0 == "#" }) else { return DecimalFormat.plain(value) }
        let core = chars[first...last]
        let places = core.firstIndex(of: ".").map { dot in core[(dot + 1)...].filter { $0 == "0" || $0 == "#" }.count } ?? 0
        let text = DecimalFormat.fixed(value, places: places)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts.first ?? "0"
        if core.contains(",") { whole = DecimalFormat.grouped(whole) }
        let body = whole + (parts.count > 1 ? "." + parts[1] : "")
        return String(chars[..<first]) + (negative ? "-" : "") + body + String(chars[(last + 1)...])
    }
}
