import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing

@Suite(.serialized) struct EndToEndTests {
    static let hrHeadings = "企业名称,统一社会信用代码,重点行业,企业规模,参加本市失业保险,参保职工人数,2020年2-4月营业收入（元）,2019年2-4月营业收入（元）,拟参加培训人数,人均培训时长（分钟）,联系人,联系电话"

    static func hrRow(_ i: Int) -> String {
        "密云示例企业\(i)有限公司,\(creditCode(i)),生活性服务业,小型,是,20,\(10000 + i).5,\(200000 + i * 100),\(i % 10 + 1),1800,王先生,1380000\(String(format: "%04d", i))"
    }

    @Test func versionAndHelp() throws {
        #expect(try CLI.run(["--version"]).out.contains("0.1.0"))
        let help = try CLI.run(["batch", "--help"])
        #expect(help.out.contains("--resume") && help.out.contains("退出码"))
    }

    @Test func gb18030CSVOfFiftyEnterprisesMakesTheHRList() throws {
        let dir = CLI.scratch()
        let text = ([Self.hrHeadings] + (1...50).map(Self.hrRow)).joined(separator: "\r\n") + "\r\n"
        let csv = dir + "/名单.csv"
        try text.data(using: String.Encoding(rawValue: 0x8000_0632))!.write(to: URL(fileURLWithPath: csv))
        let result = try CLI.run(["fill", "--form", "hr-enterprise-list", csv, "-o", dir + "/清单.xlsx"] + CLI.department)
        #expect(result.status == 0, "\(result.err)")
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: dir + "/清单.xlsx"))
        var rows: [Int: [Int: CellValue]] = [:]
        try reader.rows(ofSheet: reader.sheets[0].part) { rows[$0.number] = $0.cells }
        #expect(rows[53]?[1] == .text("密云示例企业50有限公司"))
        #expect(rows[54]?[0] == .text("合计"))
        #expect(rows[54]?[6] == .number(1000, isDate: false))
    }

    @Test func xlsxOfFiftyEnterprisesMakesTheHRList() throws {
        let dir = CLI.scratch()
        let headings = Self.hrHeadings.split(separator: ",").map { SimpleWorkbook.Cell.text(String($0)) }
        let rows = (1...50).map { i in Self.hrRow(i).split(separator: ",").map { SimpleWorkbook.Cell.text(String($0)) } }
        let input = SimpleWorkbook(sheetName: "名单", columns: headings.map { _ in SimpleWorkbook.Column(width: 12, format: "@") },
                                   rows: [[.text("区商务局企业名单")], headings] + rows)
        try Data(try input.serialized()).write(to: URL(fileURLWithPath: dir + "/名单.xlsx"))
        let result = try CLI.run(["fill", "--form", "hr-enterprise-list", dir + "/名单.xlsx", "-o", dir + "/清单.xlsx"] + CLI.department)
        #expect(result.status == 0, "\(result.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/清单.xlsx"))
    }

    @Test func hundredTenantsMakeHundredAgreementsAndAPrintFile() throws {
        let dir = CLI.scratch()
        let sample = try String(contentsOfFile: CLI.root + "/Samples/rent-reduction-agreement/tenants.csv", encoding: .utf8)
        var lines = sample.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        let rows = (0..<100).map { i in
            var fields = lines[i % lines.count].components(separatedBy: ",")
            fields[0] = "北京示例承租企业\(i)有限公司"
            fields[1] = creditCode(5000 + i)
            return fields.joined(separator: ",")
        }
        try ([header] + rows).joined(separator: "\r\n").write(toFile: dir + "/tenants.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let result = try CLI.run(["batch", "--form", "rent-reduction-agreement", dir + "/tenants.csv", "--out-dir", dir + "/out",
                                  "--merge", dir + "/打印.docx", "-q"] + CLI.landlord)
        #expect(result.status == 0, "\(result.err)")
        #expect(CLI.files(dir + "/out").count == 100)
        #expect(CLI.files(dir + "/out").allSatisfy { $0.hasSuffix("-租金减免补充协议.docx") })
        let merged = String(decoding: try OOXMLPackage(contentsOf: dir + "/打印.docx").data(of: "word/document.xml"), as: UTF8.self)
        #expect(merged.components(separatedBy: "<w:pgNumType w:fmt=\"decimal\" w:start=\"1\"/>").count == 101,
                "each agreement's pages numbered from 1, in the template's number format")
        #expect(merged.contains("北京示例承租企业99有限公司"))
        let footer = String(decoding: try OOXMLPackage(contentsOf: dir + "/打印.docx").data(of: "word/footer1.xml"), as: UTF8.self)
        #expect(footer.contains("SECTIONPAGES") && !footer.contains("NUMPAGES"))
    }

    @Test func oneCoreAndAllCoresGiveTheSameBytes() throws {
        let dir = CLI.scratch()
        for n in ["1", "4"] {
            try FileManager.default.createDirectory(atPath: dir + "/j" + n, withIntermediateDirectories: true)
            let r = try CLI.run(["batch", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/tenants.csv",
                                 "--out-dir", dir + "/j" + n, "--jobs", n, "-q"] + CLI.landlord)
            #expect(r.status == 0, "\(r.err)")
        }
        let names = CLI.files(dir + "/j1")
        #expect(names == CLI.files(dir + "/j4") && names.count == 12)
        for name in names {
            #expect(FileManager.default.contents(atPath: dir + "/j1/" + name) == FileManager.default.contents(atPath: dir + "/j4/" + name))
        }
    }

    @Test func invalidCSVGivesAReportWithEveryPlantedErrorAndNoDocuments() throws {
        let dir = CLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let sample = CLI.root + "/Samples/hr-enterprise-list/invalid.csv"
        let planted = try PlantedProblem.load(sample: sample)
        let result = try CLI.run(["fill", "--form", "hr-enterprise-list", sample, "-o", dir + "/out/清单.xlsx", "--report", dir + "/报告.csv"]
                                 + CLI.department)
        #expect(result.status == 1, "\(result.err)")
        #expect(result.err.contains("发现 \(planted.count) 个错误，未生成任何文件"), "\(result.err)")
        #expect(CLI.files(dir + "/out").isEmpty)
        let csv = try String(contentsOfFile: dir + "/报告.csv", encoding: .utf8)
        for problem in planted { #expect(csv.contains("," + problem.rule + ","), "\(problem) is in the report") }
        let report = try CLI.run(["validate", "--form", "hr-enterprise-list", sample, "--format", "json"] + CLI.department)
        #expect(report.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.out.utf8)) as? [[String: Any]])
        #expect(json.allSatisfy { $0["severity"] as? String == "error" && $0["message"] is String })
        let found = json.map { PlantedProblem(rule: $0["rule"] as? String ?? "", field: $0["field"] as? String,
                                              record: $0["record"] as? Int ?? 0, row: $0["row"] as? Int).key }
        let (missing, unexpected) = PlantedProblem.compare(planted: planted, reported: found)
        #expect(missing.isEmpty && unexpected.isEmpty, "missing \(missing), not planted \(unexpected)")
    }

    @Test func hostileNamesBecomeSafeUniqueFiles() throws {
        let dir = CLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "名称\n../../etc/passwd\na/b<c>&d\n😀企业\n😀企业\n..\n".write(toFile: dir + "/names.csv", atomically: true, encoding: .utf8)
        let template = CLI.root + "/Tests/PaperworkTemplateTests/Fixtures/word-style.docx"
        let simple = dir + "/t.docx"
        var package = try OOXMLPackage(contentsOf: template)
        package.setPart("word/document.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{{名称}}</w:t></w:r></w:p></w:body></w:document>
            """.utf8))
        package.removePart("word/header1.xml")
        package.removePart("word/footer1.xml")
        try package.write(to: simple, overwrite: false)
        let result = try CLI.run(["batch", simple, dir + "/names.csv", "--out-dir", dir + "/out", "--name", "{{名称}}", "-q"])
        #expect(result.status == 0, "\(result.err)")
        let names = CLI.files(dir + "/out")
        #expect(names.count == 5)
        #expect(names.contains("a_b_c_&d.docx"))
        #expect(names.contains("😀企业.docx") && names.contains("😀企业-2.docx"))
        #expect(names.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") })
        #expect(CLI.files(dir).sorted() == ["names.csv", "out", "t.docx"])
    }

    @Test func existingOutputIsKeptWithoutForce() throws {
        let dir = CLI.scratch()
        let out = dir + "/协议.docx"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: out))
        let result = try CLI.run(["fill", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/valid.yaml", "-o", out])
        #expect(result.status == 3)
        #expect(result.err.contains("--force"))
        #expect(FileManager.default.contents(atPath: out) == Data("keep me".utf8))
        #expect(try CLI.run(["fill", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/valid.yaml", "-o", out, "--force"]).status == 0)
    }

    @Test(arguments: ["rent-reduction-agreement", "interest-subsidy-application", "hr-enterprise-list"])
    func initWorkbookFilledInValidates(form: String) throws {
        let dir = CLI.scratch()
        #expect(try CLI.run(["init", "--form", form, "-o", dir + "/entry.xlsx"]).status == 0)
        #expect(try CLI.run(["init", "--form", form, "-o", dir + "/entry.yaml"]).status == 0)
        let extra = form == "hr-enterprise-list" ? CLI.department : []
        let untouched = try CLI.run(["validate", "--form", form, dir + "/entry.xlsx"] + extra)
        #expect(untouched.status == 2, "the sample row is not a record: \(untouched.err)")
        #expect(untouched.err.contains("没有任何记录"))
        try CLI.fillSampleRowIn(dir + "/entry.xlsx", to: dir + "/filled.xlsx")
        let result = try CLI.run(["validate", "--form", form, dir + "/filled.xlsx"] + extra)
        #expect(result.status == 0, "\(result.err)")
        let yaml = try CLI.run(["validate", "--form", form, dir + "/entry.yaml"])
        #expect(yaml.status == 1)
        #expect(yaml.err.contains("必填"))
    }

    @Test func usageAndUnreadableInputExitWithTwo() throws {
        #expect(try CLI.run(["fill", "--form", "no-such-form", "x.json", "-o", "y.docx"]).status == 2)
        #expect(try CLI.run(["fill", "--form", "rent-reduction-agreement", "/nonexistent.json", "-o", "/tmp/y.docx"]).status == 2)
        let dir = CLI.scratch()
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: URL(fileURLWithPath: dir + "/bad.docx"))
        let r = try CLI.run(["inspect", dir + "/bad.docx"])
        #expect(r.status == 2)
        #expect(r.err.contains("bad.docx"))
    }
}

@Suite struct BatchOptionTests {
    @Test func skipInvalidWritesTheValidRecordsAndReportsTheRest() throws {
        let dir = try CLI.tenantsWithOneBadRecord()
        let strict = try CLI.run(["batch", "--form", "rent-reduction-agreement", dir + "/t.csv", "--out-dir", dir + "/out", "-q"] + CLI.landlord)
        #expect(strict.status == 1)
        #expect(CLI.files(dir + "/out").isEmpty)
        let lenient = try CLI.run(["batch", "--form", "rent-reduction-agreement", dir + "/t.csv", "--out-dir", dir + "/out",
                                   "--skip-invalid", "--report", dir + "/r.json"] + CLI.landlord)
        #expect(lenient.status == 4, "\(lenient.err)")
        #expect(CLI.files(dir + "/out").count == 11)
        #expect(lenient.out.contains("跳过无效记录 1 条"))
        #expect(lenient.err.contains("跳过无效记录：第 2 条（第 3 行）"))
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json"))) as? [[String: Any]]
        #expect(report.map { Set($0.map { $0["row"] as? Int }) } == [3], "every finding is about the one invalid record, in row 3")
    }

    @Test func pdfWithoutLibreOfficeStillWritesTheDocuments() throws {
        let dir = CLI.scratch()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["batch", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/tenants.csv",
                             "--out-dir", dir, "--pdf", "-q"] + CLI.landlord
        process.environment = CLI.environment(["PATH": "/nonexistent"])
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(message.contains("未找到 LibreOffice"))
        #expect(CLI.files(dir).filter { $0.hasSuffix(".docx") }.count == 12)
    }

    @Test func validatingAListCountsItsRows() throws {
        let r = try CLI.run(["validate", "--form", "hr-enterprise-list", CLI.root + "/Samples/hr-enterprise-list/enterprises-gb18030.csv"] + CLI.department)
        #expect(r.status == 0)
        #expect((r.out + r.err).contains("40 条记录全部有效"), "\(r.out)\(r.err)")
    }

    @Test func sheetChoosesTheWorksheet() throws {
        let dir = CLI.scratch()
        let wrong = SimpleWorkbook(sheetName: "说明", columns: [SimpleWorkbook.Column(width: 10)], rows: [[.text("这里没有数据")]])
        try Data(try wrong.serialized()).write(to: URL(fileURLWithPath: dir + "/one.xlsx"))
        let r = try CLI.run(["validate", "--form", "hr-enterprise-list", dir + "/one.xlsx", "--sheet", "名单"] + CLI.department)
        #expect(r.status == 2)
        #expect(r.err.contains("没有名为「名单」的工作表") && r.err.contains("说明"))
    }
}
