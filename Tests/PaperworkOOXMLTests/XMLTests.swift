import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct XMLTests {
    let sample = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="urn:r"><w:body><w:p><w:r><w:t xml:space="preserve"> 甲方 &amp; 乙方 </w:t></w:r><!-- note --></w:p></w:body></w:document>
        """

    @Test func roundTripKeepsPrefixesSpacesAndDeclaration() throws {
        let doc = try MarkupParser.parse(Array(sample.utf8), part: "word/document.xml")
        #expect(doc.root.name == "w:document")
        #expect(doc.root[attribute: "xmlns:r"] == "urn:r")
        let text = String(decoding: MarkupSerializer.serialize(doc), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document "))
        #expect(text.contains("<w:t xml:space=\"preserve\"> 甲方 &amp; 乙方 </w:t>"))
        #expect(text.contains("<!-- note -->"))
        #expect(try MarkupParser.parse(Array(text.utf8), part: "x") == doc)
    }

    @Test func malformedXMLNamesPartAndLine() {
        let bad = "<a>\n<b>\n</a>"
        #expect(throws: XMLError.self) { try MarkupParser.parse(Array(bad.utf8), part: "word/document.xml") }
        do {
            _ = try MarkupParser.parse(Array(bad.utf8), part: "word/document.xml")
        } catch {
            guard case .malformed(let part, let line, let column, let cause) = error else { Issue.record("wrong error \(error)"); return }
            #expect(part == "word/document.xml")
            #expect(line == 3)
            #expect(column > 0)
            #expect(cause == .mismatchedEndTag)
            #expect(error.message(.zh) == "部件 word/document.xml 第 3 行第 \(column) 列：XML 格式错误（结束标签与开始标签不匹配）")
            #expect(error.message(.en) == "part word/document.xml, line 3, column \(column): malformed XML (an end tag that does not match its start tag)")
        }
    }

    /// libxml2's error code becomes a cause of our own, whichever of its readers met it; its English text is never shown.
    @Test(arguments: [("<a>&amp</a>", XMLCause.badReference), ("<a>&x;</a>", .badReference), ("<a>&</a>", .nameMissing), ("<a x=1/>", .badAttributeValue), ("<a x='<'/>", .lessThanInAttribute),
                      ("<a x='1' x='2'/>", .repeatedAttribute), ("<a></a><b/>", .contentAfterRoot), ("<a>\u{1}</a>", .invalidCharacter),
                      ("<a><b>", .unclosedElement), ("<a><!-- x </a>", .unclosedComment), ("<a></b>", .mismatchedEndTag)])
    func libxmlCodesBecomeCauses(xml: String, expected: XMLCause) throws {
        let error = #expect(throws: XMLError.self) { try MarkupParser.parse(Array(xml.utf8), part: "p.xml") }
        guard case .malformed(_, let line, let column, let cause)? = error else { Issue.record("\(xml): \(String(describing: error))"); return }
        #expect(cause == expected, "\(xml)")
        #expect(line == 1 && column > 0, "\(xml)")
        for language in Language.allCases {
            let message = try #require(error).message(language)
            #expect(!message.contains("mismatch") && !message.contains("parsing") && !message.contains("Premature"), "\(message)")
        }
    }

    /// The streaming reader (used for long parts) gives the same causes as the tree reader.
    @Test(arguments: [("<r><a>&amp</a></r>", XMLCause.badReference), ("<r><a x='<'/></r>", .lessThanInAttribute),
                      ("<r>\n<a x='1' x='2'/></r>", .repeatedAttribute), ("<r><a>\u{1}</a></r>", .invalidCharacter), ("<r><a></b></r>", .mismatchedEndTag)])
    func theStreamingReaderGivesCausesToo(xml: String, expected: XMLCause) throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        package.setPart("word/document.xml", bytes: Array(xml.utf8))
        let broken = try OOXMLPackage(bytes: try package.serialized(), label: "broken.docx")
        let error = #expect(throws: PackageError.self) { try MarkupParser.forEachChild(ofPart: "word/document.xml", in: broken) { _ in } }
        guard case .xml("broken.docx", .malformed(_, let line, _, let cause))? = error else { Issue.record("\(xml): \(String(describing: error))"); return }
        #expect(cause == expected, "\(xml)")
        #expect(line == (xml.contains("\n") ? 2 : 1), "\(xml)")
    }

    @Test func doctypeIsRefusedBeforeParsing() {
        let bomb = "<?xml version=\"1.0\"?><!-- x --><!DOCTYPE a [<!ENTITY a \"aaaa\">]><a>&a;</a>"
        #expect(throws: XMLError.doctype(part: "p")) { try MarkupParser.parse(Array(bomb.utf8), part: "p") }
        #expect(!MarkupParser.declaresDoctype(Array("<a>&lt;!DOCTYPE</a>".utf8)))
    }

    @Test func attributesAndControlsAreEscaped() {
        var out: [UInt8] = []
        MarkupSerializer.appendEscapedAttribute("a\"<&>\n", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&quot;&lt;&amp;&gt;&#10;")
        #expect(MarkupSerializer.firstInvalidScalar(in: "ok\u{1}") == "\u{1}")
        #expect(MarkupSerializer.firstInvalidScalar(in: "tab\tand 𠀀") == nil)
        #expect(MarkupSerializer.firstInvalidScalar(in: "末尾\u{FFFE}") == "\u{FFFE}")
        #expect(MarkupSerializer.firstInvalidScalar(in: "全角＝\u{FFFF}") == "\u{FFFF}")
        var text: [UInt8] = []
        MarkupSerializer.appendEscapedText("企业 & <名称>\r", into: &text)
        #expect(String(decoding: text, as: UTF8.self) == "企业 &amp; &lt;名称&gt;&#13;")
    }

    /// White space at either end is found from the end bytes where they settle it; every white-space
    /// character, and every character ending in the same bytes, is checked against Unicode's property.
    @Test func whiteSpaceAtTheEndsMatchesUnicode() {
        let scalars = (0...0x3100).compactMap(Unicode.Scalar.init) + ["中", "密", "＝", "𠀀"]
        for c in scalars {
            let space = c.properties.isWhitespace
            for text in ["\(c)", "a\(c)", "\(c)a", "中\(c)", "\(c)中"] {
                let expected = space && (text.unicodeScalars.first == c || text.unicodeScalars.last == c)
                #expect(text.hasWhiteSpaceAtEnds == expected, "U+\(String(c.value, radix: 16)) in \(text.debugDescription)")
            }
            if space { #expect("\(c)企业\(c)".trimmed == "企业") }
        }
        #expect(" \u{3000}".trimmed == "")
        #expect("".trimmed == "" && !"".hasWhiteSpaceAtEnds)
    }
}
