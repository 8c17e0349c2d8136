import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// Joined dates and numbers with units go into runs of East Asian language en-US, each a copy of its run's properties.
@Suite struct JoinedRunLanguageTests {
    let ns = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
    let end = "</w:body></w:document>"

    /// The body as it comes out of joining and of the language pass, joiners shown as `|`.
    func filled(_ body: String) -> String {
        let bytes = JoinedRunLanguage.apply(to: NumberJoins.apply(to: Array((ns + body + end).utf8)))
        let xml = String(decoding: bytes, as: UTF8.self)
        return String(xml.dropFirst(ns.count).dropLast(end.count)).replacingOccurrences(of: "\u{2060}", with: "|")
    }

    @Test func aDateInsideARunGetsARunOfItsOwn() {
        let rPr = #"<w:rPr><w:rFonts w:eastAsia="仿宋"/><w:b/><w:sz w:val="32"/></w:rPr>"#
        let lang = #"<w:rPr><w:rFonts w:eastAsia="仿宋"/><w:b/><w:sz w:val="32"/><w:lang w:eastAsia="en-US"/></w:rPr>"#
        #expect(filled(#"<w:p><w:r w:rsidR="1">\#(rPr)<w:t>签订于2020年3月14日，租期2年</w:t></w:r></w:p>"#) ==
            #"<w:p><w:r w:rsidR="1">\#(rPr)<w:t xml:space="preserve">签订于</w:t></w:r>"#
            + #"<w:r w:rsidR="1">\#(lang)<w:t xml:space="preserve">2020|年|3|月|14|日</w:t></w:r>"#
            + #"<w:r w:rsidR="1">\#(rPr)<w:t xml:space="preserve">，租期</w:t></w:r>"#
            + #"<w:r w:rsidR="1">\#(lang)<w:t xml:space="preserve">2|年</w:t></w:r></w:p>"#)
    }

    @Test func aRunWithoutPropertiesGetsThem() {
        #expect(filled("<w:p><w:r><w:t>〔2020〕</w:t></w:r></w:p>") ==
            #"<w:p><w:r><w:rPr><w:lang w:eastAsia="en-US"/></w:rPr><w:t>〔|2020|〕</w:t></w:r></w:p>"#)
    }

    /// An existing `w:lang` keeps `w:val` and `w:bidi`; a new one stands before what ECMA-376 puts after it.
    @Test(arguments: [
        (#"<w:rPr><w:sz w:val="28"/><w:lang w:val="en-GB" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>"#,
         #"<w:rPr><w:sz w:val="28"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>"#),
        (#"<w:rPr><w:lang w:val="zh-CN"/></w:rPr>"#, #"<w:rPr><w:lang w:val="zh-CN" w:eastAsia="en-US"/></w:rPr>"#),
        (#"<w:rPr><w:kern w:val="2"/><w:eastAsianLayout w:id="1"/></w:rPr>"#,
         #"<w:rPr><w:kern w:val="2"/><w:lang w:eastAsia="en-US"/><w:eastAsianLayout w:id="1"/></w:rPr>"#),
        (#"<w:rPr><w:w w:val="90"/><w14:ligatures w14:val="0"/></w:rPr>"#,
         #"<w:rPr><w:w w:val="90"/><w:lang w:eastAsia="en-US"/><w14:ligatures w14:val="0"/></w:rPr>"#),
        (#"<w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr><w:lang w:val="zh-CN"/></w:rPr></w:rPrChange></w:rPr>"#,
         #"<w:rPr><w:b/><w:lang w:eastAsia="en-US"/><w:rPrChange w:id="3"><w:rPr><w:lang w:val="zh-CN"/></w:rPr></w:rPrChange></w:rPr>"#),
        ("<w:rPr/>", #"<w:rPr><w:lang w:eastAsia="en-US"/></w:rPr>"#),
    ])
    func theRunsPropertiesAreKept(properties: String, expected: String) {
        #expect(filled("<w:p><w:r>\(properties)<w:t>3个月</w:t></w:r></w:p>") == "<w:p><w:r>\(expected)<w:t>3|个|月</w:t></w:r></w:p>")
    }

    /// Tabs and breaks stay with the run's own properties; a date in a text box's run is split there, the outer run kept.
    @Test func onlyTheRunsOwnTextIsSplit() {
        #expect(filled("<w:p><w:r><w:tab/><w:t>5号</w:t><w:br/></w:r></w:p>") ==
            #"<w:p><w:r><w:tab/></w:r><w:r><w:rPr><w:lang w:eastAsia="en-US"/></w:rPr><w:t>5|号</w:t></w:r><w:r><w:br/></w:r></w:p>"#)
        let box = "<w:p><w:r><w:b/><w:drawing><w:txbxContent><w:p><w:r><w:t>8日</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"
        #expect(filled(box) == box.replacingOccurrences(of: "<w:r><w:t>8日", with: #"<w:r><w:rPr><w:lang w:eastAsia="en-US"/></w:rPr><w:t>8|日"#))
    }

    @Test func textWithoutJoinersAndSecondPassesChangeNothing() {
        let plain = Array((ns + #"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>第一条　MYGZ-2019</w:t></w:r></w:p>"# + end).utf8)
        #expect(JoinedRunLanguage.apply(to: plain) == plain)
        let once = JoinedRunLanguage.apply(to: NumberJoins.apply(to: Array((ns + "<w:p><w:r><w:t>于2020年5月，共13,800.00元</w:t></w:r></w:p>" + end).utf8)))
        #expect(JoinedRunLanguage.apply(to: NumberJoins.apply(to: once)) == once)
    }

    @Test func theNamespacesPrefixIsTheDocuments() {
        let xml = #"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:p><x:r><x:t>2年</x:t></x:r></x:p></x:document>"#
        let out = String(decoding: JoinedRunLanguage.apply(to: NumberJoins.apply(to: Array(xml.utf8))), as: UTF8.self)
        #expect(out.contains(#"<x:r><x:rPr><x:lang x:eastAsia="en-US"/></x:rPr><x:t>2"#))
    }

    /// Through a template: every text holding a joiner sits in a run whose East Asian language is en-US (and so does
    /// a number across runs from its unit, `2019`), other Chinese text does not, and a reader still sees the same text.
    @Test func aFilledTemplatesJoinedTextIsInEnglishRuns() throws {
        let body = """
            <w:p><w:r><w:rPr><w:rFonts w:eastAsia="仿宋"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t>2019</w:t></w:r>\
            <w:r><w:rPr><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t>年</w:t></w:r>\
            <w:r><w:t>12</w:t></w:r><w:r><w:t>月末，租期{{年数}}年，签订于{{日期}}</w:t></w:r></w:p>
            """
        let template = try DocxTemplate(package: try wordPackage(body: body))
        let filled = try template.render(Fixture.json(#"{"年数": 2, "日期": "2020年5月20日"}"#))
        let runs = try filled.xml(of: "word/document.xml").root.all("r")
        var joined = 0
        for run in runs {
            let text = run.all("t").map(\.textContent).joined()
            let lang = run.all("lang").first?[attribute: "w:eastAsia"]
            if text.contains("\u{2060}") { joined += 1; #expect(lang == "en-US", "\(text)") } else if text.unicodeScalars.contains(where: { $0.value >= 0x3000 }) { #expect(lang != "en-US", "\(text)") }
        }
        #expect(joined >= 4)
        #expect(runs.first?.all("rFonts").first?[attribute: "w:eastAsia"] == "仿宋", "the run's font is kept")
        #expect(runs.first?.all("lang").first?[attribute: "w:val"] == "en-US")
        #expect(try paragraphs(filled) == ["2019年12月末，租期2年，签订于2020年5月20日"])
        let checked = try template.render(Fixture.json(#"{"年数": 2, "日期": "2020年5月20日"}"#), options: RenderOptions(checkOnly: true))
        let text = String(decoding: try checked.data(of: "word/document.xml"), as: UTF8.self)
        #expect(!text.contains("\u{2060}") && text.contains("签订于2020年5月20日"), "a fill only to check is not joined")
    }
}
