import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

@Suite struct DocxErrorTests {
    private func templateProblems(_ body: String) throws -> [TemplateProblem] {
        do {
            _ = try DocxTemplate(package: try wordPackage(body: body))
            return []
        } catch {
            guard let e = foundProblems(in: error) else { throw error }
            return e.problems
        }
    }

    @Test func everyTemplateProblemIsReportedAtOnceWithItsPlace() throws {
        let body = p("{{金额 | money}}") + p("{{金额 | number(\"x\")}}") + p("{{a..b}}") + p("{{#each 列表}}") + p("{{/if}}")
            + p("{{else}}") + p("{{#if x}}") + p("未闭合 {{名称")
        let problems = try templateProblems(body)
        let kinds = problems.map(\.kind)
        #expect(kinds.contains(.unknownFilter("money", tag: "{{金额 | money}}")))
        #expect(kinds.contains { if case .badFilterArguments(filter: "number", _, _) = $0 { true } else { false } })
        #expect(kinds.contains(.syntax(.badPath("a..b"), tag: "{{a..b}}")))
        #expect(kinds.contains(.mismatchedClose(expected: .each, found: .if)))
        #expect(kinds.contains(.elseOutsideBlock))
        #expect(kinds.contains(.unclosedBlock(.if)))
        #expect(kinds.contains { if case .syntax(.unclosed, _) = $0 { true } else { false } })
        let unknown = try #require(problems.first { $0.kind == .unknownFilter("money", tag: "{{金额 | money}}") })
        #expect(unknown.place.paragraph == 1)
        #expect(unknown.message(.zh).hasPrefix("word/document.xml 第 1 段「{{金额 | money}}」：标记 {{金额 | money}} 使用了未知的格式 money"))
        #expect(unknown.message(.en).contains("unknown filter money"))
    }

    @Test func blockFromOneCellIntoAnotherTableIsRefused() throws {
        let table = { (t: String) in "<w:tbl><w:tr><w:tc>\(p(t))</w:tc></w:tr></w:tbl>" }
        let problems = try templateProblems(table("{{#each a}}") + table("{{/each}}"))
        #expect(problems.map(\.kind) == [.blockAcrossCells])
        #expect(problems[0].place.table == 1 && problems[0].place.row == 1 && problems[0].place.cell == 1)
        let intoBody = try templateProblems(table("{{#if a}}") + p("{{/if}}"))
        #expect(intoBody.map(\.kind) == [.blockAcrossCells])
    }

    @Test func elseMustStandAloneInParagraphBlocks() throws {
        let problems = try templateProblems(p("{{#if a}}") + p("x {{else}} y") + p("{{/if}}"))
        #expect(problems.map(\.kind) == [.elseNotAlone])
    }

    @Test func dataProblemsAreAllReportedWithFieldAndPlace() throws {
        let body = p("{{名称}}") + p("{{金额 | rmb}}") + p("{{日期 | date}}") + p("{{控制}}") + p("{{对象}}")
            + p("{{#each 单个}}{{this}}{{/each}}") + p("{{可选 | default(\"无\")}}")
        let template = try DocxTemplate(package: try wordPackage(body: body))
        let data = Fixture.json(#"{"金额": "一百元", "日期": "2020-02-30", "控制": "a\u0001b", "对象": {"a": 1}, "单个": "x"}"#)
        do {
            _ = try template.render(data)
            Issue.record("rendered despite bad data")
        } catch {
            guard case .problems(let e) = error else { Issue.record("not the data's problems: \(error)"); return }
            #expect(e.problems.map(\.kind) == [
                .missingValue(path: "名称"),
                .wrongKind(path: "金额", filter: "rmb", value: "一百元", expected: .number),
                .wrongKind(path: "日期", filter: "date", value: "2020-02-30", expected: .date),
                .invalidCharacter(path: "控制", scalar: 1),
                .notText(path: "对象", kind: .object),
                .notAList(path: "单个", kind: .text),
            ])
            #expect(e.problems.allSatisfy { $0.isDataProblem })
            #expect(e.message(.zh).contains("word/document.xml 第 1 段「{{名称}}」：缺少字段 名称 的值"))
        }
    }

    @Test func optionalPathsFillEmpty() throws {
        let template = try DocxTemplate(package: try wordPackage(body: p("传真：{{乙方.传真}}")))
        let filled = try template.render(Fixture.json(#"{"乙方": {}}"#), options: RenderOptions(optionalPaths: ["乙方.传真"]))
        #expect(try paragraphs(filled) == ["传真："])
    }

    @Test func encodableValuesFillToo() throws {
        struct Case: Encodable { let 名称: String; let 金额: Decimal }
        let template = try DocxTemplate(package: try wordPackage(body: p("{{名称}} {{金额 | rmb}}")))
        let filled = try template.render(encoding: Case(名称: "示例", 金额: Decimal(string: "0.1")! + Decimal(string: "0.2")!))
        #expect(try paragraphs(filled) == ["示例 0.30"])
    }
}

@Suite struct BrokenTemplateTests {
    @Test func aTemplateWhoseBodyIsNotXMLIsRefused() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("lo-template.docx"))
        package.setPart("word/document.xml", bytes: Array("not xml at all".utf8))
        let broken = try OOXMLPackage(bytes: try package.serialized(), label: "broken.docx")
        let error = try #require(#expect(throws: TemplateError.self) { _ = try DocxTemplate(package: broken) })
        guard case .package(.xml(file: "broken.docx", _)) = error else { Issue.record("not the package's XML: \(error)"); return }
    }
}
