import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

/// Charts and pivot caches follow the rows of a row loop, as formulas do.
@Suite struct ChartsAndPivotsTests {
    static let data = TemplateValue.object(["部门": .string("区商务局"), "企业": .list((1...3).map {
        .object(["名称": .string("企业\($0)"), "收入": .number(Decimal($0 * 1000))])
    })])

    /// The workbook with a pivot cache whose source is the list's range, written as Excel writes one.
    static func withPivotCache(_ fixture: String, source: String = #"<worksheetSource ref="A3:B4" sheet="清单"/>"#) throws -> OOXMLPackage {
        var package = try OOXMLPackage(contentsOf: Fixture.path(fixture))
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        package.setPart("xl/pivotCache/pivotCacheDefinition1.xml", bytes: Array("""
            <pivotCacheDefinition xmlns="\(main)" saveData="0" recordCount="0"><cacheSource type="worksheet">\(source)</cacheSource>\
            <cacheFields count="2"><cacheField name="企业名称" numFmtId="0"><sharedItems/></cacheField>\
            <cacheField name="收入" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1"/></cacheField></cacheFields></pivotCacheDefinition>
            """.utf8), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml")
        var rels = try package.xml(of: "xl/_rels/workbook.xml.rels")
        rels.root.children.append(.element(MarkupElement("Relationship", attributes: [
            MarkupAttribute("Id", "rIdPivot"), MarkupAttribute("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition"),
            MarkupAttribute("Target", "pivotCache/pivotCacheDefinition1.xml"),
        ])))
        package.setPart("xl/_rels/workbook.xml.rels", xml: rels)
        var book = try String(decoding: package.data(of: "xl/workbook.xml"), as: UTF8.self)
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        if !book.contains("xmlns:r=") { book = book.replacingOccurrences(of: "<workbook ", with: "<workbook xmlns:r=\"\(r)\" ") }
        let prefix = book.contains("<x:workbook") ? "x:" : ""
        book = book.replacingOccurrences(of: "</\(prefix)workbook>", with: "<\(prefix)pivotCaches><\(prefix)pivotCache cacheId=\"1\" r:id=\"rIdPivot\"/></\(prefix)pivotCaches></\(prefix)workbook>")
        package.setPart("xl/workbook.xml", bytes: Array(book.utf8))
        return try OOXMLPackage(bytes: try package.serialized(), label: fixture)
    }

    @Test(arguments: ["charts.xlsx", "charts-lo.xlsx"])
    func chartsBesideAndBelowALoopFollowItsRows(fixture: String) throws {
        let filled = try XlsxTemplate(package: try Self.withPivotCache(fixture)).render(Self.data)
        let beside = try filled.xml(of: "xl/charts/chart1.xml").root, below = try filled.xml(of: "xl/charts/chart2.xml").root
        let quote = fixture == "charts.xlsx" ? "'" : ""
        let sheet = quote + "清单" + quote + "!"
        let besideRanges = Set(beside.all("f").map(\.textContent)), belowRanges = Set(below.all("f").map(\.textContent))
        #expect(besideRanges.isSuperset(of: ["\(sheet)$A$4:$A$6", "\(sheet)$B$4:$B$6", "\(sheet)B3"]), "\(besideRanges)")
        #expect(belowRanges.isSuperset(of: ["\(sheet)$A$9:$A$11", "\(sheet)$B$9:$B$11", "\(sheet)B8"]), "\(belowRanges)")
        #expect(beside.all("numCache").isEmpty && below.all("numCache").isEmpty && below.all("strCache").isEmpty,
                "cached chart values are dropped, so readers recompute them")
        let drawing = try filled.xml(of: "xl/drawings/drawing1.xml")
        let rows = drawing.root.descendants(named: "from").compactMap { $0.elements.first { $0.localName == "row" }?.textContent }
        #expect(rows == ["2", "13"])
        let cache = try filled.xml(of: "xl/pivotCache/pivotCacheDefinition1.xml").root
        let source = cache.all("worksheetSource").first
        #expect(source?.value("ref") == "A3:B6" && source?.value("sheet") == "清单")
        #expect(cache.value("refreshOnLoad") == "1")
        let c = try cells(filled)
        #expect(c["A6"] == .text("企业3") && c["B9"] == .number(100, isDate: false))
    }

    @Test func aSourceInAnotherWorkbookIsAWarning() throws {
        let package = try Self.withPivotCache("charts.xlsx", source: #"<worksheetSource ref="A1:B9" sheet="Sheet1" r:id="rIdExternal"/>"#)
        let template = try XlsxTemplate(package: package)
        #expect(template.warnings.map(\.kind) == [.sourceNotMovable])
        #expect(template.warnings.first?.place.part == "xl/pivotCache/pivotCacheDefinition1.xml")
    }

    /// Pivot tables made by LibreOffice through its API over the list's range (`make-pivot.sh`): one on
    /// another sheet, one on the loop sheet below the list; saved by LibreOffice with pivot table parts.
    @Test func pivotTablesMadeByLibreOfficeFollowTheList() throws {
        let template = try XlsxTemplate(contentsOf: Fixture.path("pivot-lo.xlsx"))
        let before = try OOXMLPackage(contentsOf: Fixture.path("pivot-lo.xlsx"))
        let filled = try template.render(Self.data)
        let cache = try filled.xml(of: "xl/pivotCache/pivotCacheDefinition1.xml").root
        #expect(cache.all("worksheetSource").first?.value("ref") == "A3:B6" && cache.all("worksheetSource").first?.value("sheet") == "清单")
        #expect(cache.value("refreshOnLoad") == "1")
        #expect(before.contains("xl/pivotCache/pivotCacheRecords1.xml") && before.contentType(of: "xl/pivotCache/pivotCacheRecords1.xml") != nil)
        #expect(!filled.contains("xl/pivotCache/pivotCacheRecords1.xml") && filled.contentType(of: "xl/pivotCache/pivotCacheRecords1.xml")?.contains("pivotCacheRecords") != true,
                "the records copy the template's one row: dropped, with their content type")
        #expect(try filled.relationships(of: "xl/pivotCache/pivotCacheDefinition1.xml").isEmpty, "and their relationship")
        #expect(cache.value("saveData") == "0" && !cache.attributes.contains { $0.name.hasSuffix(":id") },
                "the cache says it holds no records, as Excel writes it when the source data is not saved")
        func location(_ package: OOXMLPackage, _ part: String) throws -> String? { try package.xml(of: part).root.all("location").first?.value("ref") }
        #expect(try package(before, "xl/worksheets/_rels/sheet1.xml.rels").contains("pivotTable2.xml"), "the pivot on 清单")
        #expect(try location(before, "xl/pivotTables/pivotTable2.xml") == "A10:B12")
        #expect(try location(filled, "xl/pivotTables/pivotTable2.xml") == "A12:B14", "the pivot below the list moves down with it")
        #expect(try location(filled, "xl/pivotTables/pivotTable1.xml") == "A5:B7", "the pivot on another sheet stays")
        let (was, now) = (try cells(before), try cells(filled))
        #expect(now["A6"] == .text("企业3") && was["A6"] == .text("制表：{{部门}}") && now["A8"] == .text("制表：区商务局"))
        #expect(now["A12"] == was["A10"] && now["B13"] == was["B11"] && now["A12"] != nil, "the pivot's cells moved with it")
        #expect(try cells(filled, sheet: 1) == (try cells(before, sheet: 1)))
    }

    private func package(_ p: OOXMLPackage, _ part: String) throws -> String { String(decoding: try p.data(of: part), as: UTF8.self) }
}
