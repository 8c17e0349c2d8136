import Foundation
import PaperworkOOXML

/// Writes every finding to a file a clerk can open and fix from: .xlsx, .csv (UTF-8 with BOM, for Excel) or .json.
public enum FindingReport {
    static let headings = ["级别", "记录", "行", "字段", "名称", "值", "规则", "说明", "Message", "文件"]

    /// The extensions a report may have, each a format.
    public static let extensions = ["xlsx", "csv", "json"]

    /// Checks, before any work, that a report can be written at `path`.
    public static func checkTarget(_ path: String, overwrite: Bool) throws(PaperworkError) {
        do { try checkReportTarget(path, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private static func checkReportTarget(_ path: String, overwrite: Bool) throws {
        try OutputPlace.checkFile(path, extensions: extensions, overwrite: overwrite)
    }

    public static func write(_ prepared: PreparedCases, to path: String, overwrite: Bool) throws(PaperworkError) {
        do { try writeReport(prepared, to: path, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private static func writeReport(_ prepared: PreparedCases, to path: String, overwrite: Bool) throws {
        let rows = prepared.findings.map { f -> [String] in
            [f.severity == .error ? "错误" : "警告", f.record > 0 ? String(f.record) : "", f.row.map(String.init) ?? "",
             f.field ?? "", f.label ?? "", f.value ?? "", f.rule, f.message, f.messageEn, f.file ?? ""]
        }
        let table = ReportTable(sheetName: "校验结果", headings: headings, widths: [6, 6, 6, 22, 24, 24, 18, 60, 50, 24], rows: rows)
        guard let bytes = try table.bytes(for: path, json: { try ReportTable.json(prepared.findings) }) else {
            throw JobError.reportFormat(file: path)
        }
        try OutputPlace.makeFolder(holding: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }
}
