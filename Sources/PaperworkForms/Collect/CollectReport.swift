import Foundation
import PaperworkOOXML

/// A finding of `collect`: a `Finding` with the file and sheet it is in.
public struct CollectFinding: Sendable, Equatable, Codable {
    public var file: String
    public var sheet: String?
    public var finding: Finding

    public init(file: String, sheet: String?, finding: Finding) {
        self.file = file
        self.sheet = sheet
        self.finding = finding
    }

    /// One line: the file and sheet, then the finding's row, field, value and message.
    public func line(_ language: Language) -> String {
        finding.line(language, file: sheet.map { "\(file) \($0)" } ?? file)
    }
}

/// Writes collect's findings in the formats `validate --report` uses, with the file and sheet of each.
public enum CollectReport {
    static let headings = ["级别", "文件", "工作表", "行", "字段", "名称", "值", "规则", "说明", "Message"]

    public static func write(_ findings: [CollectFinding], to path: String, overwrite: Bool) throws(PaperworkError) {
        do { try writeReport(findings, to: path, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private static func writeReport(_ findings: [CollectFinding], to path: String, overwrite: Bool) throws {
        let rows = findings.map { c -> [String] in
            let f = c.finding
            return [f.severity == .error ? "错误" : "警告", c.file, c.sheet ?? "", f.row.map(String.init) ?? "",
                    f.field ?? "", f.label ?? "", f.value ?? "", f.rule, f.message, f.messageEn]
        }
        let table = ReportTable(sheetName: "汇总检查结果", headings: headings, widths: [6, 28, 12, 6, 22, 24, 24, 22, 60, 50], rows: rows)
        guard let bytes = try table.bytes(for: path, json: { try ReportTable.json(findings) }) else {
            throw JobError.reportFormat(file: path)
        }
        try OutputPlace.makeFolder(holding: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }
}
