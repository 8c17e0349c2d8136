import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

@Suite struct DocxLayoutTests {
    static let loan = Fixture.json("""
        {"乙方": {"名称": "北京密云示例科技有限公司"}, "备注": "按期还本付息", "银行": "北京农商银行密云支行", "再贷款": true,
         "合计": 3000.5, "付息记录": [{"日期": "2020-06-21", "金额": 1000.25}, {"日期": "2020-09-21", "金额": 2000.25}]}
        """)

    @Test func pythonDocxTemplateFillsParagraphAndRowLoops() throws {
        let filled = try DocxTemplate(contentsOf: Fixture.path("python-docx.docx")).render(Self.loan)
        let text = try paragraphs(filled)
        #expect(text[0] == "项目：北京密云示例科技有限公司（宋体）按期还本付息")
        #expect(Array(text[1...2]) == ["第1笔：2020年6月21日 付息 1,000.25 元", "第2笔：2020年9月21日 付息 2,000.25 元"])
        #expect(!text.contains("无付息记录"))
        let start = try #require(text.firstIndex(of: "金额"))
        #expect(Array(text[(start + 1)...(start + 9)]) == [
            "付息", "2020年6月21日", "1,000.25", "付息", "2020年9月21日", "2,000.25", "合计", "", "3,000.50",
        ])
        #expect(text.contains("使用再贷款额度 ☑"))
        #expect(try paragraphs(filled, "word/header1.xml").contains("申请单位：北京密云示例科技有限公司"))
        #expect(!text.joined().contains("{{"))
    }

    @Test func eastAsianFontOfTheTagRunIsKept() throws {
        let filled = try DocxTemplate(contentsOf: Fixture.path("python-docx.docx")).render(Self.loan)
        let run = try #require(try filled.xml(of: "word/document.xml").root.all("r").first { $0.textContent == "（宋体）按期还本付息" })
        #expect(run.child("rPr")?.child("rFonts")?.value("eastAsia") == "SimSun")
    }

    @Test func emptyListShowsElseAndRemovesRows() throws {
        var data = Self.loan
        if case .object(var o) = data { o["付息记录"] = .list([]); data = .object(o) }
        let text = try paragraphs(try DocxTemplate(contentsOf: Fixture.path("python-docx.docx")).render(data))
        #expect(text.contains("无付息记录"))
        let start = try #require(text.firstIndex(of: "金额"))
        #expect(text[start + 1] == "合计")
        #expect(!text.contains("付息"))
    }

    @Test func verticalMergeSpansEveryProducedRow() throws {
        let filled = try DocxTemplate(contentsOf: Fixture.path("python-docx.docx")).render(Self.loan)
        let body = try filled.xml(of: "word/document.xml").root.elements[0]
        let table = body.elements.filter { $0.localName == "tbl" }[1]
        let rows = table.elements.filter { $0.localName == "tr" }
        #expect(rows.count == 3)
        let merges = rows.map { row in
            row.elements.first { $0.localName == "tc" }?.elements.first { $0.localName == "tcPr" }?
                .elements.first { $0.localName == "vMerge" }.map { $0[attribute: "w:val"] ?? "continue" }
        }
        #expect(merges == ["restart", "continue", nil])
    }

    @Test func wordStyleSplitsProofingRevisionsBookmarksSmartTags() throws {
        let data = Fixture.json(#"{"甲方": {"名称": "密云区国资公司", "地址": "密云区鼓楼东大街1号", "联系人": "王某"}, "乙方": {"名称": "某公司"}}"#)
        let filled = try DocxTemplate(contentsOf: Fixture.path("word-style.docx")).render(data)
        let text = try paragraphs(filled)
        #expect(text == ["甲方：密云区国资公司 签章", "地址：密云区鼓楼东大街1号", "联系人：王某", "字面量：{{不是标记}}"])
        let document = try filled.xml(of: "word/document.xml").root
        #expect(document.all("bookmarkStart").contains { $0.value("id") == "0" && $0.value("name") == "_GoBack" })
        #expect(document.all("proofErr").contains { $0.value("type") == "spellStart" })
    }

    @Test func lineBreaksTabsAndMarkupInValues() throws {
        let package = try wordPackage(body: p("{{地址}}|{{名称}}"))
        let data = Fixture.json(#"{"地址": "  北京市\n密云区\t鼓楼 ", "名称": "<A&B> \"公司\""}"#)
        let filled = try DocxTemplate(package: package).render(data)
        #expect(try paragraphs(filled) == ["  北京市\n密云区\t鼓楼 |<A&B> \"公司\""])
        let runs = try filled.xml(of: "word/document.xml").root.all("r")
        #expect(runs.count == 1)
        let pieces = runs.flatMap { $0.elements.filter { $0.localName != "rPr" } }
        #expect(pieces.map { $0.localName == "t" ? $0.textContent : "<\($0.localName)>" }
                == ["  北京市", "<br>", "密云区", "<tab>", "鼓楼 |<A&B> \"公司\""])
        let spaced = pieces.filter { $0.localName == "t" && ($0.textContent.first == " " || $0.textContent.last == " ") }
        #expect(spaced.map(\.textContent) == ["  北京市"])
        #expect(spaced.allSatisfy { $0.value("space") == "preserve" }, "white space at either end is kept")
    }

    @Test func nestedLoopsResolveNamesOutward() throws {
        let package = try wordPackage(body: p("{{#each 部门}}{{名称}}:{{#each 企业}}[{{@number}}{{this}}@{{名称}}]{{/each}};{{/each}}"))
        let data = Fixture.json(#"{"部门": [{"名称": "科委", "企业": ["甲", "乙"]}, {"名称": "商务局", "企业": []}]}"#)
        #expect(try paragraphs(try DocxTemplate(package: package).render(data)) == ["科委:[1甲@科委][2乙@科委];商务局:;"])
    }

    @Test func conditionsRemoveParagraphsWithoutLeavingBlankLines() throws {
        let package = try wordPackage(body: p("前") + p("{{#unless 隐藏}}") + p("中{{x}}") + p("{{/unless}}") + p("后"))
        let shown = try DocxTemplate(package: package).render(Fixture.json(#"{"隐藏": 0, "x": 1}"#))
        #expect(try paragraphs(shown) == ["前", "中1", "后"])
        let hidden = try DocxTemplate(package: package).render(Fixture.json(#"{"隐藏": "是"}"#))
        #expect(try paragraphs(hidden) == ["前", "后"])
    }

    @Test func aTableWhoseOnlyRowsVanishIsLeftOutAndCellsKeepAParagraph() throws {
        let row = "<w:tr><w:tc>" + p("{{#each xs}}") + "</w:tc><w:tc>" + p("{{this}}{{/each}}") + "</w:tc></w:tr>"
        let cell = "<w:tr><w:tc>" + p("{{#if y}}") + p("y") + p("{{/if}}") + "</w:tc></w:tr>"
        let package = try wordPackage(body: "<w:tbl>\(row)</w:tbl>" + p("中") + "<w:tbl>\(cell)</w:tbl>")
        let filled = try DocxTemplate(package: package).render(Fixture.json(#"{"xs": [], "y": false}"#))
        let body = try #require(try filled.xml(of: "word/document.xml").root.child("body"))
        #expect(body.elements.map(\.localName) == ["p", "tbl", "sectPr"], "the first table is gone, the paragraph and the second stay")
        let cells = body.child("tbl")?.all("tc") ?? []
        #expect(cells.count == 1)
        #expect(cells.first?.elements.map(\.localName) == ["p"] && cells.first?.child("p")?.elements.isEmpty == true,
                "the emptied cell keeps one empty paragraph, as Word requires")
    }
}

@Suite struct DocxRowConditionTests {
    @Test func aConditionAcrossCellsRemovesOrKeepsItsRow() throws {
        let row = "<w:tr><w:tc>" + p("{{#if 显示}}甲") + "</w:tc><w:tc>" + p("乙{{/if}}") + "</w:tc></w:tr>"
        let keep = "<w:tr><w:tc>" + p("保留") + "</w:tc><w:tc>" + p("行") + "</w:tc></w:tr>"
        let package = try wordPackage(body: "<w:tbl>\(keep)\(row)</w:tbl>")
        let template = try DocxTemplate(package: package)
        #expect(try paragraphs(try template.render(Fixture.json(#"{"显示": true}"#))) == ["保留", "行", "甲", "乙"])
        #expect(try paragraphs(try template.render(Fixture.json(#"{"显示": false}"#))) == ["保留", "行"])
    }

    @Test func endnotesAreFilledToo() throws {
        var package = try wordPackage(body: p("正文"))
        package.setPart("word/endnotes.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:endnote w:id="1"><w:p><w:r><w:t>尾注：{{依据}}</w:t></w:r></w:p></w:endnote></w:endnotes>
            """.utf8), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml")
        var rels = try package.xml(of: "word/_rels/document.xml.rels")
        rels.root.children.append(.element(MarkupElement("Relationship", attributes: [
            MarkupAttribute("Id", "rIdEnd"), MarkupAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"),
            MarkupAttribute("Target", "endnotes.xml")])))
        package.setPart("word/_rels/document.xml.rels", xml: rels)
        let filled = try DocxTemplate(package: package).render(Fixture.json(#"{"依据": "密政发〔2020〕25号"}"#))
        #expect(try paragraphs(filled, "word/endnotes.xml") == ["尾注：密政发〔2020〕25号"])
    }
}
