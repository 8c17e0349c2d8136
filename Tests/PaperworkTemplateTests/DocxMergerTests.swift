import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Synchronization
import Testing
@testable import PaperworkTemplate

/// The print file of a batch: every filled document joined into one, each on a new page, numbered from 1.
@Suite struct DocxMergerTests {
    static let names = ["北京甲公司", "北京乙公司有限责任公司", "北京丙公司"]

    /// The letter of Fixtures/make-merge-letter.py (python-docx), filled once per name.
    static func letters() throws -> [OOXMLPackage] {
        let template = try DocxTemplate(contentsOf: Fixture.path("merge-letter.docx"))
        return try names.enumerated().map { i, name in
            try template.render(.object(["企业名称": .string(name), "金额": .number(Decimal(100 * (i + 1)))]))
        }
    }

    static func body(_ package: OOXMLPackage) throws -> MarkupElement {
        try #require(package.xml(of: "word/document.xml").root.child("body"))
    }

    /// The body's own section breaks: the section properties of its paragraphs (not of a table cell's), then its own.
    static func sections(_ body: MarkupElement) -> [MarkupElement] {
        body.children("p").compactMap { $0.child("pPr")?.child("sectPr") } + body.children("sectPr")
    }

    @Test func eachLetterStartsOnANewPageNumberedFromOneInItsOwnFormat() throws {
        let letters = try Self.letters()
        let merged = try #require(try DocxMerger.merge(letters))
        let body = try Self.body(merged)
        let text = try paragraphs(merged)
        let starts = Self.names.compactMap { name in text.firstIndex(of: "致 \(name)：") }
        #expect(starts.count == 3 && starts == starts.sorted(), "every letter, in order: \(text)")
        #expect(text.filter { $0 == "此致" }.count == 3)

        let sections = Self.sections(body)
        #expect(sections.count == 3, "a break after each of the first two letters, and the body's own")
        #expect(body.elements.last?.localName == "sectPr")
        for section in sections {
            #expect(section.child("type")?.value("val") == "nextPage")
            #expect(section.child("pgNumType")?.value("start") == "1")
            #expect(section.child("pgNumType")?.value("fmt") == "chineseCounting", "the template's number format is kept")
            let order = section.elements.map { String($0.localName) }
            #expect(order.firstIndex(of: "type")! < order.firstIndex(of: "pgSz")!)
            #expect(order.firstIndex(of: "pgNumType")! < order.firstIndex(of: "cols")!)
            #expect(section.children("pgNumType").count == 1 && section.children("type").count == 1)
            #expect(section.child("footerReference") != nil)
        }
        let inCells = body.all("tc").flatMap { $0.all("sectPr") }
        #expect(inCells.count == 3 && inCells.allSatisfy { $0.elements.isEmpty }, "a table cell's paragraph keeps its own, untouched")
    }

    @Test func picturesFootersAndPageCountsStayRight() throws {
        let letters = try Self.letters()
        let merged = try #require(try DocxMerger.merge(letters))
        let body = try Self.body(merged)
        let pictures = body.all("blip").compactMap { $0.value("embed") }
        #expect(pictures.count == 3)
        let drawings = body.all("docPr").compactMap { $0.value("id") }
        let first = try Self.body(letters[0]).all("docPr").compactMap { $0.value("id") }
        #expect(drawings.count == 3 && Set(drawings).count == 3 && drawings.first == first.first, "ids of their own after the first letter's: \(drawings)")
        let relationships = try merged.relationships(of: "word/document.xml")
        for id in pictures {
            let target = try #require(relationships.first { $0.id == id }?.targetPart, "\(id) resolves")
            #expect(merged.contains(target) && merged.contentType(of: target) == "image/png")
        }
        let footer = try #require(try merged.related(to: "word/document.xml", kind: "footer").first)
        let xml = String(decoding: try merged.data(of: footer), as: UTF8.self)
        #expect(!xml.contains("NUMPAGES"))
        #expect(xml.components(separatedBy: "SECTIONPAGES").count == 3, "the complex field and the simple one")
        #expect(xml.contains(" PAGE "))
        let opened = try OOXMLPackage(bytes: try merged.serialized(), label: "merged.docx")
        #expect(try paragraphs(opened) == paragraphs(merged), "the joined body, deflated as it was written, reads back")
    }

    /// Clauses numbered by Word's automatic numbering are numbered 1, 2, 3 in every letter, not 4, 5, 6 in the second;
    /// the third clause, numbered by its style, is given the style's list in the later letters so that it starts again too.
    @Test func numberedListsStartAgainInEachLetter() throws {
        let merged = try #require(try DocxMerger.merge(try Self.letters()))
        let body = try Self.body(merged)
        let lists = body.all("numId").compactMap { $0.value("val") }
        #expect(lists == ["5", "5", "15", "15", "15", "25", "25", "25"], "list n of letter i is n + 10i: the numbering part's lists go up to 9")
        let styled = body.all("pPr").filter { $0.child("pStyle")?.value("val") == "ListNumber" }
        #expect(styled.count == 3 && styled[0].child("numPr") == nil, "the first letter's paragraph is left as it was")
        for properties in styled.dropFirst() {
            #expect(properties.elements.map { String($0.localName) } == ["pStyle", "numPr"])
            #expect(properties.child("numPr")?.child("ilvl")?.value("val") == "0")
        }
        let numbering = try merged.xml(of: "word/numbering.xml").root
        for id in ["15", "25"] {
            let list = try #require(numbering.children("num").first { $0.value("numId") == id })
            #expect(list.child("abstractNumId")?.value("val") == "7", "the same definition as list 5")
            let override = try #require(list.child("lvlOverride"))
            #expect(override.value("ilvl") == "0" && override.child("startOverride")?.value("val") == "1")
        }
        let names = numbering.elements.map { String($0.localName) }
        #expect(names.lastIndex(of: "abstractNum")! < names.firstIndex(of: "num")!, "lists after every definition, as the schema orders them")
        #expect(numbering.children("num").count == 9 + 2)
    }

    /// A style's list and level come from the style or the one it is based on; list 0 in a style numbers nothing.
    @Test func stylesGiveTheirListsThroughTheirBase() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        func style(_ id: String, basedOn: String? = nil, list: String? = nil, level: String? = nil) -> String {
            let numbering = list.map { "<w:pPr><w:numPr>" + (level.map { "<w:ilvl w:val=\"\($0)\"/>" } ?? "") + "<w:numId w:val=\"\($0)\"/></w:numPr></w:pPr>" } ?? ""
            return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\">" + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + numbering + "</w:style>"
        }
        let styles = "<w:styles \(w)>" + style("Normal") + style("条款", basedOn: "Normal", list: "3", level: "1") + style("子条款", basedOn: "条款")
            + style("不编号", basedOn: "条款", list: "0") + style("循环", basedOn: "循环") + "<w:style w:type=\"character\" w:styleId=\"字符\"/></w:styles>"
        var document = try wordPackage(body: "")
        document.setPart("word/styles.xml", bytes: Array(styles.utf8))
        let lists = try ListRestarts.styleLists(of: document, mainPart: "word/document.xml")
        #expect(lists.mapValues { "\($0.list)/\($0.level)" } == ["条款": "3/1", "子条款": "3/1"])
    }

    /// A list that already starts its levels somewhere keeps that; the other levels start at their definition's start.
    @Test func aRestartedListKeepsItsOwnStarts() throws {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let numbering = "<w:numbering \(w)><w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/></w:lvl>"
            + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"4\"/></w:lvl><w:lvl w:ilvl=\"2\"/></w:abstractNum>"
            + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"3\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"7\"/></w:lvlOverride>"
            + "<w:lvlOverride w:ilvl=\"2\"><w:lvl w:ilvl=\"2\"/></w:lvlOverride></w:num><w:numIdMacAtCleanup w:val=\"1\"/></w:numbering>"
        var document = try wordPackage(body: "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr></w:p>")
        document.setPart("word/numbering.xml", bytes: Array(numbering.utf8),
                         contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml")
        var rels = String(decoding: try document.data(of: "word/_rels/document.xml.rels"), as: UTF8.self)
        rels = rels.replacingOccurrences(of: "</Relationships>", with: "<Relationship Id=\"rIdN\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>")
        document.setPart("word/_rels/document.xml.rels", bytes: Array(rels.utf8))
        let merged = try #require(try DocxMerger.merge([document, document]))
        #expect(try Self.body(merged).all("numId").compactMap { $0.value("val") } == ["2", "5"])
        let root = try merged.xml(of: "word/numbering.xml").root
        let list = try #require(root.children("num").first { $0.value("numId") == "5" })
        let starts = list.children("lvlOverride").map { ($0.value("ilvl") ?? "", $0.child("startOverride")?.value("val") ?? "none", $0.child("lvl") != nil) }
        #expect(starts.map(\.0) == ["0", "2", "1"] && starts.map(\.1) == ["7", "0", "4"] && starts.map(\.2) == [false, true, false],
                "level 0 keeps its 7, level 2 keeps its own definition and starts at the default 0, level 1 starts at its 4: \(starts)")
        #expect(root.elements.last?.localName == "numIdMacAtCleanup")
        #expect(root.children("lvlOverride").isEmpty && list.child("lvlOverride")?.elements.first?.localName == "startOverride")
    }

    /// Documents handed over from several threads in any order give the same bytes as in order.
    @Test func documentsHandedOverInAnyOrderGiveTheSameFile() throws {
        let letters = try Self.letters()
        let inOrder = try #require(try DocxMerger.merge(letters)).serialized()
        let joiner = try DocxMerger.Joiner(count: letters.count)
        let failures = Mutex<[TemplateError]>([])
        DispatchQueue.concurrentPerform(iterations: letters.count) { k in
            let i = letters.count - 1 - k
            do throws(TemplateError) { try joiner.add(letters[i], at: i) } catch { failures.withLock { $0.append(error) } }
        }
        #expect(failures.withLock { $0.isEmpty })
        #expect(try joiner.finish()?.serialized() == inOrder)
        #expect(try joiner.finish()?.serialized() == inOrder, "finish again gives the same document")
    }

    @Test func aDocumentNeverHandedOverIsAnErrorAndNoneGivesNothing() throws {
        let letters = try Self.letters()
        let joiner = try DocxMerger.Joiner(count: 3)
        try joiner.add(letters[0], at: 0)
        try joiner.add(letters[2], at: 2)
        let error = #expect(throws: TemplateError.self) { try joiner.finish() }
        guard case .internal(let inner)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(inner.message(.zh).contains("第 2 份") && inner.message(.en).contains("document 2 of 3"))
        #expect(try DocxMerger.merge([]) == nil)

        let abandoned = try DocxMerger.Joiner(count: 3)
        try abandoned.add(letters[1], at: 1)
        abandoned.abandon()
        try abandoned.add(letters[0], at: 0)
        try abandoned.add(letters[2], at: 2)
        #expect(throws: TemplateError.self, "a document that will never come: no print file, even when the others came") { try abandoned.finish() }
    }

    /// Bodies as other producers write them: a text box and a table of paragraphs, section properties followed by
    /// other children, a namespace declared on the body, comments, no section properties, an empty body.
    @Test(arguments: [
        ("<w:body xmlns:x=\"urn:example\"><!-- a <w:p> in a comment --><x:mark/>" + p("甲") + "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr>\n <w:bookmarkEnd w:id=\"0\"/></w:body>",
         ["甲"], 1),
        ("<w:body>" + p("乙") + textBox("框内") + "<w:tbl><w:tr><w:tc>" + p("格一") + p("格二") + "</w:tc></w:tr></w:tbl>"
            + "<w:sectPr><w:type w:val=\"continuous\"/><w:pgNumType w:start=\"7\"></w:pgNumType></w:sectPr></w:body>",
         ["乙", "框内", "", "格一", "格二"], 0),
        ("<w:body>" + p("丙") + "</w:body>", ["丙"], 0),
        ("<w:body/>", [], 0),
    ] as [(String, [String], Int)])
    func bodiesOfOtherShapes(body: String, text: [String], marks: Int) throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
            xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">\(body)</w:document>
            """
        var document = try wordPackage(body: "")
        document.setPart("word/document.xml", bytes: Array(xml.utf8))
        let merged = try #require(try DocxMerger.merge([document, document, document]))
        let joined = try Self.body(merged)
        #expect(try paragraphs(merged).filter { !$0.isEmpty } == Array(repeating: text.filter { !$0.isEmpty }, count: 3).flatMap { $0 })
        #expect(joined.all("mark").count == 3 * marks, "an element of the body's own namespace, in every copy")
        #expect(joined.all("bookmarkEnd").count == 3 * marks, "what follows the section properties is kept")
        let sections = Self.sections(joined)
        #expect(sections.count == 3 && joined.elements.last?.localName == "sectPr")
        #expect(sections.allSatisfy { $0.child("type")?.value("val") == "nextPage" && $0.child("pgNumType")?.value("start") == "1" })
        #expect(joined.all("type").count == 3 && joined.all("pgNumType").count == 3)
    }

    /// A document of two sections (a portrait cover, then landscape pages numbered in Roman figures): its first
    /// section starts the new page numbered 1, its second keeps what it had.
    @Test func aDocumentOfSeveralSectionsRestartsAtItsFirst() throws {
        let cover = "<w:p><w:pPr><w:sectPr><w:type w:val=\"continuous\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:pPr></w:p>"
        let own = "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgNumType w:fmt=\"upperRoman\"/></w:sectPr>"
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(p("封面"))\(cover)\(p("正文"))\(own)</w:body></w:document>
            """
        var document = try wordPackage(body: "")
        document.setPart("word/document.xml", bytes: Array(xml.utf8))
        let joined = try Self.body(try #require(try DocxMerger.merge([document, document, document])))
        #expect(try paragraphs(try #require(try DocxMerger.merge([document, document]))).filter { !$0.isEmpty } == ["封面", "正文", "封面", "正文"])
        let sections = Self.sections(joined)
        #expect(sections.count == 6)
        for (i, section) in sections.enumerated() {
            if i % 2 == 0 {
                #expect(section.child("type")?.value("val") == "nextPage" && section.child("pgNumType")?.value("start") == "1", "\(i)")
                #expect(section.child("pgSz")?.value("orient") == nil)
            } else {
                #expect(section.child("type") == nil && section.child("pgNumType")?.value("start") == nil, "\(i)")
                #expect(section.child("pgSz")?.value("orient") == "landscape" && section.child("pgNumType")?.value("fmt") == "upperRoman")
            }
        }
    }

    /// The drawings of a header count too: a later letter's drawing never takes the id of one in the header.
    @Test func drawingIdsOfAPartAreFound() {
        #expect(WordBody.drawingIDs(in: Array(#"<w:hdr><w:p><wp:docPr id="7" name="x"/><wp:docPr name="y" id='12'></wp:docPr></w:p></w:hdr>"#.utf8)) == [7, 12])
    }

    @Test func sectionPropertiesRewrittenAsBytes() {
        func rewritten(_ xml: String) -> String {
            String(decoding: SectionBytes.restartingNumbers(Array(xml.utf8), 0..<xml.utf8.count), as: UTF8.self)
        }
        #expect(rewritten(#"<w:sectPr w:rsidR="1"><w:headerReference w:type="default" r:id="rId2"><!-- x --></w:headerReference><w:type w:val="continuous"/><w:pgSz w:w="1"/><w:pgNumType w:fmt="upperRoman" w:start='3' w:chapStyle="1"/><w:cols/></w:sectPr>"#)
                == #"<w:sectPr w:rsidR="1"><w:headerReference w:type="default" r:id="rId2"><!-- x --></w:headerReference><w:type w:val="nextPage"/><w:pgSz w:w="1"/><w:pgNumType w:fmt="upperRoman" w:chapStyle="1" w:start="1"/><w:cols/></w:sectPr>"#)
        #expect(rewritten("<w:sectPr />") == #"<w:sectPr ><w:type w:val="nextPage"/><w:pgNumType w:start="1"/></w:sectPr>"#)
        #expect(rewritten(#"<s:sectPr><s:docGrid s:linePitch="360"/></s:sectPr>"#)
                == #"<s:sectPr><s:type s:val="nextPage"/><s:pgNumType s:start="1"/><s:docGrid s:linePitch="360"/></s:sectPr>"#)
    }
}

/// A Word 2010 text box holding one paragraph, in a paragraph of its own.
private func textBox(_ text: String) -> String {
    "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>" + p(text)
        + "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>"
}
