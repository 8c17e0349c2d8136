import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkCommands

/// Case files made and read by the commands in the test process: init's JSON and list workbook, a CSV report a clerk
/// opens in Excel, and a CSV whose encoding was given wrong.
@Suite struct InProcessCaseFileTests {
    @Test func initWritesJSONWithTheFormsKeysNestedAndEmpty() throws {
        let dir = CLI.scratch()
        let r = InProcess.run(["init", "--form", "rent-reduction-agreement", "-o", dir + "/空白.json"] + InProcess.templates)
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/空白.json"))) as? [String: Any])
        let landlord = try #require(json["甲方"] as? [String: Any], "\(json.keys)")
        #expect(landlord["名称"] as? String == "", "\(landlord)")
        let check = InProcess.run(["validate", "--form", "rent-reduction-agreement", dir + "/空白.json", "--format", "json"] + InProcess.templates)
        #expect(check.status == 1, "the empty file reads, and each required field is reported: \(check.err)")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [[String: Any]], "\(check.out.prefix(300))")
        #expect(findings.contains { $0["field"] as? String == "甲方.名称" && $0["rule"] as? String == "required" }, "\(check.out.prefix(400))")
    }

    @Test func initOfAListFormWritesItsColumnsAndSaysHowTheHeaderIsGiven() throws {
        let dir = CLI.scratch()
        let r = InProcess.run(["init", "--form", "hr-enterprise-list", "-o", dir + "/名单.xlsx"] + InProcess.templates)
        #expect(r.status == 0, "\(r.err)")
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: dir + "/名单.xlsx"))
        var rows: [[String]] = []
        try reader.rows(ofSheet: reader.sheets[0].part) { row in
            rows.append(row.cells.map { if case .text(let t) = $0.1 { t } else { "" } })
        }
        #expect(rows.count == 4, "headings, notes, a sample row and the note on the header: \(rows.count)")
        #expect(rows.first?.contains("统一社会信用代码") == true, "\(rows.first ?? [])")
        #expect(rows.last?.first?.hasPrefix("说明：部门、批次、填报人、联系电话、填报日期在生成时用 --set 给出") == true, "\(rows.last ?? [])")
    }

    /// A CSV report opens in Excel: UTF-8 with a BOM, CRLF lines, fields holding commas or quotes quoted.
    @Test func aCSVReportHasOneQuotedRowPerFinding() throws {
        let dir = CLI.scratch()
        let r = InProcess.run(["validate", "--form", "hr-enterprise-list", CLI.root + "/Samples/hr-enterprise-list/invalid.csv",
                               "--report", dir + "/问题.csv", "--format", "json"] + InProcess.templates)
        #expect(r.status == 1, "\(r.err)")
        let count = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [Any], "\(r.out.prefix(300))").count
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/问题.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "级别,记录,行,字段,名称,值,规则,说明,Message,文件")
        #expect(lines.count == count + 1, "\(lines.count) lines for \(count) findings")
        for line in lines.dropFirst() {
            #expect(Self.fields(line).count == 10, "\(line)")
        }
    }

    /// The fields of one CSV line as Excel reads them (quotes around a field, "" for a quote inside).
    static func fields(_ line: String) -> [String] {
        var out: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            switch (c, quoted) {
            case ("\"", false) where field.isEmpty: quoted = true
            case ("\"", true):
                if let next = chars.next() {
                    if next == "\"" { field.append("\"") } else { quoted = false; if next == "," { out.append(field); field = "" } else { field.append(next) } }
                } else { quoted = false }
            case (",", false): out.append(field); field = ""
            default: field.append(c)
            }
        }
        return out + [field]
    }

    @Test(arguments: ["zh", "en"])
    func aCSVInAnotherEncodingThanTheOneGivenNamesItsFirstBadLine(lang: String) throws {
        let dir = CLI.scratch()
        let file = dir + "/名单.csv"
        try FileManager.default.copyItem(atPath: CLI.root + "/Samples/hr-enterprise-list/enterprises-gb18030.csv", toPath: file)
        let wrong = InProcess.run(["validate", "--form", "hr-enterprise-list", file, "--encoding", "utf-8", "--lang", lang] + InProcess.templates)
        #expect(wrong.status == 2, "\(wrong.err)")
        #expect(wrong.err.contains(lang == "zh" ? "\(dir)/名单.csv 第 1 行：不是 utf-8 编码的文字" : "\(dir)/名单.csv, line 1: the text is not utf-8"), "\(wrong.err)")
        let given = InProcess.run(["validate", "--form", "hr-enterprise-list", file, "--encoding", "gb18030"] + InProcess.templates)
        let detected = InProcess.run(["validate", "--form", "hr-enterprise-list", file] + InProcess.templates)
        #expect(given.status == detected.status && given.out == detected.out, "the encoding given reads as the one detected: \(given.err)")
        #expect(given.err.isEmpty == detected.err.isEmpty)
    }
}
