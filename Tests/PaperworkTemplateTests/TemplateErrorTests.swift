import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// The template layer's entry points throw one type, `TemplateError`, so a caller switches over its cases with
/// no cast; `name(of:)` below has no `default`, so a case added later fails to compile here until it is handled.
@Suite struct TemplateErrorTests {
    /// Which case, by an exhaustive switch, as a caller would write it.
    static func name(of error: TemplateError) -> String {
        switch error {
        case .package(.unreadable): "unreadable"
        case .package(.zip): "zip"
        case .package(.notATemplate): "not a template"
        case .package: "package"
        case .problems(let found): found.problems.allSatisfy(\.isDataProblem) ? "data problems" : "template problems"
        case .items: "items"
        case .internal: "internal"
        case .unencodable(let path): "unencodable \(path)"
        }
    }

    /// The case `body` throws, caught without a cast: the compiler knows the type.
    static func thrown(_ body: () throws(TemplateError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return name(of: error)
        }
    }

    struct Broken: Error {}

    final class FailingStream: ItemStream, @unchecked Sendable {
        let count = 3
        func forEach(_ body: (TemplateValue) throws -> Void) throws {
            try body(.object(["名称": .string("甲")]))
            throw Broken()
        }
    }

    @Test func aMissingTemplateFileIsUnreadable() throws {
        let path = NSTemporaryDirectory() + "no-such-\(UUID().uuidString).docx"
        #expect(Self.thrown { () throws(TemplateError) in _ = try DocumentTemplate(contentsOf: path) } == "unreadable")
        #expect(Self.thrown { () throws(TemplateError) in _ = try XlsxTemplate(contentsOf: path + ".xlsx") } == "unreadable")
        do {
            _ = try DocxTemplate(contentsOf: path)
        } catch {
            #expect(error.message(.zh).hasPrefix(path + "：无法读取"))
            #expect(error.message(.en).hasPrefix(path + ": cannot be read"))
        }
    }

    @Test func aBrokenZipIsTheZipsError() throws {
        let path = NSTemporaryDirectory() + "broken-\(UUID().uuidString).docx"
        try Data("PK\u{3}\u{4} not a zip at all".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.thrown { () throws(TemplateError) in _ = try DocxTemplate(contentsOf: path) } == "zip")
    }

    @Test func anOtherFileIsNotATemplate() {
        #expect(Self.thrown { () throws(TemplateError) in _ = try DocumentTemplate(contentsOf: "notes.txt") } == "not a template")
    }

    @Test func templateAndDataProblemsAreTheProblemsCase() throws {
        #expect(Self.thrown { () throws(TemplateError) in _ = try DocxTemplate(package: try Self.package(p("{{#if a}}"))) } == "template problems")
        let template = try DocxTemplate(package: try wordPackage(body: p("{{名称}}")))
        #expect(Self.thrown { () throws(TemplateError) in _ = try template.render(.object([:])) } == "data problems")
        do {
            _ = try template.render(.object([:]))
        } catch {
            let found = try #require(error.dataProblems)
            #expect(found.problems.map(\.kind) == [.missingValue(path: "名称")])
        }
    }

    @Test func aFailingListStreamIsItsItemsCase() throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx"))
        let rest = ItemStreamTests.withoutList(3).0
        #expect(Self.thrown { () throws(TemplateError) in _ = try template.render(rest, streams: ["企业": FailingStream()]) } == "items")
        do {
            _ = try template.render(rest, streams: ["企业": FailingStream()])
        } catch {
            guard case .items(let cause) = error else { Issue.record("not items: \(error)"); return }
            #expect(cause is Broken)
            #expect(error.message(.zh) == "逐项读取的列表无法读完")
            #expect(error.message(.en) == "a list read item by item could not be read to its end")
        }
    }

    @Test func aValueThatIsNotDataIsUnencodable() throws {
        struct Odd: Encodable { let 金额 = Double.nan }
        let template = try DocxTemplate(package: try wordPackage(body: p("{{金额}}")))
        #expect(Self.thrown { () throws(TemplateError) in _ = try template.render(encoding: Odd()) } == "unencodable 金额")
        do {
            _ = try template.render(encoding: Odd())
        } catch {
            #expect(error.message(.zh) == "数据无法转换为模板的值（金额）")
            #expect(error.message(.en) == "the value cannot be turned into template data (金额)")
        }
    }

    @Test func writingIntoAMissingFolderIsThePackagesOutputError() throws {
        let template = try DocxTemplate(package: try wordPackage(body: p("{{名称}}")))
        let path = NSTemporaryDirectory() + "no-such-\(UUID().uuidString)/a.docx"
        do {
            try template.render(.object(["名称": .string("甲")]), to: path, overwrite: false)
            Issue.record("written into a missing folder")
        } catch {
            guard case .package(.output(.folderMissing(let folder))) = error else { Issue.record("\(error)"); return }
            #expect(path.hasPrefix(folder))
        }
    }

    static func package(_ body: String) throws(TemplateError) -> OOXMLPackage {
        do { return try wordPackage(body: body) } catch { throw .wrap(error) }
    }
}
