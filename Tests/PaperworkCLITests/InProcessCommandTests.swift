import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkCommands

/// The commands run in the test process: parsing, messages, files written and exit statuses.
/// (EndToEndTests and ExitStatusTests run the same commands as a separate program.)
@Suite struct InProcessCommandTests {
    static let samples = CLI.root + "/Samples/"
    static let rent = ["--form", "rent-reduction-agreement"] + InProcess.templates

    @Test func versionAndHelpGoToStandardOutputWithStatusZero() {
        let version = InProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.out == "0.1.0\n")
        let help = InProcess.run(["batch", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--resume"))
        #expect(help.out.contains("退出码"))
        #expect(help.err.isEmpty)
    }

    @Test func aValidSampleValidatesWithStatusZero() {
        let result = InProcess.run(["validate", "--form", "interest-subsidy-application",
                                    Self.samples + "interest-subsidy-application/valid.yaml"] + InProcess.templates)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "1 条记录全部有效\n")
    }

    @Test func invalidDataExitsOneWithEveryFindingAsTextJSONAndAReport() throws {
        let dir = CLI.scratch()
        let sample = Self.samples + "rent-reduction-agreement/invalid.json"
        let planted = try PlantedProblem.load(sample: sample)
        let text = InProcess.run(["validate"] + Self.rent + [sample, "--report", dir + "/报告.xlsx"])
        #expect(text.status == 1)
        #expect(text.err.split(separator: "\n").filter { $0.hasPrefix("错误：") && $0.contains("invalid.json") }.count == planted.count,
                "\(text.err)")
        #expect(text.err.contains("校验报告：\(dir)/报告.xlsx（\(planted.count) 条）"))
        #expect(text.err.hasSuffix("发现 \(planted.count) 个错误，未生成任何文件\n"))
        let report = try WorkbookReader(try OOXMLPackage(contentsOf: dir + "/报告.xlsx"))
        var rows = 0
        try report.rows(ofSheet: report.sheets[0].part) { _ in rows += 1 }
        #expect(rows == planted.count + 1, "a heading and one row per finding")

        let json = InProcess.run(["validate"] + Self.rent + [sample, "--format", "json", "--lang", "en"])
        #expect(json.status == 1)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(findings.count == planted.count)
        #expect(json.err == "\(planted.count) error(s); nothing was written\n")
    }

    @Test func fillWritesOnceAndKeepsAnExistingFileWithoutForce() throws {
        let dir = CLI.scratch()
        let out = dir + "/协议.docx"
        let arguments = ["fill"] + Self.rent + [Self.samples + "rent-reduction-agreement/valid.yaml", "-o", out]
        let first = InProcess.run(arguments)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "已生成 \(out)\n")
        let written = try #require(FileManager.default.contents(atPath: out))
        #expect(try paragraphsOf(out).contains { $0.contains("北京云水谣餐饮管理有限公司密云分店") })
        let again = InProcess.run(arguments + ["--lang", "en"])
        #expect(again.status == 3)
        #expect(again.err.contains(out) && again.err.contains("--force"), "\(again.err)")
        #expect(FileManager.default.contents(atPath: out) == written)
        let forced = InProcess.run(arguments + ["--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(forced.out.isEmpty && forced.err.isEmpty, "--quiet prints nothing when all went well")
    }

    @Test func aTemplateOfOnesOwnFillsAndAMissingValueIsADataError() throws {
        let dir = CLI.scratch()
        let template = try HostileRunTests.letterTemplate(HostileRunTests.p("致 {{单位}}：") + HostileRunTests.p("{{金额 | rmb_upper}}"), in: dir)
        try Data(#"{"单位": "密云区商务局", "金额": 1234.5}"#.utf8).write(to: URL(fileURLWithPath: dir + "/good.json"))
        try Data(#"{"金额": 1}"#.utf8).write(to: URL(fileURLWithPath: dir + "/short.json"))
        let good = InProcess.run(["fill", template, dir + "/good.json", "-o", dir + "/good.docx"])
        #expect(good.status == 0, "\(good.err)")
        #expect(try paragraphsOf(dir + "/good.docx") == ["致 密云区商务局：", "壹仟贰佰叁拾肆元伍角"])
        let short = InProcess.run(["fill", template, dir + "/short.json", "-o", dir + "/short.docx"])
        #expect(short.status == 1, "\(short.err)")
        #expect(short.err.contains("单位"), "\(short.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/short.docx"))
    }

    @Test func aBrokenTemplateExitsTwoAndInspectNamesTheProblem() throws {
        let dir = CLI.scratch()
        let template = try HostileRunTests.letterTemplate(HostileRunTests.p("{{#if a}}没有结束"), in: dir)
        try Data(#"{"a": true}"#.utf8).write(to: URL(fileURLWithPath: dir + "/d.json"))
        let fill = InProcess.run(["fill", template, dir + "/d.json", "-o", dir + "/o.docx"])
        #expect(fill.status == 2)
        #expect(fill.err.contains("{{/if}}"), "\(fill.err)")
        let inspect = InProcess.run(["inspect", template])
        #expect(inspect.status == 2)
        #expect(inspect.out.contains("word/document.xml"))
        #expect(inspect.err.contains("{{/if}}"), "\(inspect.err)")
    }

    @Test func inspectListsPartsAndTagsInEitherLanguage() {
        let docx = InProcess.run(["inspect", CLI.root + "/Templates/rent-reduction-agreement/template.docx"])
        #expect(docx.status == 0, "\(docx.err)")
        #expect(docx.out.contains("word/document.xml  application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))
        #expect(docx.out.contains("标记（") && docx.out.contains("{{乙方.名称}}"), "\(docx.out)")
        let xlsx = InProcess.run(["inspect", CLI.root + "/Templates/hr-enterprise-list/template.xlsx", "--lang", "en"])
        #expect(xlsx.status == 0, "\(xlsx.err)")
        #expect(xlsx.out.contains("xl/worksheets/sheet1.xml") && xlsx.out.contains("tags ("), "\(xlsx.out)")
    }

    @Test func batchWritesEveryDocumentAndAPrintFileThenResumeKeepsThem() throws {
        let dir = CLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/协议", withIntermediateDirectories: false)
        let arguments = ["batch"] + Self.rent + [Self.samples + "rent-reduction-agreement/tenants.csv", "--out-dir", dir + "/协议",
                                                 "--merge", dir + "/打印.docx", "--jobs", "2"] + CLI.landlord
        let first = InProcess.run(arguments)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("已写出 12 份，保留已完成 0 份，跳过无效记录 0 条，失败 0 份"), "\(first.out)")
        #expect(first.out.contains("合并文件 \(dir)/打印.docx"))
        #expect(first.err.contains("已完成 12/12"), "progress, as plain lines when standard error is not a terminal")
        #expect(CLI.files(dir + "/协议").filter { $0.hasSuffix(".docx") }.count == 12)
        #expect(FileManager.default.fileExists(atPath: dir + "/打印.docx"))
        let resumed = InProcess.run(arguments + ["--resume", "--force", "--lang", "en"])
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.out.contains("written 0, kept 12, invalid skipped 0, failed 0"), "\(resumed.out)")
    }

    @Test func aBatchWithAnInvalidRecordWritesNothingOrOnlyTheValidOnes() throws {
        let dir = try CLI.tenantsWithOneBadRecord()
        let arguments = ["batch"] + Self.rent + [dir + "/t.csv", "--out-dir", dir + "/out", "-q"] + CLI.landlord
        let strict = InProcess.run(arguments)
        #expect(strict.status == 1)
        #expect(strict.err.contains("第 3 行"), "\(strict.err)")
        #expect(CLI.files(dir + "/out").isEmpty)
        let lenient = InProcess.run(arguments + ["--skip-invalid", "--report", dir + "/r.json"])
        #expect(lenient.status == 4, "some records were skipped: \(lenient.err)")
        #expect(CLI.files(dir + "/out").count == 11)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json"))) as? [[String: Any]])
        #expect(report.contains { $0["row"] as? Int == 3 })
    }

    @Test(.enabled(if: ReadOnlyFolder.available, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func aBatchIntoAReadOnlyFolderExitsThreeAndLeavesNothing() throws {
        try ReadOnlyFolder.with { (folder: ReadOnlyFolder) throws in
            let r = InProcess.run(["batch"] + Self.rent + [Self.samples + "rent-reduction-agreement/tenants.csv", "--out-dir", folder.path, "-q"]
                                  + CLI.landlord)
            #expect(r.status == 3, "\(r.err)")
            #expect(r.err.contains(folder.path), "\(r.err)")
            #expect(try folder.contents().isEmpty)
        }
    }

    @Test func initWritesAnEmptyCaseFileOnce() throws {
        let dir = CLI.scratch()
        let yaml = InProcess.run(["init", "--form", "hr-enterprise-list", "-o", dir + "/名单.yaml"] + InProcess.templates)
        #expect(yaml.status == 0, "\(yaml.err)")
        #expect(yaml.out == "已生成 \(dir)/名单.yaml\n")
        #expect(try String(contentsOfFile: dir + "/名单.yaml", encoding: .utf8).contains("部门"))
        let again = InProcess.run(["init", "--form", "hr-enterprise-list", "-o", dir + "/名单.yaml"] + InProcess.templates)
        #expect(again.status == 3)
        let workbook = InProcess.run(["init", "--form", "rent-reduction-agreement", "-o", dir + "/录入.xlsx", "--lang", "en"] + InProcess.templates)
        #expect(workbook.status == 0, "\(workbook.err)")
        #expect(workbook.out == "wrote \(dir)/录入.xlsx\n")
        #expect(throws: Never.self) { _ = try WorkbookReader(try OOXMLPackage(contentsOf: dir + "/录入.xlsx")) }
    }

    @Test func formsListsTheBuiltInFormsAndShowsOne() {
        let list = InProcess.run(["forms"] + InProcess.templates)
        #expect(list.status == 0, "\(list.err)")
        let lines = list.out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("rent-reduction-agreement  租金减免补充协议  (template.docx)") }, "\(list.out)")
        let show = InProcess.run(["forms", "show", "interest-subsidy-application"] + InProcess.templates)
        #expect(show.status == 0, "\(show.err)")
        #expect(show.out.contains("* 企业.信用代码  统一社会信用代码  [统一社会信用代码]"), "\(show.out)")
        #expect(show.out.contains("loan_dates  贷款.结束日期 > 贷款.开始日期"), "\(show.out)")
        let missing = InProcess.run(["forms", "show", "no-such-form"] + InProcess.templates)
        #expect(missing.status == 2)
        #expect(missing.err.contains("no-such-form"), "\(missing.err)")
    }

    /// The usage errors ExitStatusTests runs as a program, parsed here in the test process.
    @Test(arguments: ExitStatusTests.usages)
    func usageErrorsExitTwoNamingTheHelp(usage: ExitStatusTests.Usage) {
        let zh = InProcess.run(usage.arguments)
        #expect(zh.status == 2, "\(zh.err)")
        for word in usage.zh { #expect(zh.err.contains(word), "\(zh.err)") }
        #expect(zh.err.hasSuffix("用法请看 \(usage.help)\n"), "\(zh.err)")
        #expect(zh.out.isEmpty)
    }

    /// A data file that cannot be read: its words in Chinese and in English, each naming the file.
    static let unreadableData: [(name: String, bytes: [UInt8], zh: String, en: String)] = [
        ("empty.csv", [], "没有任何记录", "holds no records"),
        ("header.csv", Array("企业名称,统一社会信用代码\n".utf8), "没有任何记录", "holds no records"),
        ("twice.csv", Array("企业名称,企业名称\n甲,乙\n".utf8), "重复", "appears twice"),
        ("bad.json", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "格式错误", "malformed"),
        ("bad.csv", [0xFF, 0x81, 0x30, 0xFF, 0xFF], "编码", "encoding"),
        ("data.txt", Array("企业名称\n甲\n".utf8), "不支持的数据格式", "unsupported data format"),
    ]

    @Test func unreadableDataExitsTwoNamingTheFileInEitherLanguage() throws {
        let dir = CLI.scratch()
        for file in Self.unreadableData {
            try Data(file.bytes).write(to: URL(fileURLWithPath: dir + "/" + file.name))
            let arguments = ["validate", "--form", "hr-enterprise-list", dir + "/" + file.name] + InProcess.templates
            let zh = InProcess.run(arguments)
            #expect(zh.status == 2 && zh.err.contains(file.name) && zh.err.contains(file.zh), "\(file.name): \(zh.err)")
            let en = InProcess.run(arguments + ["--lang", "en"])
            #expect(en.status == 2 && en.err.contains(file.name) && en.err.contains(file.en), "\(file.name): \(en.err)")
        }
        let missing = InProcess.run(["validate"] + Self.rent + [Self.samples + "rent-reduction-agreement/valid.yaml", "--policy", dir + "/没有.yaml"])
        #expect(missing.status == 2 && missing.err.contains("政策文件 \(dir)/没有.yaml"), "\(missing.err)")
        let setting = InProcess.run(["validate"] + Self.rent + [Self.samples + "rent-reduction-agreement/valid.yaml", "--set", "甲方.名称"])
        #expect(setting.status == 2 && setting.err.contains("--set 甲方.名称"), "\(setting.err)")
    }

    @Test func progressIsABarOnATerminalAndTenthsOtherwise() {
        let (_, _, bar) = InProcess.capture {
            let line = ProgressLine(quiet: false, language: .zh, terminal: true)
            line.update(0, 6)
            line.update(3, 6)
            line.update(6, 6)
            line.finish()
        }
        #expect(bar.hasPrefix("\r"))
        #expect(bar.contains(String(repeating: "█", count: 30) + " 6/6"), "\(bar)")
        #expect(bar.hasSuffix("\n"))
        let (_, _, lines) = InProcess.capture {
            let line = ProgressLine(quiet: false, language: .en, terminal: false)
            for done in 0...20 { line.update(done, 20) }
        }
        #expect(lines.split(separator: "\n").count == 11, "one line as each tenth starts, 0 to 10: \(lines)")
        #expect(lines.hasSuffix("done 20/20 (\(lines.split(separator: "(").last!)"))
        let (_, _, quiet) = InProcess.capture {
            let line = ProgressLine(quiet: true, language: .zh, terminal: true)
            line.update(0, 1)
            line.update(1, 1)
            line.finish()
        }
        #expect(quiet.isEmpty)
    }
}

/// The text of each paragraph of a .docx file's body.
private func paragraphsOf(_ path: String) throws -> [String] {
    try OOXMLPackage(contentsOf: path).xml(of: "word/document.xml").root.all("p").map(\.textContent)
}
