import Foundation
import Testing
@testable import PaperworkOOXML

/// Sheets and records parts are read as they are inflated, never held whole: rows come out the same, two
/// parts of one package can be read at once on two threads, and a damaged or hostile part is refused.
@Suite struct StreamedPartTests {
    static let sheet = "xl/worksheets/sheet1.xml"

    /// A workbook of `rows` rows of three cells, as bytes.
    func workbook(rows: Int) throws -> [UInt8] {
        let data = (0..<rows).map { i in [SimpleWorkbook.Cell.text("企业\(i)"), .number(Decimal(i)), .text(String(repeating: "备注", count: 8))] }
        return try SimpleWorkbook(sheetName: "数据", columns: Array(repeating: SimpleWorkbook.Column(width: 10), count: 3), rows: data,
                                  entryRows: 0).serialized()
    }

    /// The bytes of a package with `part` replaced, written and read again so that the part is the archive's own.
    func rewritten(_ bytes: [UInt8], _ part: String, _ text: String) throws -> OOXMLPackage {
        var package = try OOXMLPackage(bytes: bytes, label: "a.xlsx")
        package.setPart(part, bytes: Array(text.utf8))
        return try OOXMLPackage(bytes: try package.serialized(), label: "b.xlsx")
    }

    @Test func aLongSheetIsReadRowByRowFromTheArchive() throws {
        let package = try OOXMLPackage(bytes: try workbook(rows: 30_000), label: "long.xlsx")
        #expect(package.sourceEntry(of: Self.sheet) != nil, "the sheet is the archive's own, so it is streamed")
        #expect((package.size(of: Self.sheet) ?? 0) > OOXMLPackage.streamPrefix * 10)
        let reader = try WorkbookReader(package)
        var count = 0, last: SheetRow?
        try reader.rows(ofSheet: Self.sheet) { row in
            count += 1
            last = row
        }
        #expect(count == 30_000)
        #expect(last?.cells[0] == .text("企业29999"))
        if case .number(let n, _)? = last?.cells[1] { #expect(n == 29_999) } else { Issue.record("no number in the last row") }
    }

    @Test func twoPartsOfOnePackageAreReadAtOnceOnTwoThreads() async throws {
        let package = try OOXMLPackage(bytes: try workbook(rows: 5_000), label: "two.xlsx")
        let reader = try WorkbookReader(package)
        async let first: Int = Task.detached { var n = 0; try reader.rows(ofSheet: Self.sheet) { _ in n += 1 }; return n }.value
        async let second: Int = Task.detached { var n = 0; try reader.rows(ofSheet: Self.sheet) { _ in n += 1 }; return n }.value
        let (a, b) = try await (first, second)
        #expect(a == 5_000 && b == 5_000)
    }

    @Test func aPartChangedInMemoryIsReadFromMemory() throws {
        var package = try OOXMLPackage(bytes: try workbook(rows: 3), label: "m.xlsx")
        let text = String(decoding: try package.data(of: Self.sheet), as: UTF8.self).replacingOccurrences(of: "企业1", with: "改过")
        package.setPart(Self.sheet, bytes: Array(text.utf8))
        #expect(package.sourceEntry(of: Self.sheet) == nil)
        var names: [CellValue?] = []
        try WorkbookReader(package).rows(ofSheet: Self.sheet) { names.append($0.cells[0]) }
        #expect(names.contains(.text("改过")))
    }

    @Test func aDoctypeIsRefusedAtTheStartAndAfterALongProlog() throws {
        let bytes = try workbook(rows: 3)
        let body = String(decoding: try OOXMLPackage(bytes: bytes, label: "x").data(of: Self.sheet), as: UTF8.self)
        let root = try #require(body.range(of: "<worksheet"))
        let doctype = "<!DOCTYPE worksheet [<!ENTITY a \"b\">]>"
        for prolog in [doctype, "<!--" + String(repeating: "x", count: OOXMLPackage.streamPrefix + 10) + "-->" + doctype] {
            let package = try rewritten(bytes, Self.sheet, String(body[..<root.lowerBound]) + prolog + String(body[root.lowerBound...]))
            #expect(throws: PackageError.xml(file: "b.xlsx", .doctype(part: Self.sheet))) {
                try WorkbookReader(package).rows(ofSheet: Self.sheet) { _ in }
            }
            #expect(throws: PackageError.xml(file: "b.xlsx", .doctype(part: Self.sheet))) {
                try MarkupParser.forEachChild(ofPart: Self.sheet, in: package) { _ in }
            }
        }
    }

    @Test func aDamagedSheetFailsAsAZipErrorNotWithGarbage() throws {
        var bytes = try workbook(rows: 2_000)
        // The sheet's local header: its name, then the compressed data; a byte flipped in the middle of that data.
        let name = Array(Self.sheet.utf8)
        let signature: [UInt8] = [0x50, 0x4B, 3, 4]
        var found: Int?
        for i in 0..<(bytes.count - 30 - name.count) where Array(bytes[i..<(i + 4)]) == signature {
            if Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name { found = i; break }
        }
        let header = try #require(found)
        let compressed = Int(bytes[header + 18]) | Int(bytes[header + 19]) << 8 | Int(bytes[header + 20]) << 16
        let extra = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
        bytes[header + 30 + name.count + extra + compressed / 2] ^= 0xFF
        let package = try OOXMLPackage(bytes: bytes, label: "damaged.xlsx")
        #expect {
            try WorkbookReader(package).rows(ofSheet: Self.sheet) { _ in }
        } throws: { error in
            guard case .zip(let zip)? = error as? PackageError else { return false }
            return zip.message(.en).contains("damaged.xlsx")
        }
        #expect(throws: PackageError.self) { try MarkupParser.forEachChild(ofPart: Self.sheet, in: package) { _ in } }
    }

    @Test func aMalformedStreamedPartNamesItsLine() throws {
        let bytes = try workbook(rows: 3)
        let package = try rewritten(bytes, Self.sheet, "<worksheet>\n<sheetData>\n<row></sheetData>")
        #expect {
            try MarkupParser.forEachChild(ofPart: Self.sheet, in: package) { _ in }
        } throws: { error in
            guard case .xml(_, .malformed(let part, let line, _, let cause))? = error as? PackageError else { return false }
            return part == Self.sheet && line == 3 && cause == .mismatchedEndTag
        }
        #expect(throws: PackageError.self) { try WorkbookReader(package).rows(ofSheet: Self.sheet) { _ in } }
    }
}
