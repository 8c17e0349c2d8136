import Foundation
import PaperworkOOXML

/// Rows of text under headings, as a clerk opens them: an .xlsx sheet, a .csv (UTF-8 with a BOM, so that Excel
/// reads the Chinese right) or, from the values themselves, .json. The findings reports and extract's data use it.
struct ReportTable {
    var sheetName: String
    var headings: [String]
    /// Column widths in characters, for the .xlsx sheet.
    var widths: [Double]
    var rows: [[String]]

    /// The bytes of the file `path` names by its extension; nil for another extension.
    func bytes(for path: String, json: () throws -> [UInt8]) throws -> [UInt8]? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": return try json()
        case "csv": return Self.csv([headings] + rows)
        case "xlsx":
            return try SimpleWorkbook(sheetName: sheetName, columns: widths.map { SimpleWorkbook.Column(width: $0) },
                                      rows: ([headings] + rows).map { $0.map { SimpleWorkbook.Cell.text($0) } }).serialized()
        default: return nil
        }
    }

    /// Values as JSON with sorted keys, as every report writes them.
    static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    /// CSV lines ending in CRLF, with a BOM; a field holding a comma, a quote or a line break is quoted.
    static func csv(_ table: [[String]]) -> [UInt8] {
        let lines = table.map { $0.map(field).joined(separator: ",") }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
