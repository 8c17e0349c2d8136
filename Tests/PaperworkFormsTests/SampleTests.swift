import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate
import PaperworkTestSupport

@Suite struct SampleTests {
    static let hrSettings = ["部门=区商务局", "批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]

    func job(_ form: String, _ file: String, settings: [String] = []) throws -> FillJob {
        FillJob(data: Repo.root + "/Samples/\(form)/\(file)", template: nil, form: try Repo.catalog.form(form), policy: Repo.policy,
                options: LoadOptions(settings: settings))
    }

    func scratch(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "paperwork-forms-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    @Test(arguments: [
        ("rent-reduction-agreement", "valid.yaml"), ("rent-reduction-agreement", "valid.json"),
        ("interest-subsidy-application", "valid.yaml"), ("interest-subsidy-application", "valid.json"),
        ("hr-enterprise-list", "valid.yaml"), ("hr-enterprise-list", "valid.json"),
    ])
    func validSamplesPassAndFill(form: String, file: String) throws {
        let out = scratch(form + (form == "hr-enterprise-list" ? ".xlsx" : ".docx"))
        let prepared = try job(form, file).run(output: out, overwrite: false)
        #expect(!prepared.hasErrors, "\(prepared.findings.map { $0.line(.zh) })")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        ("rent-reduction-agreement", "invalid.json", [String]()),
        ("interest-subsidy-application", "invalid.json", []),
        ("hr-enterprise-list", "invalid.csv", hrSettings),
    ])
    func invalidSamplesReportEveryPlantedProblemAndWriteNothing(form: String, file: String, settings: [String]) throws {
        let planted = try PlantedProblem.load(sample: Repo.root + "/Samples/\(form)/\(file)")
        let out = scratch(form == "hr-enterprise-list" ? "never.xlsx" : "never.docx")
        let prepared = try job(form, file, settings: settings).run(output: out, overwrite: false)
        let found = prepared.findings.map { PlantedProblem(rule: $0.rule, field: $0.field, record: $0.record, row: $0.row) }
        let (missing, unexpected) = PlantedProblem.compare(planted: planted, reported: found.map(\.key))
        #expect(missing.isEmpty, "planted in \(file) but not reported: \(missing)")
        #expect(unexpected.isEmpty, "reported for \(file) but not planted: \(unexpected)")
        #expect(prepared.findings.allSatisfy { $0.severity == .error })
        for problem in planted where problem.says != nil {
            let message = prepared.findings.first { PlantedProblem(rule: $0.rule, field: $0.field, record: $0.record, row: $0.row).key == problem.key }?.message
            #expect(message?.contains(problem.says!) == true, "\(problem) should say \(problem.says!): \(message ?? "not reported")")
        }
        #expect(prepared.findings.map(\.record) == prepared.findings.map(\.record).sorted(), "findings come in file order")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// Fills a sample and returns the text of the document made, without the joiners that keep dates on one line
    /// (a date stands in runs of its own, so the text is read from the text elements, not the XML).
    func filledBody(_ form: String, _ file: String) throws -> String {
        let out = scratch(form + ".docx")
        _ = try job(form, file).run(output: out, overwrite: false)
        let texts = try OOXMLPackage(contentsOf: out).xml(of: "word/document.xml").root.all("t").map(\.textContent)
        return texts.joined().replacingOccurrences(of: "\u{2060}", with: "")
    }

    @Test func rentAgreementCarriesTheComputedAmounts() throws {
        let text = try filledBody("rent-reduction-agreement", "valid.yaml")
        #expect(text.contains("北京云水谣餐饮管理有限公司密云分店"))
        #expect(text.contains("37,036.80"))
        #expect(text.contains("叁万柒仟零叁拾陆元捌角"))
        #expect(text.contains("2020年2月、2020年3月、2020年4月"))
        #expect(!text.contains("{{"))
    }

    @Test func interestFormCarriesTheSubsidy() throws {
        let text = try filledBody("interest-subsidy-application", "valid.json")
        #expect(text.contains("261,000.00"))
        #expect(text.contains("130,500.00"))
        #expect(text.contains("壹拾叁万零伍佰元整"))
    }

    @Test(arguments: ["enterprises.xlsx", "enterprises-gb18030.csv"])
    func departmentListOfFortyEnterprises(file: String) throws {
        let out = scratch("hr.xlsx")
        let prepared = try job("hr-enterprise-list", file, settings: Self.hrSettings).run(output: out, overwrite: false)
        #expect(!prepared.hasErrors, "\(prepared.findings.map { $0.line(.zh) })")
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: out))
        var rows: [Int: [Int: CellValue]] = [:]
        try reader.rows(ofSheet: reader.sheets[0].part) { rows[$0.number] = $0.cells }
        #expect(rows[4]?[0] == .number(1, isDate: false))
        #expect(rows[43]?[0] == .number(40, isDate: false))
        #expect(rows[44]?[0] == .text("合计"))
        guard case .number(let total, _)? = rows[44]?[12] else { Issue.record("no cached total"); return }
        let sum = (4...43).reduce(Decimal(0)) { acc, r in if case .number(let n, _)? = rows[r]?[12] { acc + n } else { acc } }
        #expect(total == sum)
        #expect(total > 0)
    }
}
