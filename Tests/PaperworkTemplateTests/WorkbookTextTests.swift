import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

/// Tags in a workbook's text outside its cells: chart titles, cell comments and threaded comments.
@Suite struct WorkbookTextTests {
    static let data = TemplateValue.object(["部门": .string("区商务局"), "批次": .number(2), "填报人": .string("周明"), "企业": .list((1...3).map {
        .object(["名称": .string("企业\($0)"), "收入": .number(Decimal($0 * 1000))])
    })])

    /// `chart-text.xlsx` (openpyxl, `make-charts.py`): a chart titled with tags beside the list, comments with
    /// tags on the heading (above the loop) and on the sign-off (below it).
    @Test func chartTitlesAndCommentsAreFilledAndCommentsFollowTheirCells() throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("chart-text.xlsx"))
        let parts = template.tags.map(\.place.part)
        #expect(parts.contains("xl/charts/chart1.xml") && parts.contains("xl/comments/comment1.xml"), "\(parts)")
        #expect(template.names.isSuperset(of: ["部门", "批次", "填报人", "企业"]))
        #expect(template.warnings.isEmpty)
        let filled = try template.render(Self.data)
        #expect(try filled.xml(of: "xl/charts/chart1.xml").root.all("t").map(\.textContent).joined() == "区商务局企业收入（第 2 批）")
        let comments = try filled.xml(of: "xl/comments/comment1.xml").root.all("comment")
        #expect(comments.map { $0.value("ref") } == ["A3", "A8"], "the sign-off's comment moves down with it, two rows")
        #expect(comments.map(\.textContent) == ["请区商务局核对企业名称", "批次 2"])
        let shapes = String(decoding: try filled.data(of: "xl/drawings/commentsDrawing1.vml"), as: UTF8.self)
        #expect(shapes.contains("<ns2:Row>2</ns2:Row>") && shapes.contains("<ns2:Row>7</ns2:Row>") && !shapes.contains("<ns2:Row>5</ns2:Row>"))
        #expect(try cells(filled)["A8"] == .text("制表：周明"))
        let missing = try #require(throws: TemplateProblems.self) { try template.render(.object(["企业": .list([])])) }
        #expect(missing.problems.contains { $0.place.part == "xl/comments/comment1.xml" && $0.kind == .missingValue(path: "部门") })
    }

    @Test func threadedCommentsAndTheTitleAreFilledAndOtherPartsWarned() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("chart-text.xlsx"))
        package.setPart("xl/threadedComments/threadedComment1.xml", bytes: Array("""
            <ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A6" dT="2020-05-14T08:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>由{{填报人}}复核</text></threadedComment></ThreadedComments>
            """.utf8), contentType: "application/vnd.ms-excel.threadedcomments+xml")
        var rels = String(decoding: try package.data(of: "xl/worksheets/_rels/sheet1.xml.rels"), as: UTF8.self)
        rels = rels.replacingOccurrences(of: "</Relationships>", with: #"<Relationship Id="rIdThreaded" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>"#)
        package.setPart("xl/worksheets/_rels/sheet1.xml.rels", bytes: Array(rels.utf8))
        var core = String(decoding: try package.data(of: "docProps/core.xml"), as: UTF8.self)
        core = core.replacingOccurrences(of: "</cp:coreProperties>", with: "<dc:title>{{部门}}企业名单</dc:title></cp:coreProperties>")
        package.setPart("docProps/core.xml", bytes: Array(core.utf8))
        package.setPart("xl/diagrams/data1.xml", bytes: Array(#"<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>{{部门}}</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>"#.utf8),
                        contentType: "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml")
        let template = try XlsxTemplate(package: try OOXMLPackage(bytes: try package.serialized(), label: "threaded.xlsx"))
        #expect(template.warnings.map(\.kind) == [.partNotFilled])
        #expect(template.warnings.first?.place.part == "xl/diagrams/data1.xml")
        let filled = try template.render(Self.data)
        let threaded = try filled.xml(of: "xl/threadedComments/threadedComment1.xml").root.all("threadedComment")
        #expect(threaded.map(\.textContent) == ["由周明复核"] && threaded.first?.value("ref") == "A8")
        #expect(try filled.xml(of: "docProps/core.xml").root.all("title").first?.textContent == "区商务局企业名单")
    }
}
