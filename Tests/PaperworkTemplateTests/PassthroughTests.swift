import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// Adds a part related to the main document, with its content type.
func adding(_ package: OOXMLPackage, part: String, type: String, contentType: String, xml: String) throws -> OOXMLPackage {
    var out = package
    out.setPart(part, bytes: Array(xml.utf8), contentType: contentType)
    var rels = try out.xml(of: "word/_rels/document.xml.rels")
    let target = String(part.dropFirst("word/".count))
    rels.root.children.append(.element(MarkupElement("Relationship", attributes: [
        MarkupAttribute("Id", "rIdTest\(rels.root.children.count)"), MarkupAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + type),
        MarkupAttribute("Target", target),
    ])))
    out.setPart("word/_rels/document.xml.rels", xml: rels)
    return try OOXMLPackage(bytes: try out.serialized(), label: "test.docx")
}

/// Nothing passes through silently: other engines' syntax is an error with this language's equivalent;
/// parts the engine does not fill are warnings; comments and chart titles are filled.
@Suite struct PassthroughTests {
    static func problems(_ body: String) throws -> [TemplateProblem] {
        do {
            _ = try DocxTemplate(package: try wordPackage(body: body))
            return []
        } catch {
            guard let e = foundProblems(in: error) else { throw error }
            return e.problems
        }
    }

    @Test(arguments: [
        ("{%tr for m in months %}", "Jinja", "{{#each months}}（循环内直接写 {{字段}}，不写 m.字段）"),
        ("{% if 再贷款 %}", "Jinja", "{{#if 再贷款}}"),
        ("{% endfor %}", "Jinja", "{{/each}}"),
        ("{{?segments}}", "poi-tl", "{{#if segments}} … {{/if}} 或 {{#each segments}} … {{/each}}"),
        ("{{*items}}", "poi-tl", "{{#each items}} … {{/each}}"),
        ("{{^退款}}", "Mustache", "{{#unless 退款}} … {{/unless}}"),
        ("{{&amp;名称}}", "Mustache", "{{名称}}"),
    ])
    func foreignSyntaxIsAnErrorWithItsEquivalent(text: String, engine: String, equivalent: String) throws {
        let found = try Self.problems(p("前文 " + text + " 后文"))
        #expect(found.count == 1)
        guard case .syntax(.foreign(let e, let eq), _)? = found.first?.kind else { Issue.record("\(found)"); return }
        #expect(e == engine)
        #expect(eq == equivalent)
        #expect(found[0].message(.zh).contains("这是 \(engine) 的写法"))
    }

    @Test(arguments: ["{{+segment}}", "{{@logo}}", "{{>header}}"])
    func constructsWithoutAnEquivalentAreErrorsToo(text: String) throws {
        let found = try Self.problems(p(text))
        guard case .syntax(.foreign(_, nil), _)? = found.first?.kind else { Issue.record("\(found)"); return }
        #expect(found[0].message(.en).contains("does not support"))
    }

    @Test func loopCountersStillParse() throws {
        #expect(try Self.problems(p("{{#each 附件}}{{@number}}. {{this}}{{/each}}")).isEmpty)
    }

    @Test func anItemPrefixInsideALoopSuggestsThePlainName() throws {
        let template = try DocxTemplate(package: try wordPackage(body: p("{{#each items}}{{ item.时间 }}；{{/each}}")))
        let error = try #require(thrownProblems {
            _ = try template.render(Fixture.json(#"{"items": [{"时间": "3月"}, {"时间": "4月"}]}"#))
        })
        #expect(error.problems.map(\.kind) == [.loopItemPrefix(path: "item.时间", suggestion: "{{时间}}")])
        #expect(error.problems[0].message(.zh).contains("在 {{#each}} 循环内直接写 {{时间}}"))
    }

    @Test func anInlineLoopTakesASeparator() throws {
        let template = try DocxTemplate(package: try wordPackage(body: p(#"月份：{{#each nums sep="、"}}{{this}}{{/each}}。"#)))
        #expect(try paragraphs(try template.render(Fixture.json(#"{"nums": [15, 3, 12]}"#))) == ["月份：15、3、12。"])
        let found = try Self.problems(p(#"{{#each nums sep="、"}}"#) + p("{{this}}") + p("{{/each}}"))
        #expect(found.map(\.kind) == [.separatorNotInline])
    }

    @Test func commentsAndChartTitlesAreFilled() throws {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        var package = try wordPackage(body: p("正文 {{名称}}"))
        package = try adding(package, part: "word/comments.xml", type: "comments",
                             contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                             xml: #"<w:comments xmlns:w="\#(w)"><w:comment w:id="0" w:author="a"><w:p><w:r><w:t>请核对{{名称}}</w:t></w:r></w:p></w:comment></w:comments>"#)
        package = try adding(package, part: "word/charts/chart1.xml", type: "chart",
                             contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                             xml: """
                                <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
                                <c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{{名称}}</a:t></a:r><a:r><a:t>月度减免</a:t></a:r></a:p></c:rich></c:tx></c:title></c:chart></c:chartSpace>
                                """)
        let template = try DocxTemplate(package: package)
        #expect(template.tags.map(\.place.part) == ["word/document.xml", "word/comments.xml", "word/charts/chart1.xml"])
        let filled = try template.render(Fixture.json(#"{"名称": "示例公司"}"#))
        #expect(try paragraphs(filled, "word/comments.xml") == ["请核对示例公司"])
        #expect(try filled.xml(of: "word/charts/chart1.xml").root.textContent == "示例公司月度减免")
    }

    @Test func tagsInAPartLeftAsItIsAreAWarning() throws {
        var package = try wordPackage(body: p("{{名称}}"))
        package = try adding(package, part: "word/diagrams/data1.xml", type: "diagramData",
                             contentType: "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml",
                             xml: #"<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>{{部门}}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"#)
        let template = try DocxTemplate(package: package)
        #expect(template.warnings.map(\.kind) == [.partNotFilled])
        #expect(template.warnings.first?.place.part == "word/diagrams/data1.xml")
        #expect(template.warnings.first?.message(.zh).contains("SmartArt") == true)
    }
}
