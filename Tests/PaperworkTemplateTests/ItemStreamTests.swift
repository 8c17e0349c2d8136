import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

/// Items handed out one at a time from an array, counting how often they are read.
final class ArrayStream: ItemStream, @unchecked Sendable {
    let items: [TemplateValue]
    let count: Int
    private(set) var reads = 0

    init(_ items: [TemplateValue], claiming count: Int? = nil) {
        self.items = items
        self.count = count ?? items.count
    }

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        reads += 1
        for item in items { try body(item) }
    }
}

@Suite struct ItemStreamTests {
    static func withoutList(_ n: Int) -> (TemplateValue, [TemplateValue]) {
        guard case .object(var members) = XlsxTemplateTests.data(n), case .list(let items)? = members.removeValue(forKey: "企业") else {
            return (.null, [])
        }
        return (.object(members), items)
    }

    @Test(arguments: [0, 1, 1000])
    func aStreamedListFillsTheSameBytesAsAHeldOne(count: Int) throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx"))
        let (rest, items) = Self.withoutList(count)
        let stream = ArrayStream(items)
        let streamed = try template.render(rest, streams: ["企业": stream])
        let held = try template.render(XlsxTemplateTests.data(count))
        #expect(try sheetXML(streamed) == sheetXML(held))
        #expect(try streamed.data(of: "xl/workbook.xml") == held.data(of: "xl/workbook.xml"))
        #expect(stream.reads == 1, "a row loop reads the stream once, as it writes")
    }

    @Test func aStreamThatYieldsFewerItemsThanItPromisedIsAnInternalError() throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx"))
        let (rest, items) = Self.withoutList(5)
        let few = try #require(#expect(throws: TemplateError.self) {
            try template.render(rest, streams: ["企业": ArrayStream(Array(items.prefix(3)), claiming: 5)])
        })
        guard case .internal(let fewCause) = few, fewCause is XlsxInternalError else { Issue.record("not internal: \(few)"); return }
        let many = try #require(#expect(throws: TemplateError.self) {
            try template.render(rest, streams: ["企业": ArrayStream(items, claiming: 4)])
        })
        guard case .internal(let manyCause) = many, manyCause is XlsxInternalError else { Issue.record("not internal: \(many)"); return }
    }

    @Test func aListUsedOutsideARowLoopIsReadIntoMemoryFirst() throws {
        let book = SimpleWorkbook(sheetName: "清单", columns: [.init(width: 20), .init(width: 10)], rows: [
            [.text("共：{{#each 企业}}{{名称}}；{{/each}}")],
            [.text("{{#each 企业}}{{名称}}"), .text("{{收入}}{{/each}}")],
        ], entryRows: 0)
        let template = try XlsxTemplate(package: OOXMLPackage(bytes: book.serialized(), label: "inline.xlsx"))
        let (rest, items) = Self.withoutList(2)
        let stream = ArrayStream(items)
        let filled = try template.render(rest, streams: ["企业": stream])
        #expect(stream.reads == 1, "read once, into memory, before filling")
        let c = try cells(filled)
        #expect(c["A1"] == .text("共：企业1；企业2；"))
        #expect(c["A3"] == .text("企业2") && c["B3"] == .number(Decimal(string: "1001.5")!, isDate: false))
        let viaDocument = try DocumentTemplate.xlsx(template).render(rest, streams: ["企业": ArrayStream(items)], options: RenderOptions())
        #expect(try sheetXML(viaDocument) == sheetXML(filled))
    }

    /// A totals row under a streamed loop gets every aggregate right, also when SUM and MIN read the same range
    /// (only ranges that MIN or MAX read keep their least and greatest values).
    @Test func aggregatesUnderAStreamedLoopAreCached() throws {
        let book = SimpleWorkbook(sheetName: "清单", columns: Array(repeating: .init(width: 12), count: 7), rows: [
            [.text("{{#each 企业}}{{名称}}"), .text("{{收入}}{{/each}}")],
            [.text("合计"), .empty, .empty, .empty, .empty, .empty, .empty],
        ], entryRows: 0)
        var package = try OOXMLPackage(bytes: book.serialized(), label: "aggregates.xlsx")
        let formulas = ["SUM(B1:B1)", "MIN(B1:B1)", "MAX(B1:B1)", "AVERAGE(B1)", "COUNT(B1:B1)", "ROUND(SUM(B1:B1)/3,2)"]
        var xml = try sheetXML(package)
        for (i, f) in formulas.enumerated() {
            let ref = CellReference.columnName(i + 1) + "2"
            xml = xml.replacingOccurrences(of: "<c r=\"\(ref)\" s=\"0\"/>", with: "<c r=\"\(ref)\" s=\"0\"><f>\(f)</f></c>")
        }
        package.setPart("xl/worksheets/sheet1.xml", bytes: Array(xml.utf8))
        let template = try XlsxTemplate(package: package)
        let amounts = ["1200.5", "-3", "980", "45.25"]
        let items: [TemplateValue] = amounts.enumerated().map { i, a in .object(["名称": .string("企业\(i + 1)"), "收入": .number(Decimal(string: a)!)]) }
        let filled = try template.render(.object([:]), streams: ["企业": ArrayStream(items)]).xml(of: "xl/worksheets/sheet1.xml")
        #expect(filled.formulaCells == [
            FormulaCell("B5", "SUM(B1:B4)", "2222.75"), FormulaCell("C5", "MIN(B1:B4)", "-3"), FormulaCell("D5", "MAX(B1:B4)", "1200.5"),
            FormulaCell("E5", "AVERAGE(B1:B4)", "555.6875"), FormulaCell("F5", "COUNT(B1:B4)", "4"),
            FormulaCell("G5", "ROUND(SUM(B1:B4)/3,2)", "740.92"),
        ])
    }
}
