import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// Dates and numbers are kept on one line paragraph by paragraph: the paragraphs no record changes when the template
/// is compiled, those that hold values when it is filled. The document must come out as if the whole filled part
/// had been read by the passes.
@Suite struct ParagraphLineKeepingTests {
    /// Fixed paragraphs, a paragraph with a tag beside the template's own date, a row loop whose cells mix both,
    /// a block that starts in one paragraph and ends in the next, a text box whose paragraph holds a tag, and a table
    /// that comes out without rows (and so is left out) when its list is empty.
    static let body = """
        \(p("第一条　租期自2020年3月14日至2022年12月31日，共3个月。"))\
        <w:p><w:r><w:t xml:space="preserve">签订于{{日期}}，租期{{年数}}年，2019年12月末</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>{{#each 明细}}第{{@number}}项</w:t></w:r></w:p></w:tc>\
        <w:tc>\(p("〔2020〕25号"))<w:p><w:r><w:t>{{金额}}元</w:t></w:r></w:p></w:tc>\
        <w:tc><w:p><w:r><w:t>18 号{{/each}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
        <w:p><w:r><w:t xml:space="preserve">2020年{{#if 附加}}5月</w:t></w:r></w:p>\
        \(p("共13,800.00元"))<w:p><w:r><w:t xml:space="preserve">{{/if}}14日</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">见框 </w:t></w:r><w:r><w:pict><w:txbxContent>\
        <w:p><w:r><w:t>{{年数}}年，第3页</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>\
        \(p("二〇二〇年五月十四日"))
        """

    @Test(arguments: [
        #"{"日期": "2020年5月20日", "年数": 2, "明细": [{"金额": "276,650.61"}, {"金额": "13,800.00"}], "附加": true}"#,
        #"{"日期": "2020-05-20", "年数": "十", "明细": [], "附加": false}"#,
    ])
    func theDocumentComesOutAsIfItsWholeTextWereKept(data: String) throws {
        let template = try DocxTemplate(package: try wordPackage(body: Self.body))
        let filled = try template.render(Fixture.json(data))
        // A check-only rendering leaves out the passes after filling; fixed paragraphs were kept when compiled,
        // and keeping twice changes nothing, so the whole part kept once more is what a full reading would give.
        let unkept = try template.render(Fixture.json(data), options: RenderOptions(checkOnly: true))
        let whole = JoinedRunLanguage.keepingNumbersTogether(try unkept.data(of: "word/document.xml"), prefix: Array("w".utf8))
        #expect(try filled.data(of: "word/document.xml") == whole)
        #expect(try filled.data(of: "word/document.xml") != unkept.data(of: "word/document.xml"), "the filled paragraphs got joiners too")
    }

    @Test func fixedAndFilledParagraphsBothGetJoiners() throws {
        let template = try DocxTemplate(package: try wordPackage(body: Self.body))
        let filled = try template.render(Fixture.json(#"{"日期": "2020年5月20日", "年数": 2, "明细": [{"金额": "100"}], "附加": true}"#))
        let xml = String(decoding: try filled.data(of: "word/document.xml"), as: UTF8.self)
        for joined in ["2020\u{2060}年\u{2060}3\u{2060}月\u{2060}14\u{2060}日", "2020\u{2060}年\u{2060}5\u{2060}月\u{2060}20\u{2060}日",
                       "2\u{2060}年", "100\u{2060}元", "〔\u{2060}2020\u{2060}〕", "第\u{2060}1\u{2060}项", "二\u{2060}〇"] {
            #expect(xml.contains(joined), "\(joined.replacingOccurrences(of: "\u{2060}", with: "|"))")
        }
        #expect(try paragraphs(filled).contains("签订于2020年5月20日，租期2年，2019年12月末"))
        #expect(xml.contains(#"w:eastAsia="en-US""#))
    }

    /// Keeping dates together twice gives what keeping them once gave: fixed paragraphs are kept when the template is
    /// compiled and may be read again with the paragraphs around them.
    @Test func keepingTwiceChangesNothing() throws {
        let template = try DocxTemplate(package: try wordPackage(body: Self.body))
        let filled = try template.render(Fixture.json(#"{"日期": "2020年5月20日", "年数": 2, "明细": [{"金额": "1"}], "附加": true}"#))
        let once = try filled.data(of: "word/document.xml")
        #expect(JoinedRunLanguage.keepingNumbersTogether(once, prefix: Array("w".utf8)) == once)
    }
}
