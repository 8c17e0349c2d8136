import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct HostileInputTests {
    static let cases: [(file: String, expected: String)] = [
        ("not-a-zip.docx", "notAZip"),
        ("truncated.docx", "notAZip"),
        ("encrypted.docx", "encrypted"),
        ("bomb-ratio.docx", "bomb"),
        ("bomb-size.docx", "bomb"),
        ("dotdot.docx", "unsafeName"),
        ("absolute.docx", "unsafeName"),
        ("backslash.docx", "unsafeName"),
        ("duplicate.docx", "duplicateName"),
        ("no-content-types.docx", "missingContentTypes"),
        ("no-main-part.docx", "missingPart"),
    ]

    @Test(arguments: cases)
    func refusedWithClearErrorQuickly(file: String, expected: String) {
        let start = Date()
        do {
            _ = try OOXMLPackage(contentsOf: Fixture.path("hostile/" + file))
            Issue.record("\(file) was accepted")
        } catch {
            #expect(kind(of: error) == expected, "\(file): \(error)")
            let line = error.message(.zh)
            #expect(line.contains(file), "message names the file: \(line)")
            #expect(!line.contains("\n"))
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test(arguments: ["malformed.docx", "billion-laughs.docx", "external-entity.docx"])
    func badDocumentXMLIsRefusedWithItsPart(file: String) throws {
        let package = try OOXMLPackage(contentsOf: Fixture.path("hostile/" + file))
        let start = Date()
        #expect {
            _ = try package.xml(of: "word/document.xml")
        } throws: { error in
            let message = (error as? PackageError)?.message(.en) ?? ""
            return message.contains("word/document.xml") && message.contains(file)
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func corruptedEntryFailsOnReadNotWithGarbage() throws {
        let package = try OOXMLPackage(contentsOf: Fixture.path("hostile/bit-flipped.docx"))
        #expect(throws: PackageError.zip(.damaged(file: package.label, entry: "word/document.xml", cause: .compressedData))) {
            _ = try package.data(of: "word/document.xml")
        }
    }

    @Test func tensOfThousandsOfEntriesAreRefused() throws {
        let entries = (0..<20_000).map { ZipOutputEntry.data(name: "f\($0).xml", bytes: []) }
        let bytes = try ZipWriter.archive(entries, copyingFrom: nil)
        #expect(throws: PackageError.zip(.tooManyEntries(file: "many.docx", count: 20_000, limit: 10_000))) {
            _ = try OOXMLPackage(bytes: bytes, label: "many.docx")
        }
    }

    /// Found by fuzzing: an empty part's one-byte buffer was never freed (the address sanitizer's leak check names it).
    @Test func anEmptyPartIsStoredAndReadBackEmpty() throws {
        let bytes = try ZipWriter.archive([.data(name: "empty.xml", bytes: []), .data(name: "one.xml", bytes: [0x3C])], copyingFrom: nil)
        let archive = try ZipArchive(bytes: bytes, label: "empty.zip")
        #expect(archive.entries.map(\.name) == ["empty.xml", "one.xml"])
        #expect(try archive.read(archive.entries[0]) == [])
        #expect(try archive.read(archive.entries[1]) == [0x3C])
    }

    @Test func unsafeNamesAreRecognised() {
        for name in ["../a", "a/../../b", "/a", "a\\b", "C:/a", ""] { #expect(!ZipArchive.isSafe(name), "\(name)") }
        for name in ["word/document.xml", "[Content_Types].xml", "a..b/c"] { #expect(ZipArchive.isSafe(name), "\(name)") }
    }

    private func kind(of error: PackageError) -> String {
        switch error {
        case .zip(let z): String(describing: z).components(separatedBy: "(").first!
        default: String(describing: error).components(separatedBy: "(").first!
        }
    }
}

@Suite struct EmptyPartTests {
    @Test func anEmptyPartIsMalformedNotACrash() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        package.setPart("word/document.xml", bytes: [])
        let reread = try OOXMLPackage(bytes: try package.serialized(), label: "empty-part.docx")
        #expect(throws: PackageError.xml(file: "empty-part.docx", .malformed(part: "word/document.xml", line: 1, column: 0, cause: .emptyPart))) {
            _ = try reread.xml(of: "word/document.xml")
        }
        var book = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        book.setPart("xl/worksheets/sheet1.xml", bytes: [])
        let reader = try WorkbookReader(try OOXMLPackage(bytes: try book.serialized(), label: "empty-sheet.xlsx"))
        #expect(throws: PackageError.self) { try reader.rows(ofSheet: "xl/worksheets/sheet1.xml") { _ in } }
    }

    /// A sheet made by LibreOffice with an end tag broken on its second line: the row reader names the line, the
    /// column and the cause from its own table.
    @Test func aBrokenSheetNamesLineColumnAndCause() throws {
        var book = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        let sheet = "xl/worksheets/sheet1.xml"
        let text = String(decoding: try book.data(of: sheet), as: UTF8.self)
        let broken = try #require(text.range(of: "</row>")).lowerBound
        book.setPart(sheet, bytes: Array((text[..<broken] + "\n</rwo>" + text[broken...]).utf8))
        let reader = try WorkbookReader(try OOXMLPackage(bytes: try book.serialized(), label: "broken.xlsx"))
        let error = #expect(throws: PackageError.self) { try reader.rows(ofSheet: sheet) { _ in } }
        guard case .xml(let file, .malformed(let part, let line, let column, let cause))? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(file == "broken.xlsx" && part == sheet)
        #expect(line == text[..<broken].filter { $0 == "\n" }.count + 2 && column > 0)
        #expect(cause == .mismatchedEndTag)
        #expect(try #require(error).message(.zh).contains("结束标签与开始标签不匹配"))
    }
}

/// Cell references as a hostile sheet may write them: too many letters or digits are no reference, never an
/// arithmetic overflow (the xlsx fuzzer found `r="A"` followed by twenty digits; Fuzz/Regressions/xlsx).
@Suite struct CellReferenceTests {
    @Test func longReferencesAreRefusedNotOverflowed() {
        #expect(CellReference.parse("XFD1048576")! == (16383, 1_048_576))
        #expect(CellReference.parse("$B$7")! == (1, 7))
        #expect(CellReference.parse("A" + String(repeating: "9", count: 25)) == nil)
        #expect(CellReference.parse(String(repeating: "Z", count: 30) + "1") == nil)
        #expect(CellReference.parse("ABCD1") == nil)
    }
}
