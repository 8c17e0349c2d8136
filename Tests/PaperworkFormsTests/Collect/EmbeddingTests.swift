import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct EmbeddingTests {
    static let hrSettings = ["部门=区商务局", "批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]

    func fill(_ form: String, _ file: String, settings: [String] = [], embed: Bool = true, to out: String) throws {
        var job = FillJob(data: Repo.root + "/Samples/\(form)/\(file)", template: nil, form: try Repo.catalog.form(form), policy: Repo.policy,
                          options: LoadOptions(settings: settings))
        job.embed = embed
        let prepared = try job.run(output: out, overwrite: true)
        #expect(!prepared.hasErrors)
    }

    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.label([]) == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.label(Array("abc".utf8)) == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(String(repeating: "a", count: 1000).utf8)
        #expect(SHA256.label(long) == "sha256:41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        for piece in [1, 7, 63, 64, 65, 130, 999] {
            var h = SHA256()
            var i = 0
            while i < long.count { h.update(Array(long[i..<min(i + piece, long.count)])); i += piece }
            #expect("sha256:" + h.hex() == SHA256.label(long), "fed in pieces of \(piece) bytes")
        }
    }

    @Test func theDataStoreIDIsTheCaseDigestsFirst32HexDigitsInUpperCase() {
        #expect(CaseEmbedding.guid(SHA256.label(Array("abc".utf8))) == "{BA7816BF-8F01-CFEA-4141-40DE5DAE2223}")
        #expect(CaseEmbedding.guid("sha256:12ab") == "{00000000-0000-0000-0000-000000000000}", "too short for a GUID")
    }

    @Test func aFilledDocumentCarriesItsFormPolicyVersionAndDeclaredData() throws {
        let out = scratch("协议.docx")
        try fill("interest-subsidy-application", "valid.yaml", to: out)
        let package = try OOXMLPackage(contentsOf: out)
        let embedded = try #require(try EmbeddedCase.read(from: package))
        #expect(embedded.form == "interest-subsidy-application")
        #expect(embedded.version == PaperworkVersion.string)
        #expect(embedded.policyDigest == SHA256.label([UInt8](FileManager.default.contents(atPath: Repo.policy.file)!)))
        #expect(embedded.isIntact)
        #expect(embedded.data.value(at: ["企业", "名称"]) != nil)
        #expect(embedded.data.value(at: ["贴息", "金额"]) != nil, "computed values are embedded")
        // The relationship from the main part keeps the part through an Office save.
        let rels = try package.relationships(of: "word/document.xml")
        #expect(rels.contains { $0.kind == "customXml" && $0.targetPart == "customXml/item1.xml" })
        #expect(package.contentType(of: "customXml/itemProps1.xml") == "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
    }

    @Test func theSameInputsGiveTheSameBytesAndNoEmbedLeavesThePartOut() throws {
        let a = scratch("a.xlsx"), b = scratch("b.xlsx"), c = scratch("c.xlsx")
        try fill("hr-enterprise-list", "enterprises.xlsx", settings: Self.hrSettings, to: a)
        try fill("hr-enterprise-list", "enterprises.xlsx", settings: Self.hrSettings, to: b)
        try fill("hr-enterprise-list", "enterprises.xlsx", settings: Self.hrSettings, embed: false, to: c)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
        #expect(try EmbeddedCase.read(from: OOXMLPackage(contentsOf: c)) == nil)
        #expect(try !OOXMLPackage(contentsOf: c).partNames.contains { $0.hasPrefix("customXml/") })
        let embedded = try #require(try EmbeddedCase.read(from: OOXMLPackage(contentsOf: a)))
        #expect(embedded.rows?.list == "企业")
        #expect(embedded.rows?.count == 40)
        #expect(embedded.data.value(at: ["企业"]) == nil, "a streamed list is digested, not held")
        #expect(embedded.data.value(at: ["部门"]) == .string("区商务局"))
    }

    @Test func aPlainTemplateEmbedsOnlyWhatItsTagsUseNeverOtherColumns() throws {
        let dir = scratch("")
        let template = dir + "回执.xlsx"
        let book = SimpleWorkbook(sheetName: "回执", columns: [.init(width: 20), .init(width: 20)],
                                  rows: [[.text("名称"), .text("金额")], [.text("{{名称}}"), .text("{{金额 | rmb}}")]])
        try AtomicFile.write(try book.serialized(), to: template, overwrite: false)
        let csv = dir + "case.csv"
        try "名称,金额,身份证号码\n北京密云示例企业有限公司,1234.5,110101199003070011\n".write(toFile: csv, atomically: true, encoding: .utf8)
        var job = FillJob(data: csv, template: template, form: nil, policy: nil, options: LoadOptions())
        job.embed = true
        _ = try job.run(output: dir + "out.xlsx", overwrite: false)
        let embedded = try #require(try EmbeddedCase.read(from: OOXMLPackage(contentsOf: dir + "out.xlsx")))
        #expect(embedded.form == nil)
        #expect(embedded.template == "回执.xlsx")
        #expect(embedded.data["名称"] == .string("北京密云示例企业有限公司"))
        #expect(embedded.data["身份证号码"] == nil, "a column no tag uses is never embedded")
    }

    /// A batch gives its template the case's item once; each document fills it with its own case and a data store
    /// id from that case's digest, and the print file, made of the same filled documents, holds no case.
    @Test func eachDocumentOfABatchHoldsItsOwnCaseAndThePrintFileNone() throws {
        let dir = scratch("")
        let landlord = ["甲方.名称=北京密云示例国有资产经营有限公司", "甲方.信用代码=91110228MA0030003Y", "甲方.地址=北京市密云区鼓楼东大街18号",
                        "甲方.法定代表人=张建国", "甲方.联系电话=010-69043376", "签订日期=2020-05-20"]
        var batch = BatchJob(fill: FillJob(data: Repo.root + "/Samples/rent-reduction-agreement/tenants.csv", template: nil,
                                           form: try Repo.catalog.form("rent-reduction-agreement"), policy: Repo.policy,
                                           options: LoadOptions(settings: landlord)), outDir: dir + "out")
        batch.merge = dir + "打印.docx"
        batch.jobs = 2
        let summary = try batch.run()
        #expect(summary.written.count == 12)
        var ids = Set<String>()
        for path in summary.written {
            let package = try OOXMLPackage(contentsOf: path)
            let embedded = try #require(try EmbeddedCase.read(from: package))
            #expect(embedded.isIntact)
            let item = try #require(try package.customXMLParts(namespace: EmbeddedCase.namespace).first)
            let props = try #require(try package.related(to: item, kind: "customXmlProps").first)
            let id = try package.xml(of: props).root.attributes.first { $0.name == "ds:itemID" }?.value
            #expect(id == CaseEmbedding.guid(embedded.caseDigest))
            ids.insert(id ?? "")
        }
        #expect(ids.count == 12, "each document's data store id is its own case's")
        let print = try OOXMLPackage(contentsOf: dir + "打印.docx")
        #expect(try EmbeddedCase.read(from: print) == nil)
        #expect(!print.partNames.contains { $0.hasPrefix("customXml/") })
        #expect(try !print.relationships(of: "word/document.xml").contains { $0.kind == "customXml" })
    }

    /// The documents a batch keeps from checking every record are the ones it would render again: the same bytes
    /// whether all, some (a budget a few documents fill) or none are kept, on one core or two.
    @Test func documentsKeptFromTheCheckAreTheOnesRenderedAgain() throws {
        let landlord = ["甲方.名称=北京密云示例国有资产经营有限公司", "甲方.信用代码=91110228MA0030003Y", "甲方.地址=北京市密云区鼓楼东大街18号",
                        "甲方.法定代表人=张建国", "甲方.联系电话=010-69043376", "签订日期=2020-05-20"]
        var outputs: [[String: Data]] = []
        for (budget, jobs) in [(48 << 20, 1), (100_000, 2), (0, 2)] {
            let dir = scratch("")
            var batch = BatchJob(fill: FillJob(data: Repo.root + "/Samples/rent-reduction-agreement/tenants.csv", template: nil,
                                               form: try Repo.catalog.form("rent-reduction-agreement"), policy: Repo.policy,
                                               options: LoadOptions(settings: landlord)), outDir: dir + "out")
            batch.heldBytes = budget
            batch.jobs = jobs
            let summary = try batch.run()
            #expect(summary.written.count == 12)
            outputs.append(Dictionary(uniqueKeysWithValues: try summary.written.map { path in
                (URL(fileURLWithPath: path).lastPathComponent, try #require(FileManager.default.contents(atPath: path)))
            }))
        }
        #expect(outputs[0].count == 12)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    func scratch(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "paperwork-embed-" + UUID().uuidString + "/"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + name
    }
}
