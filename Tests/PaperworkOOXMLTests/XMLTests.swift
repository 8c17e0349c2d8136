import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct XMLTests {
    let sample = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="urn:r"><w:body><w:p><w:r><w:t xml:space="preserve"> 甲方 &amp; 乙方 </w:t></w:r><!-- note --></w:p></w:body></w:document>
        """

    @Test func roundTripKeepsPrefixesSpacesAndDeclaration() throws {
        let doc = try XMLParser.parse(Array(sample.utf8), part: "word/document.xml")
        #expect(doc.root.name == "w:document")
        #expect(doc.root[attribute: "xmlns:r"] == "urn:r")
        let text = String(decoding: XMLSerializer.serialize(doc), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document "))
        #expect(text.contains("<w:t xml:space=\"preserve\"> 甲方 &amp; 乙方 </w:t>"))
        #expect(text.contains("<!-- note -->"))
        #expect(try XMLParser.parse(Array(text.utf8), part: "x") == doc)
    }

    @Test func malformedXMLNamesPartAndLine() {
        let bad = "<a>\n<b>\n</a>"
        #expect(throws: XMLError.self) { try XMLParser.parse(Array(bad.utf8), part: "word/document.xml") }
        do {
            _ = try XMLParser.parse(Array(bad.utf8), part: "word/document.xml")
        } catch {
            guard case .malformed(let part, let line, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(part == "word/document.xml")
            #expect(line == 3)
            #expect(error.message(.zh).contains("第 3 行"))
        }
    }

    @Test func doctypeIsRefusedBeforeParsing() {
        let bomb = "<?xml version=\"1.0\"?><!-- x --><!DOCTYPE a [<!ENTITY a \"aaaa\">]><a>&a;</a>"
        #expect(throws: XMLError.doctype(part: "p")) { try XMLParser.parse(Array(bomb.utf8), part: "p") }
        #expect(!XMLParser.declaresDoctype(Array("<a>&lt;!DOCTYPE</a>".utf8)))
    }

    @Test func attributesAndControlsAreEscaped() {
        var out: [UInt8] = []
        XMLSerializer.appendEscapedAttribute("a\"<&>\n", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&quot;&lt;&amp;&gt;&#10;")
        #expect(XMLSerializer.firstInvalidScalar(in: "ok\u{1}") == "\u{1}")
        #expect(XMLSerializer.firstInvalidScalar(in: "tab\tand 𠀀") == nil)
    }
}
