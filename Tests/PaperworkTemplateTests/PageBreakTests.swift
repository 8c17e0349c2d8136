import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

@Suite struct PageBreakTests {
    /// Every page holds at most what fits; the last one holds the rows after the loop and at least two items with them.
    @Test(arguments: [(35, 3), (10, 2), (5, 1)])
    func pagesNeverOverflowAndTheTailKeepsItsLastRows(perPage: Int, tail: Int) {
        let pages = PageBreaks(perPage: perPage, tailItems: tail)
        for count in 0...200 {
            let breaks = pages.breaks(items: count)
            let sizes = zip([0] + breaks, breaks + [count]).map { $1 - $0 }
            #expect(sizes.allSatisfy { $0 <= perPage }, "\(count) items: \(sizes)")
            #expect(sizes.last! + tail <= perPage, "\(count) items: the tail does not fit on the last page: \(sizes)")
            #expect(sizes.last! >= min(count, PageBreaks.kept), "\(count) items: \(sizes)")
            #expect(sizes.dropLast().allSatisfy { $0 > 0 })
        }
        #expect(pages.breaks(items: perPage - tail).isEmpty, "a list that fits with its tail gets no break")
    }

    /// The HR list's template prints at a fixed scale: 35 enterprises a page (Excel's count, one spare).
    @Test(arguments: [(1, [Int]()), (30, []), (33, [34]), (40, [38]), (71, [38, 72]), (72, [38, 73])])
    func listTemplateGetsABreakPerPage(enterprises: Int, expected: [Int]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let template = try XlsxTemplate(contentsOf: root + "/Templates/hr-enterprise-list/template.xlsx")
        let item: TemplateValue = .object(["名称": .string("北京测试有限公司"), "信用代码": .string("91110228MA0010002C"),
                                            "重点行业": .string("科技创新"), "规模": .string("小型"), "参保人数": .number(10),
                                            "2020年2至4月营业收入": .number(1000), "2019年2至4月营业收入": .number(100000), "下降比例": .number(0.99),
                                            "培训人数": .number(5), "临时岗位补贴": .number(15400), "联系人": .string("王女士"),
                                            "联系电话": .string("13800138000")])
        let data: TemplateValue = .object(["部门": .string("区商务局"), "批次": .number(2), "批次日期": .string("2020-05-13"),
                                           "填报人": .string("周明"), "联系电话": .string("010-69041234"), "填报日期": .string("2020-05-12"),
                                           "企业": .list(Array(repeating: item, count: enterprises))])
        let filled = try template.render(data)
        let sheet = String(decoding: try filled.data(of: "xl/worksheets/sheet1.xml"), as: UTF8.self)
        let ids = sheet.components(separatedBy: "<brk id=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(ids == expected)
        #expect(sheet.contains("<rowBreaks") == !expected.isEmpty)
        if let breaks = sheet.range(of: "<rowBreaks"), let footer = sheet.range(of: "<headerFooter") {
            #expect(footer.lowerBound < breaks.lowerBound, "rowBreaks comes after headerFooter, as the schema orders them")
        }
    }
}
