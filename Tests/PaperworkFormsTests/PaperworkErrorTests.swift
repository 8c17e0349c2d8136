import Foundation
import PaperworkOOXML
import PaperworkTemplate
import Testing
@testable import PaperworkForms

/// The forms layer's entry points throw one type, `PaperworkError`: a caller switches over its cases with no
/// cast. `name(of:)` has no `default`, so a case added later fails to compile here until it is handled.
@Suite struct PaperworkErrorTests {
    static func name(of error: PaperworkError) -> String {
        switch error {
        case .form(.unknownForm): "unknown form"
        case .form(.refused): "refused form"
        case .form: "form"
        case .policy(.unreadable): "unreadable policy"
        case .policy: "policy"
        case .caseFile(.unreadable): "unreadable case file"
        case .caseFile(.malformed): "malformed case file"
        case .caseFile: "case file"
        case .job(.oneCaseExpected): "one case expected"
        case .job(.listFormInBatch): "list form in a batch"
        case .job: "job"
        case .extract: "extract"
        case .template(.package(.zip)): "broken template zip"
        case .template(.problems): "template problems"
        case .template: "template"
        case .package: "package"
        case .output(.exists): "output exists"
        case .output: "output"
        }
    }

    /// The case `body` throws, caught without a cast.
    static func thrown(_ body: () throws(PaperworkError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            #expect(error.message(.zh) == error.underlying.message(.zh), "rendered through its cause")
            #expect(error.message(.en) == error.underlying.message(.en))
            return name(of: error)
        }
    }

    static func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "paperwork-error-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static let rent = Repo.root + "/Samples/rent-reduction-agreement/"

    @Test func anUnknownFormAndAManifestWithErrorsAreTheFormCase() throws {
        #expect(Self.thrown { () throws(PaperworkError) in _ = try Repo.catalog.form("no-such-form") } == "unknown form")
        let dir = try Self.scratch()
        try "name: 坏表单\nkind: document\ntemplate: t.docx\nfields:\n  - key: 金额\n    type: nosuch\n"
            .write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        #expect(Self.thrown { () throws(PaperworkError) in _ = try Form(folder: dir) } == "refused form")
    }

    @Test func aMissingPolicyFileIsThePolicyCase() {
        #expect(Self.thrown { () throws(PaperworkError) in _ = try Policy(contentsOf: "/nonexistent/policy.yaml") } == "unreadable policy")
    }

    @Test func aMissingOrBrokenDataFileIsTheCaseFileCase() throws {
        let form = try Repo.catalog.form("rent-reduction-agreement")
        #expect(Self.thrown { () throws(PaperworkError) in
            _ = try CasePreparation.prepare(data: "/nonexistent/cases.json", form: form, policy: Repo.policy)
        } == "unreadable case file")
        let dir = try Self.scratch()
        try "{\"企业\": [1, 2,]}".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        #expect(Self.thrown { () throws(PaperworkError) in
            _ = try CasePreparation.prepare(data: dir + "/bad.json", form: form, policy: Repo.policy)
        } == "malformed case file")
    }

    @Test func invalidDataIsFindingsNotAnError() throws {
        let form = try Repo.catalog.form("rent-reduction-agreement")
        let prepared = try CasePreparation.prepare(data: Self.rent + "invalid.json", form: form, policy: Repo.policy, today: Repo.today)
        #expect(prepared.hasErrors)
        let dir = try Self.scratch()
        let job = FillJob(data: Self.rent + "invalid.json", template: nil, form: form, policy: Repo.policy, options: LoadOptions())
        let result = try job.run(output: dir + "/a.docx", overwrite: false)
        #expect(result.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.docx"))
    }

    @Test func whatAJobCannotDoIsTheJobCase() throws {
        let form = try Repo.catalog.form("rent-reduction-agreement")
        let dir = try Self.scratch()
        let one = try String(contentsOfFile: Self.rent + "valid.json", encoding: .utf8)
        try "[\(one), \(one)]".write(toFile: dir + "/two.json", atomically: true, encoding: .utf8)
        let many = FillJob(data: dir + "/two.json", template: nil, form: form, policy: Repo.policy, options: LoadOptions())
        #expect(Self.thrown { () throws(PaperworkError) in _ = try many.run(output: dir + "/a.docx", overwrite: false) } == "one case expected")
        let list = try Repo.catalog.form("hr-enterprise-list")
        let batch = BatchJob(fill: FillJob(data: Self.rent + "tenants.csv", template: nil, form: list, policy: Repo.policy,
                                           options: LoadOptions()), outDir: dir + "/out")
        #expect(Self.thrown { () throws(PaperworkError) in _ = try batch.run() } == "list form in a batch")
    }

    @Test func aBrokenTemplateZipIsTheTemplateCase() throws {
        let dir = try Self.scratch()
        try Data("PK\u{3}\u{4} not a zip".utf8).write(to: URL(fileURLWithPath: dir + "/t.docx"))
        let job = FillJob(data: Self.rent + "valid.json", template: dir + "/t.docx", form: nil, policy: nil, options: LoadOptions())
        #expect(Self.thrown { () throws(PaperworkError) in _ = try job.run(output: dir + "/a.docx", overwrite: false) } == "broken template zip")
    }

    @Test func anExistingOutputIsTheOutputCase() throws {
        let form = try Repo.catalog.form("rent-reduction-agreement")
        let dir = try Self.scratch()
        try Data("kept".utf8).write(to: URL(fileURLWithPath: dir + "/a.docx"))
        let job = FillJob(data: Self.rent + "valid.json", template: nil, form: form, policy: Repo.policy, options: LoadOptions())
        #expect(Self.thrown { () throws(PaperworkError) in _ = try job.run(output: dir + "/a.docx", overwrite: false) } == "output exists")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/a.docx")) == Data("kept".utf8))
    }
}
