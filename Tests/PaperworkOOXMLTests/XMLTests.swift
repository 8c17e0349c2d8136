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
            guard case .malformed(let part, let line, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(part == "word/document.xml")
            #expect(line == 3)
            #expect(error.message(.zh).contains("第 3 行"))
        }
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
