import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// The openpyxl list template with its sheet's XML edited: `edit` maps text of the sheet to its replacement.
func editedListTemplate(_ edits: [(String, String)]) throws -> OOXMLPackage {
    var package = try OOXMLPackage(contentsOf: Fixture.path("openpyxl.xlsx"))
    var xml = try sheetXML(package)
    for (from, to) in edits {
        #expect(xml.contains(from))
        xml = xml.replacingOccurrences(of: from, with: to)
    }
    package.setPart("xl/worksheets/sheet1.xml", bytes: Array(xml.utf8))
    return try OOXMLPackage(bytes: try package.serialized(), label: "list.xlsx")
}

@Suite struct XlsxSmallWrongsTests {
    @Test func aBraceThatIsNotATagIsFineInATableHeader() throws {
        let template = try XlsxTemplate(package: try editedListTemplate([("&#24207;&#21495;", "BU {unit}")]))
        let filled = try template.render(XlsxTemplateTests.data(2))
        #expect(try cells(filled)["A3"] == .text("BU {unit}"))
        let tagged = try editedListTemplate([("&#24207;&#21495;", "{{部门}}")])
        let error = try #require(thrownProblems { _ = try XlsxTemplate(package: tagged) })
        #expect(error.problems.map(\.kind) == [.tagInTableHeader])
    }

    @Test func inspectListsEveryTagWhateverElseItFinds() throws {
        let package = try editedListTemplate([("{{&#21517;&#31216;}}", "{{&#21517;&#31216; | nope}}")])
        let found = try XlsxTemplate.inspect(package)
        #expect(found.problems.map(\.kind) == [.unknownFilter("nope", tag: "{{名称 | nope}}")])
        #expect(found.tags.contains { $0.source == "{{信用代码}}" && $0.place.part == "清单!C4" })
        #expect(found.tags.contains { $0.source == "{{名称 | nope}}" })
    }

    @Test func anInlineLoopInOneCellTakesASeparator() throws {
        let package = try editedListTemplate([("{{&#26085;&#26399; | date}}", #"{{#each 附件 sep="、"}}{{this}}{{/each}}"#)])
        let template = try XlsxTemplate(package: package)
        #expect(try cells(try template.render(XlsxTemplateTests.data(1)))["A2"] == .text("报送日期：营业执照、租赁合同"))
    }

    @Test func jinjaInACellIsAnError() throws {
        let package = try editedListTemplate([("&#26085;&#26399;", "{%tr for e in 企业 %}")])
        let found = try XlsxTemplate.inspect(package)
        #expect(found.problems.contains { if case .syntax(.foreign("Jinja", _), _) = $0.kind { true } else { false } })
    }
}

/// Area references in formulas and ranges: too many letters or digits are no reference, never an overflow.
@Suite struct AreaReferenceTests {
    @Test func longReferencesAreRefusedNotOverflowed() {
        #expect(AreaRef.parse("$A$1:XFD1048576")?.text == "$A$1:XFD1048576")
        #expect(AreaRef.parse("A" + String(repeating: "9", count: 25)) == nil)
        #expect(AreaRef.parse(String(repeating: "Q", count: 30) + "1:B2") == nil)
        #expect(AreaRef.parse("A1:B12345678") == nil)
    }
}
