import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// The rows of a CSV file or a worksheet, read as often as needed and never all held: a long list is
/// read once to validate it and once more to fill it.
struct RowReader: Sendable {
    private enum Source: Sendable {
        case csv(String)
        case sheet(WorkbookReader, part: String)
        /// A JSON file's top-level list: each item is one row of one cell.
        case json(Data, items: [Range<Int>])
    }

    private let source: Source
    let file: String

    static func csv(_ path: String, encoding: TextDecoding.Encoding?) throws(CaseFileError) -> RowReader {
        let data = try CaseFile.contents(of: path)
        guard let (text, _) = TextDecoding.decode(data, forced: encoding) else {
            throw .encoding(file: path, given: encoding, line: encoding == .utf8 ? TextDecoding.firstInvalidUTF8Line(data) : nil)
        }
        return RowReader(source: .csv(text), file: path)
    }

    static func xlsx(_ path: String, sheet: String?) throws -> RowReader {
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: path))
        guard let chosen = sheet.map({ name in reader.sheets.first { $0.name == name } }) ?? reader.sheets.first else {
            throw CaseFileError.noSheet(file: path, sheet: sheet ?? "", known: reader.sheets.map(\.name))
        }
        return RowReader(source: .sheet(reader, part: chosen.part), file: path)
    }

    /// The items of a JSON file's top-level list, found by ``JSONReader/items(in:)``, read one at a time.
    static func json(_ data: Data, items: [Range<Int>], file: String) -> RowReader {
        RowReader(source: .json(data, items: items), file: file)
    }

    private struct Stop: Error {}

    /// Calls `body` with each non-blank row — its number in the file and its cells — until it returns false.
    func forEach(_ body: (_ number: Int, _ cells: [TemplateValue]) throws -> Bool) throws {
        switch source {
        case .csv(let text):
            do {
                try CSVParser.forEach(text) { number, fields in try body(number, fields.map(TemplateValue.string)) }
            } catch let error as CSVParser.Failure {
                throw CaseFileError.malformed(file: file, SyntaxProblem(.csv, .unclosedQuote, line: error.record))
            }
        case .sheet(let reader, let part):
            do {
                try reader.rows(ofSheet: part) { row in
                    let width = (row.cells.keys.max() ?? -1) + 1
                    guard try body(row.number, (0..<width).map { row.cells[$0].map(Self.value) ?? .null }) else { throw Stop() }
                }
            } catch is Stop {}
        case .json(let data, let items):
            for (n, range) in items.enumerated() {
                guard try body(n + 1, [JSONReader.item(range, in: data)]) else { return }
            }
        }
    }

    /// The first `count` rows.
    func prefix(_ count: Int) throws -> [(number: Int, cells: [TemplateValue])] {
        var rows: [(Int, [TemplateValue])] = []
        try forEach { number, cells in
            rows.append((number, cells))
            return rows.count < count
        }
        return rows
    }

    /// Excel keeps numbers as binary doubles and shows 15 significant digits: `8378.440000000001` is 8378.44.
    static func excelPrecision(_ n: Decimal) -> Decimal {
        DecimalFormat.significant(n, digits: 15)
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
