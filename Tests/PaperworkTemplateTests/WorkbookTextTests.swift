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
        let missing = try #require(thrownProblems { _ = try template.render(.object(["企业": .list([])])) })
        #expect(missing.problems.contains { $0.place.part == "xl/comments/comment1.xml" && $0.kind == .missingValue(path: "部门") })
    }

    /// A chart's plain strings: a series named by typing (`c:tx/c:v`, as Excel writes it) and an axis title taken from
    /// the heading cell above the loop, whose cached text (`c:strCache`, which LibreOffice shows) copies the cell's tags:
    /// both filled like the title's rich text. (Caches of ranges a loop moves or copies are dropped, as before.)
    @Test func plainStringsInAChartAreFilled() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("chart-text.xlsx"))
        var chart = String(decoding: try package.data(of: "xl/charts/chart1.xml"), as: UTF8.self)
        let series = "<tx><strRef><f>'清单'!B3</f></strRef></tx>"
        try #require(chart.contains(series) && chart.contains("<majorGridlines/>"))
        chart = chart.replacingOccurrences(of: series, with: "<tx><v>{{部门}}收入（元）</v></tx>")
        chart = chart.replacingOccurrences(of: "<majorGridlines/>", with: """
            <majorGridlines/><title><tx><strRef><f>'清单'!$A$1</f><strCache><ptCount val="1"/><pt idx="0"><v>{{部门}}企业收入</v></pt></strCache></strRef></tx><overlay val="0"/></title>
            """)
        package.setPart("xl/charts/chart1.xml", bytes: Array(chart.utf8))
        let template = try XlsxTemplate(package: try OOXMLPackage(bytes: try package.serialized(), label: "series.xlsx"))
        #expect(template.tags.filter { $0.place.part == "xl/charts/chart1.xml" }.map(\.source) == ["{{部门}}", "{{批次}}", "{{部门}}", "{{部门}}"])
        let filled = try template.render(Self.data)
        let root = try filled.xml(of: "xl/charts/chart1.xml").root
        #expect(root.all("v").map(\.textContent) == ["区商务局收入（元）", "区商务局企业收入"])
        #expect(root.all("v").allSatisfy { $0.value("space") == nil }, "no xml:space on c:v, which the chart schema does not allow")
        #expect(try cells(filled)["A1"] == .text("区商务局企业收入"), "the cell the axis title reads says the same")
        let missing = try #require(thrownProblems { _ = try template.render(.object(["企业": .list([]), "批次": .number(1), "填报人": .string("周明")])) })
        #expect(missing.problems.filter { $0.place.part == "xl/charts/chart1.xml" }.map(\.kind) == Array(repeating: .missingValue(path: "部门"), count: 3),
                "the title, the series name and the axis title each name their place")
    }

    /// `comment-loop.xlsx` (openpyxl, `make-charts.py`): a comment on the loop row itself. With items it stays on the
    /// first copy; with none its cell is gone, so the comment and its shape go too — left, it would sit on the sign-off's
    /// row beside the sign-off's own comment.
    @Test func aCommentOnAnEmptyLoopRowGoesWithTheRow() throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("comment-loop.xlsx"))
        let full = try template.render(Self.data)
        #expect(try full.xml(of: "xl/comments/comment1.xml").root.all("comment").map { $0.value("ref") } == ["A3", "B4", "A8"])
        var empty = Self.data
        empty[FieldKey("企业")] = .list([])
        let filled = try template.render(empty)
        let comments = try filled.xml(of: "xl/comments/comment1.xml").root.all("comment")
        #expect(comments.map { $0.value("ref") } == ["A3", "A5"] && comments.map(\.textContent) == ["请区商务局核对企业名称", "批次 2"])
        let shapes = String(decoding: try filled.data(of: "xl/drawings/commentsDrawing1.vml"), as: UTF8.self)
        #expect(shapes.components(separatedBy: ":ClientData ").count - 1 == 2, "\(shapes)")
        #expect(shapes.contains("<ns2:Row>2</ns2:Row>") && shapes.contains("<ns2:Row>4</ns2:Row>") && !shapes.contains("<ns2:Row>3</ns2:Row>"))
        #expect(try cells(filled)["A5"] == .text("制表：周明"))
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
