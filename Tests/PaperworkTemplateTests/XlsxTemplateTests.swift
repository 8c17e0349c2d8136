import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

/// The cells of a filled sheet as a reader sees them: reference → value.
func cells(_ package: OOXMLPackage, sheet: Int = 0) throws -> [String: CellValue] {
    let reader = try WorkbookReader(package)
    var out: [String: CellValue] = [:]
    try reader.rows(ofSheet: reader.sheets[sheet].part) { row in
        for (column, value) in row.cells { out[CellReference.columnName(column) + String(row.number)] = value }
    }
    return out
}

/// The hyperlinks of a sheet: each cell and its relationship id.
func hyperlinks(_ sheet: MarkupDocument) -> [(ref: String, id: String)] {
    sheet.root.all("hyperlink").compactMap { link in link.value("ref").map { ($0, link.value("id") ?? "") } }
}

func sheetXML(_ package: OOXMLPackage, _ part: String = "xl/worksheets/sheet1.xml") throws -> String {
    String(decoding: try package.data(of: part), as: UTF8.self)
}

@Suite struct XlsxTemplateTests {
    static func enterprises(_ n: Int) -> TemplateValue {
        .list((0..<n).map { i in
            .object(["名称": .string("企业\(i + 1)"), "信用代码": .string("91110228MA0030003Y"),
                     "收入": .number(Decimal(1000 + i) + Decimal(string: "0.5")!), "比例": .number(Decimal(string: "0.85")!),
                     "日期": .string("2020-05-14")])
        })
    }

    static func data(_ n: Int) -> TemplateValue {
        .object(["部门": .string("区商务局"), "批次": .number(2), "日期": .string("2020-05-13"), "填报人": .string("周某"),
                 "企业": enterprises(n), "附件": .list([.string("营业执照"), .string("租赁合同")])])
    }

    @Test func typedCellsAndRowLoop() throws {
        let filled = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(Self.data(3))
        let c = try cells(filled)
        #expect(c["A1"] == .text("区商务局第2批企业清单"))
        #expect(c["A2"] == .text("报送日期：2020年5月13日"))
        #expect(c["A4"] == .number(1, isDate: false))
        #expect(c["A6"] == .number(3, isDate: false))
        #expect(c["B5"] == .text("企业2"))
        #expect(c["C4"] == .text("91110228MA0030003Y"))
        #expect(c["D6"] == .number(Decimal(string: "1002.5")!, isDate: false))
        #expect(c["E4"] == .number(Decimal(string: "0.85")!, isDate: false))
        #expect(c["F4"] == .number(Decimal(CalendarDate(year: 2020, month: 5, day: 14)!.excelSerial), isDate: true))
        #expect(c["A7"] == .text("合计"))
        #expect(c["A9"] == .text("填报单位（盖章）：区商务局"))
        #expect(c["A11"] == .text("政策原文"))
    }

    @Test func formulasMergesRangesNamesTablesAndBreaksMove() throws {
        let filled = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(Self.data(3))
        let sheet = try filled.xml(of: "xl/worksheets/sheet1.xml")
        #expect(sheet.formulaCells == [FormulaCell("D7", "SUM(D4:D6)", "3004.5"), FormulaCell("E7", "COUNT(D4:D6)", "3"),
                                       FormulaCell("F7", "D7/2", "1502.25"), FormulaCell("A20", "COUNTA(B18:B19)", "2")])
        let merges = Set(sheet.root.all("mergeCell").compactMap { $0.value("ref") })
        #expect(merges.isSuperset(of: ["A1:F1", "A9:C9"]), "\(merges)")
        let ranges = Set(sheet.root.all().compactMap { $0.value("sqref") })
        #expect(ranges.isSuperset(of: ["D4:D6", "E4:E6"]), "\(ranges)")
        #expect(hyperlinks(sheet).contains { $0.ref == "A11" && !$0.id.isEmpty }, "the link below the loop moves with its relationship")
        let inLoop = hyperlinks(sheet).filter { $0.ref.hasPrefix("B") }
        #expect(inLoop.map(\.ref) == ["B4", "B5", "B6"], "a link in the loop row is repeated for every item")
        #expect(Set(inLoop.map(\.id)).count == 1, "the copies share the template's relationship")
        #expect(sheet.root.all("brk").contains { $0.value("id") == "7" })
        #expect(sheet.root.child("dimension")?.value("ref") == "A1:F20")
        let c = try cells(filled)
        #expect(c["B19"] == .text("租赁合同") && c["A19"] == .number(2, isDate: false))
        let book = try filled.xml(of: "xl/workbook.xml").root
        let names = book.all("definedName").map(\.textContent)
        #expect(names.contains { $0.hasSuffix("$A$1:$F$9") }, "\(names)")
        #expect(names.contains { $0.hasSuffix("$3:$3") }, "\(names)")
        #expect(book.child("calcPr")?.value("fullCalcOnLoad") == "1")
        #expect(try filled.xml(of: "xl/tables/table1.xml").root.value("ref") == "A3:F6")
        let second = try filled.xml(of: "xl/worksheets/sheet2.xml")
        #expect(second.formulaCells.map(\.formula) == ["清单!D7", "COUNTA(清单!B4:B6)"])
    }

    @Test(arguments: [0, 1, 1000])
    func loopsOfAnyLength(count: Int) throws {
        let filled = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(Self.data(count))
        let c = try cells(filled)
        let totalsRow = 4 + count
        #expect(c["A\(totalsRow)"] == .text("合计"))
        let sheet = try filled.xml(of: "xl/worksheets/sheet1.xml")
        let expectedSum = (0..<count).reduce(Decimal(0)) { $0 + Decimal(1000 + $1) + Decimal(string: "0.5")! }
        let sum = count > 0 ? "SUM(D4:D\(3 + count))" : "0"
        #expect(sheet.formulaCells.first == FormulaCell("D\(totalsRow)", sum, DecimalFormat.plain(expectedSum)))
        let links = hyperlinks(sheet)
        #expect(links.filter { $0.ref.hasPrefix("B") }.count == count, "one link per item, none for an empty list")
        #expect(links.contains { $0.ref == "A\(totalsRow + 4)" }, "the link below the loop moves")
    }

    @Test func anEmptyListTotalsAndCountsZeroOnEverySheet() throws {
        let filled = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(Self.data(0))
        let sheet = try filled.xml(of: "xl/worksheets/sheet1.xml")
        // COUNT(0) would count the 0 and show 1 enterprise; an empty range counts none, in Excel and LibreOffice.
        #expect(Array(sheet.formulaCells.prefix(3)) == [FormulaCell("D4", "0", "0"), FormulaCell("E4", "0", "0"), FormulaCell("F4", "D4/2", "0")])
        let second = try filled.xml(of: "xl/worksheets/sheet2.xml")
        #expect(second.formulaCells.map(\.formula) == ["清单!D4", "0"], "COUNTA of the other sheet's empty list is 0, not COUNTA(0) = 1")
    }

    @Test(arguments: [
        ("SUM(D4:D4)", "0"), ("COUNT(D4:D4)", "0"), ("COUNTA(B4:B4)", "0"), ("COUNTBLANK(B4:B4)", "0"), ("MIN(D4:D4)", "0"),
        ("MAX(D4:D4)", "0"), ("PRODUCT(D4:D4)", "0"), ("AVERAGE(D4:D4)", "#DIV/0!"),
        ("SUM(D4:D4,D10)", "SUM(D9)"), ("count( D4 , 5)", "count( 5)"), ("ROUND(SUM(D4:D4)*0.2,2)", "ROUND(0*0.2,2)"),
        ("IF(COUNT(D4:D4)=0,\"无(空)\",SUM(D4:D4,'清单'!C2))", "IF(0=0,\"无(空)\",SUM('清单'!C2))"),
        ("SUMPRODUCT(D4:D4*E4:E4)", "SUMPRODUCT(0*0)"), ("D4+1", "0+1"), ("SUM({1,2},D4:D4)", "SUM({1,2})"),
        ("SUM(D2:D10)", "SUM(D2:D9)"),
    ])
    func aggregatesOverAnEmptyLoopAnswerWhatAnEmptyRangeAnswers(formula: String, expected: String) {
        let mover = ReferenceMover(maps: ["清单": RowMap(loops: [RowMap.Loop(first: 4, last: 4, count: 0)])])
        #expect(mover.formula(formula, on: "清单") == expected)
    }

    @Test func textThatLooksLikeAFormulaStaysText() throws {
        var data = Self.data(1)
        if case .object(var o) = data { o["部门"] = .string("=HYPERLINK(\"http://x\")"); data = .object(o) }
        let template = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx"))
        var items = Self.enterprises(2)
        if case .list(var l) = items, case .object(var first) = l[0] {
            first["名称"] = .string("＝1+1"); first["信用代码"] = .string("@SUM(A1)"); l[0] = .object(first); items = .list(l)
        }
        if case .object(var o) = data { o["企业"] = items; data = .object(o) }
        let filled = try template.render(data)
        let sheet = try filled.xml(of: "xl/worksheets/sheet1.xml")
        #expect(!sheet.formulaCells.contains { $0.formula.contains("HYPERLINK") })
        let formats = try filled.xml(of: "xl/styles.xml").root.child("cellXfs")?.children("xf") ?? []
        for ref in ["A1", "B4", "C4"] {
            let style = sheet.root.all("c").first { $0.value("r") == ref }?.value("s").flatMap(Int.init)
            #expect(style.map { $0 < formats.count && formats[$0].value("quotePrefix") == "1" } == true,
                    "\(ref) is shown as text, with a quote prefix")
        }
        let c = try cells(filled)
        #expect(c["C4"] == .text("@SUM(A1)"))
        #expect(c["B4"] == .text("＝1+1"))
    }

    @Test func badCharactersAndMissingValuesAreDataErrors() throws {
        var data = Self.data(1)
        if case .object(var o) = data { o["填报人"] = .string("周\u{7}某"); o["部门"] = nil; data = .object(o) }
        #expect {
            _ = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(data)
        } throws: { error in
            let problems = foundProblems(in: error)?.problems.map(\.kind) ?? []
            return problems.contains(.missingValue(path: "部门")) && problems.contains(.invalidCharacter(path: "填报人", scalar: 7))
        }
    }

    @Test func inspectNamesSheetAndCell() throws {
        let found = try XlsxTemplate.inspect(try OOXMLPackage(contentsOf: Fixture.path("openpyxl.xlsx")))
        #expect(found.problems.isEmpty)
        #expect(found.tags.contains { $0.source == "{{信用代码}}" && $0.place.part == "清单!C4" })
    }
}

@Suite struct LibreOfficeCalcTemplateTests {
    @Test func aCalcTemplateWithSharedStringsFormulasAndMergesFills() throws {
        let data = TemplateValue.object(["部门": .string("区科委"), "填报人": .string("吴某"), "企业": .list((1...4).map {
            .object(["名称": .string("企业\($0)"), "金额": .number(Decimal($0) * 100 + Decimal(string: "0.25")!)])
        })])
        let filled = try XlsxTemplate(contentsOf: Fixture.path("libreoffice-calc.xlsx")).render(data)
        let c = try cells(filled)
        #expect(c["A1"] == .text("区科委名单"))
        #expect(c["B6"] == .text("企业4"))
        #expect(c["C6"] == .number(Decimal(string: "400.25")!, isDate: false))
        #expect(c["A7"] == .text("合计"))
        #expect(c["A8"] == .text("填报人：吴某"))
        let sheet = try filled.xml(of: "xl/worksheets/sheet1.xml")
        #expect(sheet.formulaCells == [FormulaCell("C7", "SUM(C3:C6)", "1001"), FormulaCell("C8", "C7*2", "2002")])
        #expect(sheet.root.all("mergeCell").contains { $0.value("ref") == "A8:B8" })
    }
}

@Suite struct XlsxCheckTests {
    @Test func overlappingMergesAreRefusedAsAnInternalError() throws {
        let merges = MarkupNode.element(MarkupElement("mergeCells", children: [
            .element(MarkupElement("mergeCell", attributes: [MarkupAttribute("ref", "A1:C3")])),
            .element(MarkupElement("mergeCell", attributes: [MarkupAttribute("ref", "C3:D4")])),
        ]))
        #expect(throws: (any Error).self) { try SheetRenderer.checkMerges([merges], sheet: "清单") }
        let fine = MarkupNode.element(MarkupElement("mergeCells", children: [
            .element(MarkupElement("mergeCell", attributes: [MarkupAttribute("ref", "A1:C1")])),
            .element(MarkupElement("mergeCell", attributes: [MarkupAttribute("ref", "A2:C2")])),
        ]))
        #expect(throws: Never.self) { try SheetRenderer.checkMerges([fine], sheet: "清单") }
    }

    @Test func aBadSheetNameIsATemplateError() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("openpyxl.xlsx"))
        var book = try package.xml(of: "xl/workbook.xml")
        book.root.children = book.root.children.map { node in
            guard case .element(var sheets) = node, sheets.localName == "sheets" else { return node }
            sheets.children = sheets.children.map { child in
                guard case .element(var s) = child, s[attribute: "name"] == "汇总" else { return child }
                s[attribute: "name"] = "汇总[2020]"
                return .element(s)
            }
            return .element(sheets)
        }
        package.setPart("xl/workbook.xml", xml: book)
        #expect {
            _ = try XlsxTemplate(package: package)
        } throws: { foundProblems(in: $0)?.problems.map(\.kind).contains(.badSheetName("汇总[2020]")) == true }
    }
}

@Suite struct XlsxRichTextTests {
    @Test func aTagSplitAcrossFormattedRunsTakesTheFormatOfItsFirstRun() throws {
        let filled = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(XlsxTemplateTests.data(3))
        let cell = try #require(try filled.xml(of: "xl/worksheets/sheet1.xml").root.all("c").first { $0.value("r") == "A14" })
        let runs = cell.all("r")
        let signer = try #require(runs.first { $0.child("t")?.textContent == "周某" })
        #expect(signer.child("rPr")?.child("b")?.value("val") == "1", "the value takes the bold of the run where its tag starts")
        #expect(runs.contains { $0.child("t")?.textContent == "（签字）" })
        let c = try cells(filled)
        #expect(c["A14"] == .text("负责人：周某（签字）"))
    }
}

@Suite struct XlsxLengthTests {
    @Test func mixedTextOverACellsLimitIsADataError() throws {
        var data = XlsxTemplateTests.data(1)
        if case .object(var o) = data { o["部门"] = .string(String(repeating: "长", count: 40_000)); data = .object(o) }
        #expect {
            _ = try XlsxTemplate(contentsOf: Fixture.path("openpyxl.xlsx")).render(data)
        } throws: { error in
            foundProblems(in: error)?.problems.contains { if case .textTooLong(_, let n) = $0.kind { n > 40_000 } else { false } } == true
        }
        #expect(SheetRenderer.visibleLength(Array("<is><t>a&amp;密</t></is>".utf8)) == 3)
    }
}
