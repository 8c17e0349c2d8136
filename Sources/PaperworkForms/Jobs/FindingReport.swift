import Foundation
import PaperworkOOXML

/// Writes every finding to a file a clerk can open and fix from: .xlsx, .csv (UTF-8 with BOM, for Excel) or .json.
public enum FindingReport {
    static let headings = ["级别", "记录", "行", "字段", "名称", "值", "规则", "说明", "Message", "文件"]

    /// The extensions a report may have, each a format.
    public static let extensions = ["xlsx", "csv", "json"]

    /// Checks, before any work, that a report can be written at `path`.
    public static func checkTarget(_ path: String, overwrite: Bool) throws {
        try OutputPlace.checkFile(path, extensions: extensions, overwrite: overwrite)
    }

    public static func write(_ prepared: PreparedCases, to path: String, overwrite: Bool) throws {
        let rows = prepared.findings.map { f -> [String] in
            [f.severity == .error ? "错误" : "警告", f.record > 0 ? String(f.record) : "", f.row.map(String.init) ?? "",
             f.field ?? "", f.label ?? "", f.value ?? "", f.rule, f.message, f.messageEn, f.file ?? ""]
        }
        let bytes: [UInt8]
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            bytes = [UInt8](try encoder.encode(prepared.findings))
        case "csv":
            let lines = ([headings] + rows).map { $0.map(csvField).joined(separator: ",") }
            bytes = [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        case "xlsx":
            let widths: [Double] = [6, 6, 6, 22, 24, 24, 18, 60, 50, 24]
            bytes = try SimpleWorkbook(
                sheetName: "校验结果", columns: widths.map { SimpleWorkbook.Column(width: $0) },
                rows: ([headings] + rows).map { $0.map { SimpleWorkbook.Cell.text($0) } }).serialized()
        default:
            throw JobError.reportFormat(file: path)
        }
        try OutputPlace.makeFolder(holding: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }

    private static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
