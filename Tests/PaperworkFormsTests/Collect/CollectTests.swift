import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// Lists filled by paperwork, then edited by hand: typed over and saved again by LibreOffice (the
/// embedded part survives), edited by openpyxl (rows added and deleted, a value changed, a column
/// widened, the title's department cleared; openpyxl drops the part). Made by `Fixtures/make-edited-lists.sh`.
@Suite struct CollectTests {
    static let fixtures = Repo.root + "/Tests/PaperworkFormsTests/Collect/Fixtures/"
    static let header = ["批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]
    static let district = ["部门=密云区人力资源和社会保障局", "批次=2", "填报人=李娜", "联系电话=010-69042233", "填报日期=2020-05-13"]

    func folder() -> String {
        let dir = NSTemporaryDirectory() + "paperwork-collect-" + UUID().uuidString + "/"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A department's list filled from a fixture CSV.
    func departmentList(_ name: String, in dir: String, embed: Bool = true) throws -> String {
        var job = FillJob(data: Self.fixtures + name + ".csv", template: nil, form: try Repo.catalog.form("hr-enterprise-list"), policy: Repo.policy,
                          options: LoadOptions(settings: ["部门=区" + name] + Self.header))
        job.embed = embed
        let out = dir + name + ".xlsx"
        #expect(try !job.run(output: out, overwrite: false).hasErrors)
        return out
    }

    func collect(_ files: [String], previous: [String] = [], skipInvalid: Bool = false, output: String?) throws -> ListCollectSummary {
        var job = ListCollectJob(files: files, form: try Repo.catalog.form("hr-enterprise-list"), policy: Repo.policy, settings: Self.district)
        job.previous = previous
        job.skipInvalid = skipInvalid
        job.today = Repo.today
        return try job.run(output: output, overwrite: false)
    }

    @Test func anOpenpyxlEditedListIsReadAsItNowStands() throws {
        let data = try DocumentReader(file: Self.fixtures + "openpyxl-edited.xlsx", form: Repo.catalog.form("hr-enterprise-list"), catalog: nil)
        var items: [ReadItem] = []
        let read = try data.read { items.append($0) }
        #expect(read.embedded == nil, "openpyxl does not keep the custom XML part")
        #expect(items.count == 10, "one row deleted, one added")
        #expect(items[1].value["2020年2至4月营业收入"] == .number(Decimal(string: "9999.5")!))
        #expect(items.contains { $0.value["名称"] == .string("北京密云手工添加企业有限公司") && $0.row == 9 })
        #expect(read.unseenFields.contains("参加失业保险"))
        #expect(read.value["部门"] == nil, "the department was cleared from the title and the sign-off")
        #expect(read.value["填报人"] == .string("周明"), "the sign-off row is found below the moved totals")
    }

    @Test func aLibreOfficeSavedListKeepsItsDataAndTheEditIsReported() throws {
        let reader = DocumentReader(file: Self.fixtures + "libreoffice-edited.xlsx", form: nil, catalog: Repo.catalog)
        var items: [ReadItem] = []
        let read = try reader.read { items.append($0) }
        #expect(read.embedded?.form == "hr-enterprise-list")
        #expect(items.count == 10)
        #expect(read.differences.count == 1)
        let d = try #require(read.differences.first)
        #expect(d.place == "企业清单!G6")
        #expect(d.visible == "99" && d.embedded == "36" && d.used == .visible)
        #expect(items[2].value["参保人数"] == .number(99))
        #expect(items[2].value["参加失业保险"] == .bool(true), "fields the template does not show come from the embedded records")
        var embeddedFirst: [ReadItem] = []
        _ = try DocumentReader(file: Self.fixtures + "libreoffice-edited.xlsx", form: nil, catalog: Repo.catalog, prefer: .embedded).read { embeddedFirst.append($0) }
        #expect(embeddedFirst[2].value["参保人数"] == .number(36))
    }

    @Test func duplicatesEarlierBatchesAndMissingDepartmentsAreFoundWithFileSheetAndRow() throws {
        let dir = folder()
        let trade = try departmentList("商务局", in: dir)
        let city = try departmentList("城管委", in: dir)
        let first = try collect([city], output: dir + "第1批.xlsx")
        #expect(first.written != nil && first.kept == 10)
        let summary = try collect([trade, Self.fixtures + "libreoffice-edited.xlsx", Self.fixtures + "openpyxl-edited.xlsx", dir + "missing.xlsx"],
                                  previous: [dir + "第1批.xlsx"], output: dir + "第2批.xlsx")
        #expect(summary.written == nil, "errors block the district list")
        #expect(!FileManager.default.fileExists(atPath: dir + "第2批.xlsx"))
        let rules = summary.findings.map(\.finding.rule)
        let duplicates = summary.findings.filter { $0.finding.rule == "duplicate_credit_code" }
        #expect(duplicates.count == 10, "the LibreOffice copy repeats every enterprise of the trade list")
        #expect(duplicates.first?.file == Self.fixtures + "libreoffice-edited.xlsx" && duplicates.first?.sheet == "企业清单" && duplicates.first?.finding.row == 4)
        #expect(duplicates.first?.finding.message.contains("商务局.xlsx 第 4 行") == true)
        let earlier = summary.findings.filter { $0.finding.rule == "forwarded_earlier" }
        #expect(earlier.count == 9, "the openpyxl list is the city list of batch 1, less the deleted row")
        #expect(earlier.allSatisfy { $0.finding.message.contains("第1批.xlsx") })
        #expect(summary.findings.filter { $0.finding.rule == "missing_department" }.count == 10)
        #expect(rules.contains("edited") && rules.contains("not_embedded") && rules.contains("unreadable_file"))
        let required = summary.findings.filter { $0.finding.rule == "required" }.map { "\($0.file) \($0.finding.row ?? 0) \($0.finding.field ?? "")" }
        #expect(required.isEmpty, "a field neither embedded nor shown is reported once, not per row: \(required)")
        let mistyped = summary.findings.filter { $0.finding.rule == "credit_code" }
        #expect(mistyped.count == 1 && mistyped.first?.finding.row == 9 && mistyped.first?.file.hasSuffix("openpyxl-edited.xlsx") == true)
    }

    @Test func theDistrictListHasEveryValidRowWithItsDepartmentAndIsEmbeddedAgain() throws {
        let dir = folder()
        let trade = try departmentList("商务局", in: dir)
        let city = try departmentList("城管委", in: dir, embed: false)
        let summary = try collect([trade, city, Self.fixtures + "libreoffice-edited.xlsx"], skipInvalid: true, output: dir + "区汇总.xlsx")
        #expect(summary.rows == 30 && summary.kept == 20)
        var items: [ReadItem] = []
        let read = try DocumentReader(file: dir + "区汇总.xlsx", form: nil, catalog: Repo.catalog).read { items.append($0) }
        #expect(read.embedded?.rows?.count == 20)
        #expect(read.differences.isEmpty)
        #expect(read.value["部门"] == .string("密云区人力资源和社会保障局"))
        #expect(items.prefix(10).allSatisfy { $0.value["主管部门"] == .string("区商务局") })
        #expect(items.suffix(10).allSatisfy { $0.value["主管部门"] == .string("区城管委") })
        #expect(read.embedded?.data.value(at: ["合计", "参保人数"]) != nil)
        // The embedded totals are the form's own: validating the rows read back as one case gives the same 合计, capitals included.
        var whole = read.value
        whole["企业"] = .list(items.map(\.value))
        let form = try Repo.catalog.form("hr-enterprise-list")
        let checked = try form.validate(CaseRecord(value: whole), number: 1, policy: Repo.policy, today: Repo.today)
        let total = try #require(checked.value.value(at: ["合计", "补贴合计"]))
        #expect(read.embedded?.data.value(at: ["合计", "补贴合计"]) == total)
        guard case .number(let amount) = total else { Issue.record("合计.补贴合计 is not a number"); return }
        #expect(read.embedded?.data.value(at: ["合计", "补贴合计大写"]) == .string(ChineseAmount.capitals(amount) ?? "?"))
        #expect(read.embedded?.data.value(at: ["合计", "企业数"]) == .number(20))
        for key in ["参保人数", "培训人数", "培训补贴", "临时岗位补贴", "2019年2至4月营业收入"] {
            #expect(read.embedded?.data.value(at: ["合计", FieldKey(key)]) == checked.value.value(at: ["合计", FieldKey(key)]), "合计.\(key)")
        }
    }

    @Test func theReviewWorkbookRecomputesEachApplicationAndNotesWhatItCannotRead() throws {
        let dir = folder()
        let form = try Repo.catalog.form("interest-subsidy-application")
        var plain = FillJob(data: Repo.root + "/Samples/interest-subsidy-application/valid.json", template: nil, form: form, policy: Repo.policy, options: LoadOptions())
        plain.embed = false
        _ = try plain.run(output: dir + "没有嵌入.docx", overwrite: false)
        try "不是 Word 文件".write(toFile: dir + "说明.docx", atomically: true, encoding: .utf8)
        let text = try String(contentsOfFile: Repo.policy.file, encoding: .utf8).replacingOccurrences(of: "subsidy_ratio: 0.5", with: "subsidy_ratio: 0.6")
        try text.write(toFile: dir + "policy.yaml", atomically: true, encoding: .utf8)
        var job = ReviewCollectJob(files: [Self.fixtures + "application-libreoffice.docx", dir + "没有嵌入.docx", dir + "说明.docx"],
                                   form: form, policy: try Policy(contentsOf: dir + "policy.yaml"))
        job.today = Repo.today
        let summary = try job.run(output: dir + "审核.xlsx", overwrite: false)
        #expect(summary.rows == 2, "the application without its part is read through the template")
        let rules = summary.findings.map(\.finding.rule)
        #expect(rules.contains("other_policy") && rules.contains("recomputed"))
        #expect(rules.filter { $0 == "unreadable_file" }.count == 1)
        let plainNotes = summary.findings.filter { $0.file.hasSuffix("没有嵌入.docx") }
        let notEmbedded = try #require(plainNotes.first { $0.finding.rule == "not_embedded" })
        #expect(notEmbedded.finding.message.contains("贷款.再贷款"))
        #expect(!plainNotes.contains { $0.finding.rule == "required" }, "a field the paper does not show is named once, not reported missing")
        let reader = try WorkbookReader(OOXMLPackage(contentsOf: dir + "审核.xlsx"))
        var rows: [SheetRow] = []
        try reader.rows(ofSheet: reader.sheets[0].part) { rows.append($0) }
        #expect(rows.count == 4, "a heading and one row per file")
        #expect(rows[1].cells[2] == .text("北京密云示例智能装备有限公司"))
        #expect(rows[2].cells[2] == .text("北京密云示例生物科技有限公司"))
    }
}
