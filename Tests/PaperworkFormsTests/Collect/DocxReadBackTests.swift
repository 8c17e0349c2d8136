import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// Word documents read back through their form's template: what they show, compared with what they carry.
/// Edits are typed over by python-docx (`Fixtures/type-over-docx.py`), and saved again by LibreOffice.
@Suite struct DocxReadBackTests {
    static let fixtures = Repo.root + "/Tests/PaperworkFormsTests/Collect/Fixtures/"
    /// A Python that has python-docx: `PAPERWORK_PYTHON`, `python3`, or the venv `office-check` makes.
    static let python: String? = [ProcessInfo.processInfo.environment["PAPERWORK_PYTHON"], "python3", "/tmp/office-check-venv/bin/python"]
        .compactMap { $0 }.first { LandlordSubsidyTests.run("/usr/bin/env", [$0, "-c", "import docx"]) == 0 }
    static let hasPythonDocx = python != nil
    static let hasLibreOffice = LandlordSubsidyTests.hasLibreOffice

    func folder() -> String {
        let dir = NSTemporaryDirectory() + "paperwork-docx-read-" + UUID().uuidString + "/"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    var form: Form { get throws { try Repo.catalog.form("interest-subsidy-application") } }

    /// The sample application filled into `dir`, with or without its embedded data.
    func application(in dir: String, embed: Bool = true, name: String = "申请.docx") throws -> String {
        var job = FillJob(data: Repo.root + "/Samples/interest-subsidy-application/valid.json", template: nil, form: try form,
                          policy: Repo.policy, options: LoadOptions())
        job.embed = embed
        let out = dir + name
        #expect(try !job.run(output: out, overwrite: false).hasErrors)
        return out
    }

    func typeOver(_ file: String, to out: String, _ pairs: [String]) throws {
        let status = LandlordSubsidyTests.run("/usr/bin/env", [Self.python ?? "python3", Self.fixtures + "type-over-docx.py", file, out] + pairs)
        try #require(status == 0, "python-docx could not edit \(file)")
    }

    func read(_ file: String, form: Form? = nil, prefer: Preference = .visible) throws -> DocumentData {
        try DocumentReader(file: file, form: form, catalog: Repo.catalog, prefer: prefer, today: Repo.today).read { _ in }
    }

    @Test func anUneditedApplicationShowsWhatItCarries() throws {
        let dir = folder()
        let data = try read(try application(in: dir))
        #expect(data.embedded != nil)
        #expect(data.differences.isEmpty, "\(data.differences.map { $0.line(.en) })")
        #expect(data.findings.isEmpty)
        #expect(data.value.value(at: ["贷款", "金额"]) == .number(8_000_000))
    }

    @Test func withoutItsPartTheApplicationIsReadThroughTheTemplate() throws {
        let dir = folder()
        let embedded = try read(try application(in: dir))
        let plain = try read(try application(in: dir, embed: false, name: "无嵌入.docx"), form: try form)
        #expect(plain.embedded == nil)
        // Every field the template shows in a way that reads back comes back equal to what was embedded.
        for key in ["企业.名称", "企业.信用代码", "企业.规模", "企业.联系电话", "贷款.银行", "贷款.金额", "贷款.授信额度", "贷款.年利率",
                    "贷款.开始日期", "贷款.结束日期", "贷款.按期还本付息", "附件.付息凭证", "申请日期"] {
            let path = [FieldKey](dotted: key)
            #expect(plain.value.value(at: path) != nil && plain.value.value(at: path) == embedded.value.value(at: path), "\(key)")
        }
        #expect(plain.value["付息记录"] == embedded.value["付息记录"])
        // What the paper does not show (an inline choice, a field not printed) is named, not guessed.
        #expect(plain.unseenFields.contains("贷款.再贷款") && plain.unseenFields.contains("企业.电子邮箱"))
        #expect(!plain.unseenFields.contains("贷款.金额"))
    }

    /// Every declared value, dotted, with a list's items numbered: `承租方[2].月租金`.
    static func leaves(_ value: TemplateValue, _ prefix: String = "") -> [String: TemplateValue] {
        switch value {
        case .object(let members):
            return members.reduce(into: [:]) { out, m in out.merge(leaves(m.value, prefix.isEmpty ? m.key.text : prefix + "." + m.key.text)) { a, _ in a } }
        case .list(let items):
            return items.enumerated().reduce(into: [:]) { out, e in out.merge(leaves(e.element, "\(prefix)[\(e.offset + 1)]")) { a, _ in a } }
        default:
            return [prefix: value]
        }
    }

    /// Any form's document, made from a template by Word-like means (the agreement) or by LibreOffice from an ODT
    /// (the landlord form): read without its part, each value the paper shows comes back, the others are named.
    @Test(arguments: ["rent-reduction-agreement", "landlord-subsidy"])
    func anyFormsDocumentReadsBackThroughItsTemplate(_ name: String) throws {
        let dir = folder()
        let form = name == "landlord-subsidy" ? try Form(folder: LandlordSubsidyTests.folder) : try Repo.catalog.form(name)
        let data = name == "landlord-subsidy" ? LandlordSubsidyTests.folder + "/valid.yaml" : Repo.root + "/Samples/\(name)/valid.json"
        var files: [String] = []
        for embed in [true, false] {
            var job = FillJob(data: data, template: nil, form: form, policy: Repo.policy, options: LoadOptions())
            job.embed = embed
            files.append(dir + "\(embed).docx")
            #expect(try !job.run(output: files.last ?? "", overwrite: false).hasErrors)
        }
        let embedded = try DocumentReader(file: files[0], form: form, catalog: nil, today: Repo.today).read { _ in }
        let plain = try DocumentReader(file: files[1], form: form, catalog: nil, today: Repo.today).read { _ in }
        #expect(embedded.differences.isEmpty, "\(embedded.differences.map { $0.line(.en) })")
        let was = Self.leaves(embedded.value), now = Self.leaves(plain.value)
        #expect(now.count * 2 > was.count, "most values are shown: \(now.count) of \(was.count)")
        for (key, value) in was {
            let field = key.replacing(/\[\d+\]/, with: "[]")
            guard let read = now[key] else {
                #expect(plain.unseenFields.contains(field), "\(key) is neither read nor named as unseen")
                continue
            }
            #expect(DocumentReader.same(read, value), "\(key): \(read) read, \(value) embedded")
        }
    }

    @Test func aDocumentOfAnotherTemplateSaysItCannotBeRead() throws {
        let dir = folder()
        let other = try Repo.catalog.form("rent-reduction-agreement")
        let file = try application(in: dir, embed: false)
        #expect(throws: ExtractError.nothingVisible(file: file, template: other.templatePath)) { try read(file, form: other) }
        #expect(throws: ExtractError.noData(file: file)) { try read(file) }
        #expect(ExtractError.nothingVisible(file: file, template: other.templatePath).message(.zh).contains(file))
    }

    @Test(.enabled(if: hasPythonDocx, "needs python3 with python-docx"))
    func anApplicationTypedOverInPythonDocxReportsEachDifferenceAtItsPlace() throws {
        let dir = folder()
        let source = try application(in: dir)
        let edited = dir + "改过.docx"
        // The loan amount typed over, a payment's voucher retyped, and the computed subsidy "corrected" by hand.
        try typeOver(source, to: edited, ["8,000,000.00", "8,500,000.00", "ZGC-05", "ZGC-5X", "北京密云示例生物科技有限公司", "北京密云示例生物科技股份公司"])
        let visible = try read(edited)
        #expect(visible.embedded != nil, "python-docx keeps the custom XML part")
        let amount = try #require(visible.differences.first { $0.field == "贷款金额（元）" })
        #expect(amount.visible == "8,500,000.00" && amount.embedded == "8,000,000.00" && amount.used == .visible)
        #expect(amount.place.contains("表格 1 第 10 行第 4 列"), "\(amount.place)")
        let voucher = try #require(visible.differences.first { $0.field.hasSuffix("凭证号") })
        #expect(voucher.field.contains("第 2 项") && voucher.place.contains("表格 2 第 4 行第 4 列"), "\(voucher.field) \(voucher.place)")
        #expect(visible.differences.contains { $0.field == "企业名称" })
        #expect(visible.value.value(at: ["贷款", "金额"]) == .number(8_500_000))
        #expect(visible.value.value(at: ["企业", "名称"]) == .string("北京密云示例生物科技股份公司"))
        guard case .list(let payments)? = visible.value["付息记录"], payments.count > 1 else { Issue.record("no payments read"); return }
        #expect(payments[1]["凭证号"] == .string("ZGC-5X"))
        let warning = amount.line(.zh)
        #expect(warning.contains("文件中为「8,500,000.00」") && warning.contains("采用文件中可见的值"))
        #expect(amount.line(.en).contains("(table 1, row 10, cell 4) shows “8,500,000.00”"), "\(amount.line(.en))")

        let kept = try read(edited, prefer: .embedded)
        #expect(kept.differences.count == visible.differences.count)
        #expect(kept.value.value(at: ["贷款", "金额"]) == .number(8_000_000))
        #expect(kept.value.value(at: ["企业", "名称"]) == .string("北京密云示例生物科技有限公司"))
    }

    @Test(.enabled(if: hasPythonDocx, "needs python3 with python-docx"))
    func aComputedAmountOrAFixedTextChangedByHandIsReportedButNotTakenIn() throws {
        let dir = folder()
        let source = try application(in: dir)
        let filled = try read(source)
        guard case .number(let subsidy)? = filled.embedded?.data.value(at: ["贴息", "金额"]) else { Issue.record("no subsidy"); return }
        let shown = DecimalFormat.money(subsidy)
        let edited = dir + "改过.docx"
        try typeOver(source, to: edited, ["人民币" + (ChineseAmount.capitals(subsidy) ?? "?"), "人民币壹佰万元整", "企业承诺", "本企业承诺"])
        let data = try read(edited)
        let capitals = try #require(data.differences.first { $0.field == "申请贴息金额（大写）" })
        #expect(capitals.visible == "壹佰万元整" && capitals.used == .embedded)
        #expect(data.differences.contains { $0.field == "段落" && $0.visible?.hasPrefix("本企业承诺") == true })
        #expect(data.value.value(at: ["贴息", "金额"]) == nil, "computed values are not read back as data: \(shown)")
        #expect(data.value.value(at: ["贷款", "金额"]) == .number(8_000_000))
    }

    @Test(.enabled(if: hasPythonDocx && hasLibreOffice, "needs python-docx and LibreOffice (soffice)"))
    func anApplicationSavedAgainByLibreOfficeKeepsItsPartAndShowsTheEdit() throws {
        let dir = folder()
        let source = try application(in: dir)
        try FileManager.default.createDirectory(atPath: dir + "lo", withIntermediateDirectories: true)
        try typeOver(source, to: dir + "lo-in.docx", ["8,000,000.00", "7,900,000.00", "29,000.00", "29,500.00"])
        let status = LandlordSubsidyTests.run("/usr/bin/env", ["soffice", "--headless", "-env:UserInstallation=file://\(dir)profile",
                                                               "--convert-to", "docx", "--outdir", dir + "lo", dir + "lo-in.docx"])
        try #require(status == 0 && FileManager.default.fileExists(atPath: dir + "lo/lo-in.docx"))
        let data = try read(dir + "lo/lo-in.docx")
        #expect(data.embedded != nil, "LibreOffice keeps the custom XML part")
        #expect(data.differences.contains { $0.field == "贷款金额（元）" && $0.visible == "7,900,000.00" })
        let payments = data.differences.filter { $0.field.hasSuffix("付息金额（元）") }
        #expect(payments.count >= 5 && payments.allSatisfy { $0.visible == "29,500.00" }, "\(payments.map(\.field))")
        #expect(data.value.value(at: ["贷款", "金额"]) == .number(7_900_000))
        // The same document without its part: the values are still read, through the template.
        let plainSource = try application(in: dir, embed: false, name: "无嵌入.docx")
        try typeOver(plainSource, to: dir + "plain-in.docx", ["8,000,000.00", "7,900,000.00"])
        #expect(LandlordSubsidyTests.run("/usr/bin/env", ["soffice", "--headless", "-env:UserInstallation=file://\(dir)profile",
                                                          "--convert-to", "docx", "--outdir", dir + "lo", dir + "plain-in.docx"]) == 0)
        let plain = try read(dir + "lo/plain-in.docx", form: try form)
        #expect(plain.embedded == nil && plain.differences.isEmpty)
        #expect(plain.value.value(at: ["贷款", "金额"]) == .number(7_900_000))
        #expect(plain.value.value(at: ["企业", "信用代码"]) == .string("91110228MA0331113L"))
    }
}
