import Foundation
import PaperworkOOXML
import Synchronization
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// What extract and collect say when a document or a request cannot be served, in both languages.
@Suite struct CollectErrorTests {
    func folder() -> String {
        let dir = NSTemporaryDirectory() + "paperwork-collect-errors-" + UUID().uuidString + "/"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A department's list filled from the commerce bureau's sample.
    func list(in dir: String) throws -> String {
        let job = FillJob(data: Repo.root + "/Samples/collect/商务局.csv", template: nil, form: try Repo.catalog.form("hr-enterprise-list"), policy: Repo.policy,
                          options: LoadOptions(settings: ["部门=区商务局", "批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]))
        let out = dir + "商务局.xlsx"
        #expect(try !job.run(output: out, overwrite: false).hasErrors)
        return out
    }

    /// Rewrites one part of a package in place.
    func rewrite(_ file: String, part: String, _ change: (String) -> String) throws {
        var package = try OOXMLPackage(contentsOf: file)
        let text = String(decoding: try package.data(of: part), as: UTF8.self)
        package.setPart(part, bytes: Array(change(text).utf8))
        try package.write(to: file, overwrite: true)
    }

    @Test func everyErrorNamesItsFileOrPartInBothLanguages() {
        let errors: [(ExtractError, String)] = [
            (.badEmbeddedPart(part: "customXml/item1.xml"), "customXml/item1.xml"), (.noData(file: "a.docx"), "a.docx"),
            (.noRowLoop(template: "t.xlsx"), "t.xlsx"), (.sheetMissing(file: "b.xlsx", sheet: "企业清单"), "企业清单"),
            (.outputFormat(file: "c.txt"), "c.txt"), (.otherForm(file: "d.docx", found: "x", expected: "y"), "d.docx"),
            (.nothingVisible(file: "e.docx", template: "t.docx"), "t.docx"),
        ]
        for (error, name) in errors {
            #expect(error.message(.zh).contains(name) && error.message(.en).contains(name), "\(error)")
            #expect(error.message(.zh) != error.message(.en))
        }
    }

    @Test func aRenamedOnlySheetIsStillTheListAndABrokenPartIsRefused() throws {
        let dir = folder()
        let renamed = try list(in: dir)
        try rewrite(renamed, part: "xl/workbook.xml") { $0.replacingOccurrences(of: "name=\"企业清单\"", with: "name=\"改名\"") }
        let form = try Repo.catalog.form("hr-enterprise-list")
        let read = try DocumentReader(file: renamed, form: form, catalog: nil).read { _ in }
        #expect(read.itemCount == 15 && read.differences.isEmpty)
        let broken = dir + "坏.xlsx"
        try FileManager.default.copyItem(atPath: try list(in: folder()), toPath: broken)
        let package = try OOXMLPackage(contentsOf: broken)
        let part = try #require(try package.customXMLParts(namespace: EmbeddedCase.namespace).first)
        try rewrite(broken, part: part) { text in
            text.replacingOccurrences(of: #" digest="[^"]*""#, with: "", options: .regularExpression)
        }
        #expect(throws: ExtractError.badEmbeddedPart(part: part)) { try DocumentReader(file: broken, form: form, catalog: nil).read { _ in } }
    }

    @Test func collectRefusesADocumentFormAnExistingOutputAndASettingWithoutValue() throws {
        let dir = folder()
        let file = try list(in: dir)
        let application = try Repo.catalog.form("interest-subsidy-application")
        #expect(thrownCause {
            _ = try ListCollectJob(files: [file], form: application, policy: Repo.policy, settings: []).run(output: nil, overwrite: false)
        } as? ExtractError == .noRowLoop(template: application.templatePath))
        let form = try Repo.catalog.form("hr-enterprise-list")
        #expect(thrownCause {
            _ = try ListCollectJob(files: [file], form: form, policy: Repo.policy, settings: []).run(output: file, overwrite: false)
        } as? OutputError == .exists(path: file))
        #expect(thrownCause {
            _ = try ListCollectJob(files: [file], form: form, policy: Repo.policy, settings: ["部门"]).run(output: nil, overwrite: false)
        } is CaseFileError)
    }

    @Test func anUnreadableEarlierBatchIsReportedAndTheRunGoesOn() throws {
        let dir = folder()
        let file = try list(in: dir)
        try "不是清单".write(toFile: dir + "第1批.xlsx", atomically: true, encoding: .utf8)
        var job = ListCollectJob(files: [file], form: try Repo.catalog.form("hr-enterprise-list"), policy: Repo.policy,
                                 settings: ["部门=密云区人力资源和社会保障局", "批次=2", "填报人=李娜", "联系电话=010-69042233", "填报日期=2020-05-13"])
        job.previous = [dir + "第1批.xlsx"]
        job.today = Repo.today
        let reports = Mutex<[(Int, Int)]>([])
        let summary = try job.run(output: dir + "区汇总.xlsx", overwrite: false) { done, total in reports.withLock { $0.append((done, total)) } }
        #expect(summary.findings.contains { $0.file.hasSuffix("第1批.xlsx") && $0.finding.rule == "unreadable_file" })
        #expect(summary.written != nil && summary.kept == 15)
        let last = try #require(reports.withLock { $0.last })
        #expect(last == (30, 30), "fifteen rows read, fifteen written: \(last)")
    }
}

/// Progress within one long list, not only from file to file.
@Suite struct RowProgressTests {
    @Test func extractReportsRowsOfOneLongListAgainstItsEmbeddedCount() throws {
        let dir = NSTemporaryDirectory() + "paperwork-progress-" + UUID().uuidString + "/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let heading = "企业名称,统一社会信用代码,重点行业,企业规模,参加本市失业保险,参保职工人数,2020年2-4月营业收入（元）,2019年2-4月营业收入（元）,拟参加培训人数,人均培训时长（分钟）,联系人,联系电话"
        var lines = [heading]
        for i in 0..<1_200 {
            let first17 = "91110228MC" + String(format: "%07d", i)
            let code = first17 + String(try #require(CreditCode.checkCharacter(for: first17)))
            lines.append("示例企业\(i)有限公司,\(code),生活性服务业,小型,是,20,10000,200000,5,1800,王先生,138\(String(format: "%08d", i))")
        }
        try lines.joined(separator: "\n").write(toFile: dir + "长清单.csv", atomically: true, encoding: .utf8)
        let fill = FillJob(data: dir + "长清单.csv", template: nil, form: try Repo.catalog.form("hr-enterprise-list"), policy: Repo.policy,
                           options: LoadOptions(settings: ["部门=区商务局", "批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]))
        #expect(try !fill.run(output: dir + "长清单.xlsx", overwrite: false).hasErrors)
        let reports = Mutex<[(Int, Int)]>([])
        let result = ExtractJob(files: [dir + "长清单.xlsx"], form: nil, catalog: Repo.catalog).run { done, total in reports.withLock { $0.append((done, total)) } }
        #expect(result.documents.first?.items.count == 1_200)
        let seen = reports.withLock { $0 }
        #expect(seen.map(\.0) == [0, 500, 1_000, 1_200], "\(seen)")
        #expect(seen.allSatisfy { $0.1 == 1_200 }, "the total comes from the list's embedded count before the first row")
    }
}
