import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// A fourth form added with YAML and a template only (`Fixtures/landlord-subsidy`): the landlord's
/// application for the district's 20 % subsidy of the rent it reduced, (一)(二). No Swift knows it.
@Suite struct LandlordSubsidyTests {
    static let folder = Repo.root + "/Tests/PaperworkFormsTests/Fixtures/landlord-subsidy"
    static let hasPythonDocx = Self.run("/usr/bin/env", ["python3", "-c", "import docx"]) == 0
    static let hasLibreOffice = Self.run("/usr/bin/env", ["sh", "-c", "command -v soffice"]) == 0

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func scratch(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "landlord-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    func prepare(_ yaml: String) throws -> PreparedCases {
        let file = try scratch("case.yaml")
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return try CasePreparation.prepare(data: file, form: try Form(folder: Self.folder), policy: Repo.policy, today: Repo.today)
    }

    var valid: String { (try? String(contentsOfFile: Self.folder + "/valid.yaml", encoding: .utf8)) ?? "" }

    @Test func fillsTheSampleWithTheSubsidyInFiguresAndCapitals() throws {
        let out = try scratch("补贴申请表.docx")
        let job = FillJob(data: Self.folder + "/valid.yaml", template: nil, form: try Form(folder: Self.folder), policy: Repo.policy, options: LoadOptions())
        let prepared = try job.run(output: out, overwrite: false)
        #expect(!prepared.hasErrors, "\(prepared.findings.map { $0.line(.zh) })")
        let value = prepared.cases[0].value
        #expect(value.value(at: ["减免合计"]) == .number(Decimal(string: "45036.8")!))
        #expect(value.value(at: ["补贴", "金额"]) == .number(Decimal(string: "9007.36")!))
        let xml = String(decoding: try OOXMLPackage(contentsOf: out).data(of: "word/document.xml"), as: UTF8.self)
        #expect(xml.contains("2020\u{2060}年\u{2060}6\u{2060}月\u{2060}10\u{2060}日"), "the date is kept on one line")
        for text in ["45,036.80", "9,007.36", "玖仟零柒元叁角陆分", "北京云水谣餐饮管理有限公司密云分店"] {
            #expect(xml.contains(text), "\(text)")
        }
        #expect(!xml.contains("{{"))
    }

    @Test(.enabled(if: hasPythonDocx, "python-docx is not installed"))
    func theFilledDocumentOpensInPythonDocx() throws {
        let out = try scratch("a.docx")
        _ = try FillJob(data: Self.folder + "/valid.yaml", template: nil, form: try Form(folder: Self.folder), policy: Repo.policy,
                        options: LoadOptions()).run(output: out, overwrite: false)
        let script = "import docx,sys; d=docx.Document(sys.argv[1]); t=d.tables[0]; assert len(t.rows) >= 12, len(t.rows); "
            + "assert any('9,007.36' in c.text for r in t.rows for c in r.cells)"
        #expect(Self.run("/usr/bin/env", ["python3", "-c", script, out]) == 0)
    }

    @Test(.enabled(if: hasLibreOffice, "LibreOffice is not installed"))
    func theFilledDocumentOpensInLibreOffice() throws {
        let out = try scratch("b.docx")
        _ = try FillJob(data: Self.folder + "/valid.yaml", template: nil, form: try Form(folder: Self.folder), policy: Repo.policy,
                        options: LoadOptions()).run(output: out, overwrite: false)
        let dir = (out as NSString).deletingLastPathComponent
        #expect(Self.run("/usr/bin/env", ["soffice", "--headless", "-env:UserInstallation=file://" + dir + "/lo", "--convert-to", "pdf", "--outdir", dir, out]) == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/b.pdf"))
    }

    @Test func everyRuleOfTheFormReportsWithItsPlace() throws {
        let bad = valid
            .replacingOccurrences(of: "类型: 区属国有企业", with: "类型: 其他出租方")
            .replacingOccurrences(of: "减免金额: 8000,", with: "减免金额: 8000.01,")
            .replacingOccurrences(of: "月数: 3,", with: "月数: 4,")
            .replacingOccurrences(of: "MYGZ-ZL-2019-057", with: "MYGZ-ZL-2019-042")
        let prepared = try prepare(bad)
        let rules = prepared.findings.map(\.rule)
        #expect(rules.contains("reduction_within_rent") && rules.contains("months_within_period"))
        #expect(rules.contains("reduced_in_time") && rules.contains("one_lease_once"))
        let over = try #require(prepared.findings.first { $0.rule == "reduction_within_rent" })
        #expect(over.message == "第 2 户的实际减免 8,000.01 元超过按月租金、月数和比例应减免的 8,000.00 元")
        let repeated = try #require(prepared.findings.first { $0.rule == "one_lease_once" })
        #expect(repeated.message == "租赁合同编号与第 1 家重复")
    }
}
