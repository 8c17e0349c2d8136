import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// Dates and numbers with their units are kept on one line by WORD JOINERs, in the filled document's text only.
@Suite struct NumberJoinsTests {
    /// The text as it comes out of one paragraph, joiners shown as `|`.
    func joined(_ text: String) -> String {
        let bytes = NumberJoins.apply(to: Array("<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>".utf8))
        let xml = String(decoding: bytes, as: UTF8.self)
        let inner = xml.dropFirst("<w:p><w:r><w:t>".count).dropLast("</w:t></w:r></w:p>".count)
        return inner.replacingOccurrences(of: "\u{2060}", with: "|")
    }

    @Test(arguments: [
        ("租期自2020年3月14日至2022年12月31日", "租期自2020|年|3|月|14|日至2022|年|12|月|31|日"),
        ("密政发〔2020〕25号", "密政发〔|2020|〕25|号"),
        ("二〇二〇年五月十四日签订", "二|〇|二|〇|年|五|月|十|四|日签订"),
        ("人民币13,800.00元，面积120.5平方米", "人民币13,800.00|元，面积120.5|平|方|米"),
        ("租期2年，第3页，8时30分", "租期2|年，第|3|页，8|时|30|分"),
        ("职工46人，共3个月", "职工46|人，共3|个|月"),
        ("鼓楼东大街 18 号", "鼓楼东大街 18 |号"),
    ])
    func datesAndNumbersWithUnitsAreJoined(text: String, expected: String) {
        #expect(joined(text) == expected)
    }

    @Test(arguments: ["十五个工作日内，一式肆份", "MYGZ-ZL-2019-042，13800138000", "第一条　乙方资格", "A &amp; B 2"])
    func otherTextIsLeftAlone(text: String) {
        #expect(joined(text) == text)
    }

    @Test func joiningTwiceChangesNothing() {
        let once = NumberJoins.apply(to: Array("<w:p><w:r><w:t>2020年3月14日，〔2020〕25号</w:t></w:r></w:p>".utf8))
        #expect(NumberJoins.apply(to: once) == once)
    }

    @Test func paragraphsBreaksAndTabsSeparate() {
        let xml = "<w:p><w:r><w:t>2020</w:t></w:r></w:p><w:p><w:r><w:t>年</w:t><w:tab/><w:t>5</w:t><w:br/><w:t>月</w:t></w:r></w:p>"
        #expect(NumberJoins.apply(to: Array(xml.utf8)) == Array(xml.utf8))
    }

    /// A date across runs of two languages and a tag beside the template's own text: joined where they meet.
    @Test func joinsAcrossRunsAndBetweenATagAndTheTemplatesText() throws {
        let body = """
            <w:p><w:r><w:rPr><w:lang w:val="en-US"/></w:rPr><w:t>2019</w:t></w:r><w:r><w:t>年</w:t></w:r>\
            <w:r><w:t>12</w:t></w:r><w:r><w:t>月末，租期{{年数}}年，签订于{{日期}}</w:t></w:r></w:p>
            """
        let template = try DocxTemplate(package: try wordPackage(body: body))
        let filled = try template.render(Fixture.json(#"{"年数": 2, "日期": "2020年5月20日"}"#))
        let texts = try filled.xml(of: "word/document.xml").root.all("t").map(\.textContent)
        #expect(texts.joined() == "2019\u{2060}年\u{2060}12\u{2060}月末，租期2\u{2060}年，签订于2020\u{2060}年\u{2060}5\u{2060}月\u{2060}20\u{2060}日")
        #expect(try paragraphs(filled) == ["2019年12月末，租期2年，签订于2020年5月20日"], "a reader sees no joiner")
    }
}
