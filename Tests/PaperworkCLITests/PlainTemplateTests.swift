import Foundation
import PaperworkOOXML
import Testing

/// A template of one's own and data of one's own get what the built-in forms get: checked first, typed, safe names.
/// The templates are made by python-docx and openpyxl (Fixtures/make-plain-templates.py).
@Suite struct PlainTemplateTests {
    static let fixtures = CLI.root + "/Tests/PaperworkCLITests/Fixtures"
    static let letter = fixtures + "/plain-letter.docx"
    static let list = fixtures + "/plain-list.xlsx"

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The cells of a sheet's row, by reference, as (type attribute, value or inline text).
    static func cells(_ workbook: String, sheet: String = "xl/worksheets/sheet1.xml", row: Int) throws -> [String: (type: String?, text: String)] {
        let doc = try OOXMLPackage(contentsOf: workbook).xml(of: sheet)
        let data = try #require(doc.root.elements.first { $0.localName == "sheetData" })
        let r = try #require(data.elements.first { $0[attribute: "r"] == String(row) })
        var result: [String: (type: String?, text: String)] = [:]
        for c in r.elements where c.localName == "c" {
            let value = c.elements.first { $0.localName == "v" || $0.localName == "is" }?.textContent ?? ""
            result[c[attribute: "r"] ?? ""] = (c[attribute: "t"], value)
        }
        return result
    }

    @Test func aPlainBatchWithBadValuesWritesNothingAndListsEveryProblem() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-02-30,200\n北京丙公司,2020-05-01,一百\n", to: dir + "/bad.csv")
        let strict = try CLI.run(["batch", Self.letter, dir + "/bad.csv", "--out-dir", dir + "/out", "--name", "{{企业名称}}"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "nothing written, not even the folder")
        #expect(strict.err.contains("bad.csv 第 3 行 字段「日期」"))
        #expect(strict.err.contains("2020-02-30"))
        #expect(strict.err.contains("bad.csv 第 4 行 字段「金额」"))
        #expect(strict.err.contains("rmb_upper"))
        #expect(strict.err.contains("发现 3 个错误，未生成任何文件"))

        let english = try CLI.run(["batch", Self.letter, dir + "/bad.csv", "--out-dir", dir + "/out", "--lang", "en"])
        #expect(english.err.contains("bad.csv, row 3 field “日期”"))

        let lenient = try CLI.run(["batch", Self.letter, dir + "/bad.csv", "--out-dir", dir + "/out", "--name", "{{企业名称}}",
                                   "--skip-invalid", "--report", dir + "/report.json"])
        #expect(lenient.status == 4, "\(lenient.err)")
        #expect(CLI.files(dir + "/out") == ["北京甲公司.docx"])
        #expect(lenient.err.contains("跳过无效记录：第 2 条（第 3 行）、第 3 条（第 4 行）"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/report.json"))) as? [[String: Any]]
        #expect(Set(report?.compactMap { $0["row"] as? Int } ?? []) == [3, 4])
        #expect(report?.contains { $0["field"] as? String == "金额" && $0["value"] as? String == "一百" } == true)
    }

    @Test func validateChecksAPlainTemplatesDataByFillingItInMemory() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-02-30,200\n北京丙公司,2020-05-01,一百\n", to: dir + "/bad.csv")
        let bad = try CLI.run(["validate", Self.letter, "bad.csv", "--report", "report.json"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.err.contains("bad.csv 第 3 行 字段「日期」") && bad.err.contains("bad.csv 第 4 行 字段「金额」"), "\(bad.err)")
        #expect(CLI.files(dir) == ["bad.csv", "report.json"], "only the report is written")
        try Self.write("企业名称,信用代码,人数,金额,比例,日期,编号\n企业1,91110228MA0030003Y,3,1.5,1%,2020-05-14,A1\n企业2,,x,2,1%,2020-05-14,A2\n", to: dir + "/list.csv")
        let list = try CLI.run(["validate", Self.list, dir + "/list.csv", "--set", "部门=区商务局"])
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("2 条记录全部有效"), "a plain list's rows are its records: \(list.out)")
        let missing = try CLI.run(["validate", Self.list, dir + "/list.csv"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("部门"), "the title's tag has no value: \(missing.err)")
        let usage = try CLI.run(["validate", dir + "/list.csv"])
        #expect(usage.status == 2)
    }

    @Test func aListTemplateFromCSVTextGetsTypedCellsAndRightTotals() throws {
        let dir = CLI.scratch()
        try Self.write("""
            企业名称,信用代码,人数,金额,比例,日期,编号
            北京甲公司,91110228MA0030003Y,27,"276,650.61",95%,2020/5/14,0123
            北京乙公司,110105194912310029,１２,-3.5,5.5%,2020年5月1日,13800138000

            """, to: dir + "/list.csv")
        let r = try CLI.run(["fill", Self.list, dir + "/list.csv", "--set", "部门=区商务局", "-o", dir + "/out.xlsx"])
        #expect(r.status == 0, "\(r.err)")
        let first = try Self.cells(dir + "/out.xlsx", row: 3)
        #expect(first["D3"]?.type == nil && first["D3"]?.text == "27")
        #expect(first["E3"]?.type == nil && first["E3"]?.text == "276650.61")
        #expect(first["F3"]?.text == "0.95")
        #expect(first["G3"]?.type == nil && first["G3"]?.text == "43965", "2020-05-14 as a date serial")
        #expect(first["C3"]?.type == "inlineStr", "a credit code stays text")
        #expect(first["H3"]?.type == "inlineStr" && first["H3"]?.text == "0123", "a Text-formatted cell stays text")
        #expect(first["I3"]?.type == "inlineStr" && first["I3"]?.text == "2020-05-14", "a filter's text stays text")
        let second = try Self.cells(dir + "/out.xlsx", row: 4)
        #expect(second["C4"]?.type == "inlineStr", "an ID number stays text")
        #expect(second["D4"]?.text == "12", "full-width digits")
        #expect(second["E4"]?.text == "-3.5")
        #expect(second["F4"]?.text == "0.055")
        #expect(second["G4"]?.text == "43952")
        #expect(second["H4"]?.type == "inlineStr" && second["H4"]?.text == "13800138000", "a mobile number stays text")
        let totals = try Self.cells(dir + "/out.xlsx", row: 5)
        #expect(totals["D5"]?.text == "39")
        #expect(totals["E5"]?.text == "276647.11")
    }

    @Test func aListTemplateStreamsItsRowsFromCSV() throws {
        let dir = CLI.scratch()
        var text = "企业名称,信用代码,人数,金额,比例,日期,编号\n"
        for i in 1...3000 { text += "企业\(i),91110228MA0030003Y,\(i),\(i).5,1%,2020-05-14,A\(i)\n" }
        try Self.write(text, to: dir + "/long.csv")
        let r = try CLI.run(["fill", Self.list, dir + "/long.csv", "--set", "部门=区商务局", "-o", dir + "/long.xlsx"])
        #expect(r.status == 0, "\(r.err)")
        let totals = try Self.cells(dir + "/long.xlsx", row: 3003)
        #expect(totals["D3003"]?.text == "4501500")
        #expect(totals["E3003"]?.text == "4503000")
    }

    @Test func aListTemplateStreamsItsRowsFromAJSONListOfStrings() throws {
        let dir = CLI.scratch()
        let items = (1...3000).map { #"{"企业名称": "企业\#($0)", "信用代码": "91110228MA0030003Y", "比例": "1%", "人数": "\#($0)", "金额": "\#($0).5", "日期": "2020年5月14日", "编号": "0\#($0)"}"# }
        try Self.write("[\n" + items.joined(separator: ",\n") + "\n]", to: dir + "/long.json")
        let r = try CLI.run(["fill", Self.list, dir + "/long.json", "--set", "部门=区商务局", "-o", dir + "/long.xlsx"])
        #expect(r.status == 0, "\(r.err)")
        let last = try Self.cells(dir + "/long.xlsx", row: 3002)
        #expect(last["B3002"]?.text == "企业3000")
        #expect(last["D3002"]?.type == nil && last["D3002"]?.text == "3000", "a number written as text in JSON is a number cell")
        #expect(last["H3002"]?.text == "03000", "a leading zero keeps a code as text")
        let totals = try Self.cells(dir + "/long.xlsx", row: 3003)
        #expect(totals["D3003"]?.text == "4501500")
        try Self.write("[\n" + items.prefix(2).joined(separator: ",\n") + ",\n{\"企业名称\": 北京}]", to: dir + "/bad.json")
        let bad = try CLI.run(["fill", Self.list, dir + "/bad.json", "--set", "部门=区商务局", "-o", dir + "/bad.xlsx"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("bad.json 第 4 行第 10 列"), "\(bad.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad.xlsx"))
    }

    /// A problem met while a streamed list's rows are written names the data's row, as a list form's do.
    @Test func aStreamedListsProblemNamesItsDataRow() throws {
        let dir = CLI.scratch()
        var text = "企业名称,信用代码,人数,金额,比例,日期,编号\n"
        for i in 1...300 { text += "企业\(i),91110228MA0030003Y,\(i),\(i).5,1%,\(i == 120 ? "2020-02-30" : i == 7 ? "下周一" : "2020-05-14"),A\(i)\n" }
        try Self.write("填报说明：本表由区商务局汇总\n" + text, to: dir + "/long.csv")
        let r = try CLI.run(["fill", Self.list, "long.csv", "--set", "部门=区商务局", "-o", "long.xlsx"], in: dir)
        #expect(r.status == 1)
        #expect(r.err.contains("错误：long.csv 第 9 行 字段「日期」(日期) 值「下周一」：") && r.err.contains("（列表第 7 项）"), "\(r.err)")
        #expect(r.err.contains("错误：long.csv 第 122 行 字段「日期」(日期) 值「2020-02-30」："), "row 122: a title row and the headings above: \(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/long.xlsx"))
        let report = try CLI.run(["validate", Self.list, "long.csv", "--set", "部门=区商务局", "--report", "r.json", "--lang", "en"], in: dir)
        #expect(report.status == 1 && report.err.contains("long.csv, row 122 field “日期” (日期) value “2020-02-30”"), "\(report.err)")
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json"))) as? [[String: Any]]
        #expect(rows?.compactMap { $0["row"] as? Int } == [9, 122] && rows?.compactMap { $0["record"] as? Int } == [7, 120], "\(rows ?? [])")

        let items = (1...30).map { #"{"企业名称": "企业\#($0)", "信用代码": "", "比例": "1%", "人数": "1", "金额": "1", "日期": "\#($0 == 12 ? "2020-13-01" : "2020-05-14")", "编号": ""}"# }
        try Self.write("[\n" + items.joined(separator: ",\n") + "\n]", to: dir + "/list.json")
        let json = try CLI.run(["fill", Self.list, "list.json", "--set", "部门=区商务局", "-o", "list.xlsx"], in: dir)
        #expect(json.status == 1 && json.err.contains("错误：list.json 第 12 条记录 字段「日期」(日期) 值「2020-13-01」"), "\(json.err)")

        let noDates = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).filter { !$0.hasPrefix("20") && $0 != "日期" && $0 != "下周一" }.joined(separator: ",") }
        try Self.write(noDates.joined(separator: "\n") + "\n", to: dir + "/无日期.csv")
        let column = try CLI.run(["fill", Self.list, "无日期.csv", "--set", "部门=区商务局", "-o", "无日期.xlsx"], in: dir)
        #expect(column.status == 1 && column.err.contains("发现 2 个错误"), "a column the data lacks is named once per cell, not per row: \(column.err)")
        #expect(column.err.contains("错误：无日期.csv 字段「日期」(日期)：名单!G3「{{日期}}」：缺少字段 日期 的值（列表的全部 300 项都如此）"), "\(column.err)")
    }

    @Test func aPlainBatchWithoutANameNumbersItsDocumentsAfterTheDataFile() throws {
        let dir = CLI.scratch()
        var text = "企业名称,日期,金额\n"
        for i in 1...12 { text += "北京\(i)公司,2020-05-14,\(i)00\n" }
        try Self.write(text, to: dir + "/五月名单.csv")
        let r = try CLI.run(["batch", Self.letter, "五月名单.csv", "--out-dir", "out"], in: dir)
        #expect(r.status == 0, "\(r.err)")
        #expect(CLI.files(dir + "/out") == (1...12).map { String(format: "五月名单-%02d.docx", $0) })
    }

    /// A workbook with a title row above its headings, and cells left empty: the headings are found by the names
    /// the template reads, and an empty cell is empty text, as an empty CSV field is (not a missing value).
    @Test func aTitleRowIsSkippedAndAnEmptyCellIsBlankAsInCSV() throws {
        let dir = CLI.scratch()
        let data = Self.fixtures + "/titled-data.xlsx"
        let list = try CLI.run(["fill", Self.list, data, "--set", "部门=区商务局", "-o", dir + "/list.xlsx"])
        #expect(list.status == 0, "\(list.err)")
        let second = try Self.cells(dir + "/list.xlsx", row: 4)
        #expect(second["B4"]?.text == "北京乙公司")
        #expect(second["E4"]?.text == "200")
        #expect(second["D4"]?.text ?? "" == "", "an empty cell stays empty")
        let totals = try Self.cells(dir + "/list.xlsx", row: 5)
        #expect(totals["D5"]?.text == "12" && totals["E5"]?.text == "1434.5")
        let letters = try CLI.run(["batch", Self.letter, data, "--out-dir", dir + "/out", "--name", "{{企业名称}}"])
        #expect(letters.status == 0, "\(letters.err)")
        #expect(CLI.files(dir + "/out") == ["北京乙公司.docx", "北京甲公司.docx"])
    }

    /// A record keeps its name whether or not the records around it were skipped: a skipped record mended
    /// later is written under its own number by --resume, and nothing else is written twice.
    @Test func skippedRecordsKeepTheirNamesForResume() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-02-30,200\n北京丙公司,2020-05-16,300\n", to: dir + "/名单.csv")
        let first = try CLI.run(["batch", Self.letter, "名单.csv", "--out-dir", "out", "--skip-invalid"], in: dir)
        #expect(first.status == 4, "\(first.err)")
        #expect(CLI.files(dir + "/out") == ["名单-1.docx", "名单-3.docx"])
        let third = try String(decoding: OOXMLPackage(contentsOf: dir + "/out/名单-3.docx").data(of: "word/document.xml"), as: UTF8.self)
        #expect(third.contains("北京丙公司"))
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-02-28,200\n北京丙公司,2020-05-16,300\n", to: dir + "/名单.csv")
        let resumed = try CLI.run(["batch", Self.letter, "名单.csv", "--out-dir", "out", "--resume"], in: dir)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(CLI.files(dir + "/out") == ["名单-1.docx", "名单-2.docx", "名单-3.docx"])
        let second = try String(decoding: OOXMLPackage(contentsOf: dir + "/out/名单-2.docx").data(of: "word/document.xml"), as: UTF8.self)
        #expect(second.contains("北京乙公司"))
    }

    /// `--resume --merge` after an interrupted batch: the missing documents are written and the print file is made
    /// again from every record; a file at the print file's place that is not a Word document is still kept.
    @Test func resumeMakesThePrintFileAgain() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-05-15,200\n北京丙公司,2020-05-16,300\n", to: dir + "/名单.csv")
        let arguments = ["batch", Self.letter, "名单.csv", "--out-dir", "out", "--merge", "打印/全部.docx"]
        #expect(try CLI.run(arguments, in: dir).status == 0)
        try FileManager.default.removeItem(atPath: dir + "/out/名单-2.docx")
        let stale = try OOXMLPackage(contentsOf: Self.letter)
        try stale.write(to: dir + "/打印/全部.docx", overwrite: true)
        let resumed = try CLI.run(arguments + ["--resume"], in: dir)
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("已写出 1 份，保留已完成 2 份"), "\(resumed.out)")
        #expect(CLI.files(dir + "/out") == ["名单-1.docx", "名单-2.docx", "名单-3.docx"])
        let merged = try String(decoding: OOXMLPackage(contentsOf: dir + "/打印/全部.docx").data(of: "word/document.xml"), as: UTF8.self)
        #expect(["北京甲公司", "北京乙公司", "北京丙公司"].allSatisfy(merged.contains) && !merged.contains("{{"), "made again from every record")

        try Self.write("我的笔记", to: dir + "/打印/全部.docx")
        let kept = try CLI.run(arguments + ["--resume"], in: dir)
        #expect(kept.status == 3 && kept.err.contains("全部.docx：文件已存在"), "\(kept.err)")
        #expect(try String(contentsOfFile: dir + "/打印/全部.docx", encoding: .utf8) == "我的笔记")
    }

    /// A print file alone (no --out-dir), on two cores: every valid record in record order, nothing else written.
    @Test func aPrintFileAloneHoldsEveryValidRecordInOrder() throws {
        let dir = CLI.scratch()
        let names = "甲乙丙丁戊己庚辛壬".map { "北京\($0)公司" }
        let rows = names.enumerated().map { i, name in "\(name),2020-05-\(10 + i),\(i == 4 ? "一百" : String(100 * i))" }
        try Self.write("企业名称,日期,金额\n" + rows.joined(separator: "\n") + "\n", to: dir + "/名单.csv")
        let run = try CLI.run(["batch", Self.letter, "名单.csv", "--merge", "打印/全部.docx", "--jobs", "2", "--skip-invalid"], in: dir)
        #expect(run.status == 4, "\(run.err)")
        #expect(CLI.files(dir) == ["名单.csv", "打印"] && CLI.files(dir + "/打印") == ["全部.docx"])
        let merged = try OOXMLPackage(contentsOf: dir + "/打印/全部.docx")
        let text = String(decoding: try merged.data(of: "word/document.xml"), as: UTF8.self)
        let places = names.map { text.range(of: "致 \($0)：")?.lowerBound }
        #expect(places[4] == nil, "the invalid record is left out")
        let found = places.compactMap { $0 }
        #expect(found.count == 8 && found == found.sorted(), "every other record, in order")
        #expect(text.components(separatedBy: "w:start=\"1\"").count == 9, "each on a new page numbered from 1")
    }

    @Test func outputFoldersAreMadeWhenMissing() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n北京乙公司,2020-05-15,200\n", to: dir + "/ok.csv")
        let batch = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/协议/五月", "--name", "{{企业名称}}",
                                 "--merge", dir + "/打印/全部.docx", "--report", dir + "/报告/r.csv"])
        #expect(batch.status == 0, "\(batch.err)")
        #expect(CLI.files(dir + "/协议/五月") == ["北京乙公司.docx", "北京甲公司.docx"])
        #expect(FileManager.default.fileExists(atPath: dir + "/打印/全部.docx"))
        #expect(FileManager.default.fileExists(atPath: dir + "/报告/r.csv"))
        try Self.write("{\"企业名称\": \"北京甲公司\", \"日期\": \"2020-05-14\", \"金额\": \"100\"}", to: dir + "/one.json")
        let fill = try CLI.run(["fill", Self.letter, "one.json", "-o", "新文件夹/x.docx"], in: dir)
        #expect(fill.status == 0, "\(fill.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/新文件夹/x.docx"))
    }

    @Test func everyOutputProblemIsFoundBeforeAnyDocumentIsWritten() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n", to: dir + "/ok.csv")
        try Self.write("old", to: dir + "/merged.docx")
        let merge = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/out", "--merge", dir + "/merged.docx"])
        #expect(merge.status == 3)
        #expect(merge.err.contains("merged.docx：文件已存在"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(try String(contentsOfFile: dir + "/merged.docx", encoding: .utf8) == "old")

        let kind = try CLI.run(["fill", Self.letter, dir + "/ok.csv", "-o", dir + "/x.xlsx"])
        #expect(kind.status == 2)
        #expect(kind.err.contains("扩展名应为 .docx"))
        let mergeList = try CLI.run(["batch", Self.list, dir + "/ok.csv", "--merge", dir + "/m.docx"])
        #expect(mergeList.status == 2)
        #expect(mergeList.err.contains("--merge 只能合并 Word 文档"))
        let initKind = try CLI.run(["init", "--form", "interest-subsidy-application", "-o", dir + "/a.txt"])
        #expect(initKind.status == 2)
        #expect(initKind.err.contains(".yaml"))

        try Self.write("old", to: dir + "/report.csv")
        let report = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/out", "--report", dir + "/report.csv"])
        #expect(report.status == 3)
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        #expect(try String(contentsOfFile: dir + "/report.csv", encoding: .utf8) == "old")
        let forced = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/out", "--report", dir + "/report.csv", "--force"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try String(contentsOfFile: dir + "/report.csv", encoding: .utf8) != "old")

        try Self.write("a file", to: dir + "/taken")
        let folder = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/taken/sub"])
        #expect(folder.status == 3)
        #expect(folder.err.contains("已有同名文件"))
    }

    @Test(arguments: [
        ("long Chinese", String(repeating: "北京密云区示例商贸有限责任公司", count: 14)),
        ("emoji", String(repeating: "🏢👩‍👩‍👧‍👦企业", count: 40)),
        ("combining marks", String(repeating: "e\u{301}\u{302}名", count: 60)),
    ])
    func longNamesAreCutInBytesAndStayUnique(kind: String, name: String) throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n\(name)甲,2020-05-14,100\n\(name)乙,2020-05-14,100\n", to: dir + "/long.csv")
        let r = try CLI.run(["batch", Self.letter, dir + "/long.csv", "--out-dir", dir + "/out", "--name", "{{企业名称}}"])
        #expect(r.status == 0, "\(kind): \(r.err)")
        let files = CLI.files(dir + "/out")
        #expect(files.count == 2)
        for file in files {
            #expect(file.utf8.count <= 240, "\(file.utf8.count) bytes")
            #expect(file.hasSuffix(".docx"))
            let stem = file.dropLast(".docx".count)
            #expect(name.hasPrefix(stem.hasSuffix("-2") ? String(stem.dropLast(2)) : String(stem)), "cut between characters")
        }
    }

    @Test func aSettingNoTagUsesIsRefused() throws {
        let dir = CLI.scratch()
        try Self.write("企业名称,日期,金额\n北京甲公司,2020-05-14,100\n", to: dir + "/ok.csv")
        let r = try CLI.run(["batch", Self.letter, dir + "/ok.csv", "--out-dir", dir + "/out", "--set", "联系人=王五", "--set", "联系 人=x"])
        #expect(r.status == 2)
        #expect(r.err.contains("--set 联系 人"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let form = try CLI.run(["batch", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/tenants.csv",
                                "--out-dir", dir + "/out", "--set", "甲方.名 称=x"] + CLI.landlord)
        #expect(form.status == 2)
        #expect(form.err.contains("--set 甲方.名 称"))
    }

    @Test func theFormBesideATemplateIsFoundByARelativePathALinkOrACopyElsewhere() throws {
        let dir = CLI.scratch()
        let sample = CLI.root + "/Samples/rent-reduction-agreement/valid.yaml"
        let relative = try CLI.run(["fill", "Templates/rent-reduction-agreement/template.docx", sample, "-o", dir + "/a.docx"], in: CLI.root)
        #expect(relative.status == 0, "\(relative.err)")
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: CLI.root + "/Templates/rent-reduction-agreement")
        let linked = try CLI.run(["fill", "link/template.docx", sample, "-o", "b.docx"], in: dir)
        #expect(linked.status == 0, "\(linked.err)")
        try FileManager.default.copyItem(atPath: CLI.root + "/Templates/rent-reduction-agreement", toPath: dir + "/我的表单")
        let copied = try CLI.run(["fill", "我的表单/template.docx", sample, "-o", "c.docx"], in: dir)
        #expect(copied.status == 0, "\(copied.err)")
        let folder = try CLI.run(["fill", "--templates", dir, "--form", "我的表单", sample, "-o", "d.docx"], in: dir)
        #expect(folder.status == 0, "\(folder.err)")
        let documents = try ["a", "b", "c", "d"].map { try OOXMLPackage(contentsOf: dir + "/\($0).docx").data(of: "word/document.xml") }
        #expect(Set(documents).count == 1, "the same form, the same document")
    }
}
