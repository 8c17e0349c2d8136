import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

@Suite struct DocxTemplateTests {
    static let data = Fixture.json("""
        {"甲方": {"名称": "密云区某国有资产经营公司"}, "乙方": {"名称": "北京密云示例餐饮有限公司", "信用代码": "91110228MA01ABCD1X"},
         "合计": 24691.2, "依据": "密政发〔2020〕25号", "退款": false, "合同编号": "MY-2019-018",
         "月份": [{"月": "2020年3月", "比例": 1, "减免": 12345.6}, {"月": "2020年4月", "比例": 1, "减免": 12345.6}],
         "附件": ["营业执照", "租赁合同"], "签订日期": "2020-05-14"}
        """)

    @Test func fillsLibreOfficeTemplateWithSplitRuns() throws {
        let template = try DocxTemplate(contentsOf: Fixture.path("lo-template.docx"))
        let filled = try template.render(Self.data)
        let text = try paragraphs(filled)
        let all = text.joined(separator: "\n")
        #expect(!all.contains("{{"))
        #expect(text.contains("甲方：密云区某国有资产经营公司"))
        #expect(text.contains("乙方：北京密云示例餐饮有限公司，信用代码 91110228MA01ABCD1X"))
        #expect(text.contains("减免合计 24,691.20 元（大写：人民币贰万肆仟陆佰玖拾壹元贰角）"))
        #expect(text.contains("减免租金冲抵其后应付租金。"))
        #expect(!all.contains("以退款方式返还"))
        #expect(text.contains("附件：1. 营业执照；2. 租赁合同；"))
        #expect(text.contains("签订日期：2020年5月14日，二〇二〇年五月十四日"))
        #expect(text.contains("文本框：北京密云示例餐饮有限公司"))
        #expect(!text.contains { $0.contains("{{else}}") })
        #expect(try paragraphs(filled, "word/header1.xml") == ["页眉：MY-2019-018"])
        #expect(try paragraphs(filled, "word/footer1.xml") == ["页脚：密云区某国有资产经营公司"])
        #expect(try paragraphs(filled, "word/footnotes.xml").contains { $0.contains("依据 密政发〔2020〕25号") })
        #expect(try filled.xml(of: "docProps/core.xml").root.elements.first { $0.localName == "title" }?.textContent
                == "北京密云示例餐饮有限公司租金减免补充协议")
    }

    @Test func rowLoopRepeatsTheRowAndNumbersIt() throws {
        let filled = try DocxTemplate(contentsOf: Fixture.path("lo-template.docx")).render(Self.data)
        let text = try paragraphs(filled)
        let start = try #require(text.firstIndex(of: "减免额"))
        #expect(Array(text[(start + 1)...(start + 10)]) == [
            "1", "2020年3月", "100%", "12,345.60", "2", "2020年4月", "100%", "12,345.60", "合计", "24,691.20",
        ])
    }

    @Test func filledValueKeepsTheFormattingOfTheRunWhereTheTagStarts() throws {
        let filled = try DocxTemplate(contentsOf: Fixture.path("lo-template.docx")).render(Self.data)
        let runs = try filled.xml(of: "word/document.xml").root.all("r")
        let tenant = try #require(runs.first { $0.textContent == "北京密云示例餐饮有限公司" })
        #expect(tenant.child("rPr")?.child("color")?.value("val") == "C00000")
        let landlord = try #require(runs.first { $0.textContent == "密云区某国有资产经营公司" })
        #expect(landlord.child("rPr")?.elements == [], "the run where the tag starts had no formatting, and neither has the value")
    }

    @Test func refundClauseIsChosenByCondition() throws {
        var data = Self.data
        if case .object(var o) = data { o["退款"] = .bool(true); data = .object(o) }
        let text = try paragraphs(try DocxTemplate(contentsOf: Fixture.path("lo-template.docx")).render(data))
        #expect(text.contains("减免租金以退款方式返还。"))
        #expect(!text.contains("减免租金冲抵其后应付租金。"))
    }

    @Test func sameInputGivesSameBytes() throws {
        let template = try DocxTemplate(contentsOf: Fixture.path("lo-template.docx"))
        #expect(try template.render(Self.data).serialized() == template.render(Self.data).serialized())
    }

    @Test func inspectListsEveryTagWithItsPlace() throws {
        let found = try DocxTemplate.inspect(try OOXMLPackage(contentsOf: Fixture.path("lo-template.docx")))
        #expect(found.problems.isEmpty)
        #expect(found.tags.contains { $0.source == "{{甲方.名称}}" && $0.place.part == "word/document.xml" && $0.place.paragraph == 1 })
        #expect(found.tags.contains { $0.source == "{{月}}" && $0.place.table == 1 && $0.place.row == 2 && $0.place.cell == 2 })
        #expect(found.tags.contains { $0.place.part == "word/header1.xml" })
    }
}
