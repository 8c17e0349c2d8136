import Foundation

/// The value of a worksheet cell as stored.
public enum CellValue: Sendable, Equatable {
    case text(String)
    /// A number; `isDate` when the cell's number format shows it as a date.
    case number(Decimal, isDate: Bool)
    case bool(Bool)
    /// An error value such as `#DIV/0!`.
    case error(String)
}

/// One row of a worksheet: its 1-based number and its cells by 0-based column.
public struct SheetRow: Sendable {
    public var number: Int
    public var cells: [Int: CellValue]
}

/// Cell references: `C5` ↔ (column 2, row 5).
public enum CellReference {
    /// The 0-based column and 1-based row of `A1`-style text (`$` signs allowed).
    public static func parse(_ text: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for c in text.utf8 where c != UInt8(ascii: "$") {
            // Excel's last cell is XFD1048576: longer text is no reference, and must not overflow an Int.
            guard letters <= 3 && digits <= 7 else { return nil }
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(c - UInt8(ascii: "A")) + 1; letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(c - UInt8(ascii: "a")) + 1; letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(c - UInt8(ascii: "0")); digits += 1
            default: return nil
            }
        }
        guard letters > 0, letters <= 3, digits > 0, row > 0 else { return nil }
        return (column - 1, row)
    }

    /// `0` → `A`, `27` → `AB`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
