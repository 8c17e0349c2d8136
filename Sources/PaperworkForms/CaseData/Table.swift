import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// A grid of cells read from CSV or a worksheet: rows with their numbers in the source.
struct Table {
    var rows: [(number: Int, cells: [TemplateValue])]

    static func csv(_ path: String, encoding: TextDecoding.Encoding?) throws(CaseFileError) -> Table {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        guard let (text, _) = TextDecoding.decode(data, forced: encoding) else { throw .encoding(file: path) }
        do {
            return Table(rows: try CSVParser.parse(text).map { ($0.number, $0.fields.map { TemplateValue.string($0) }) })
        } catch {
            throw .malformed(file: path, line: error.record, reason: "quote not closed")
        }
    }

    static func xlsx(_ path: String, sheet: String?) throws -> Table {
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: path))
        guard let chosen = sheet.map({ name in reader.sheets.first { $0.name == name } }) ?? reader.sheets.first else {
            throw CaseFileError.noSheet(file: path, sheet: sheet ?? "", known: reader.sheets.map(\.name))
        }
        var rows: [(Int, [TemplateValue])] = []
        try reader.rows(ofSheet: chosen.part) { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            rows.append((row.number, (0..<width).map { row.cells[$0].map(value) ?? .null }))
        }
        return Table(rows: rows)
    }

    /// Excel keeps numbers as binary doubles and shows 15 significant digits: `8378.440000000001` is 8378.44.
    private static let tenth = Decimal(sign: .plus, exponent: -1, significand: 1)

    static func excelPrecision(_ n: Decimal) -> Decimal {
        guard !n.isZero else { return n }
        let magnitude = abs(n)
        var digits = 0
        var scaled = magnitude
        while scaled >= 1 { scaled /= 10; digits += 1 }
        while scaled < tenth { scaled *= 10; digits -= 1 }
        return DecimalFormat.rounded(n, places: max(0, 15 - digits))
    }

    private static func value(_ cell: CellValue) -> TemplateValue {
        switch cell {
        case .text(let s): .string(s)
        case .number(let n, let isDate):
            isDate ? (CalendarDate(excelSerial: NSDecimalNumber(decimal: n).intValue).map { .string($0.iso) } ?? .number(n))
                : .number(excelPrecision(n))
        case .bool(let b): .bool(b)
        case .error(let e): .string(e)
        }
    }
}
