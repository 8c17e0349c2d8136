import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct PackageTests {
    @Test(arguments: ["libreoffice.docx", "libreoffice.xlsx"])
    func roundTripIsFaithfulAndDeterministic(name: String) throws {
        let original = try OOXMLPackage(contentsOf: Fixture.path(name))
        let first = try original.serialized()
        let second = try original.serialized()
        #expect(first == second)
        let reread = try OOXMLPackage(bytes: first, label: "round trip")
        #expect(reread.archive.entries.first?.name == "[Content_Types].xml")
        #expect(Set(reread.partNames) == Set(original.partNames))
        for part in original.partNames where part != "[Content_Types].xml" {
            #expect(try reread.data(of: part) == original.data(of: part), "\(part)")
            let before = original.archive.entry(named: part)!
            let after = reread.archive.entry(named: part)!
            #expect(after.compressedSize == before.compressedSize, "\(part) was recompressed")
        }
    }

    @Test func mainPartAndRelationshipsAreFoundThroughRels() throws {
        let docx = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        #expect(try docx.mainDocumentPart() == "word/document.xml")
        #expect(try docx.related(to: "word/document.xml", kind: "styles") == ["word/styles.xml"])
        #expect(docx.contentType(of: "word/document.xml")?.hasSuffix("document.main+xml") == true)
        let xlsx = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        let book = try xlsx.mainDocumentPart()
        #expect(book == "xl/workbook.xml")
        #expect(try xlsx.related(to: book, kind: "worksheet") == ["xl/worksheets/sheet1.xml"])
    }

    @Test func partsCanBeReplacedAddedAndRemoved() throws {
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        var doc = try package.xml(of: "word/document.xml")
        doc.root[attribute: "data-test"] = "1"
        package.setPart("word/document.xml", xml: doc)
        package.setPart("customXml/item1.xml", bytes: Array("<x/>".utf8), contentType: "application/xml+test")
        package.removePart("docProps/custom.xml")
        let reread = try OOXMLPackage(bytes: try package.serialized(), label: "edited")
        #expect(try reread.xml(of: "word/document.xml").root[attribute: "data-test"] == "1")
        #expect(reread.contentType(of: "customXml/item1.xml") == "application/xml+test")
        #expect(!reread.contains("docProps/custom.xml"))
        #expect(!reread.contentTypes.overrides.contains { $0.part == "docProps/custom.xml" })
    }

    /// A package written to a file is written as libzip makes it, into the temporary file: the same bytes as
    /// `serialized()`, with copied, replaced and deflated parts; one opened from its file reads as one opened from bytes.
    @Test func writingStreamsTheSameBytesAsSerializingAndReadingFromTheFileMatchesBytes() throws {
        let dir = NSTemporaryDirectory() + "paperwork-package-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        package.setPart("customXml/item1.xml", bytes: Array("<x/>".utf8), contentType: "application/xml")
        let part = try DeflatedPart()
        for i in 0..<20_000 { part.write(Array("<r n=\"\(i)\">名称 \(i)</r>".utf8)) }
        package.setPart("customXml/item2.xml", file: part)
        let path = dir + "/out.xlsx"
        try package.write(to: path, overwrite: false)
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == (try package.serialized()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.xlsx"])
        let fromFile = try OOXMLPackage(contentsOf: path), fromBytes = try OOXMLPackage(bytes: written, label: path)
        for name in fromBytes.partNames { #expect(try fromFile.data(of: name) == fromBytes.data(of: name), "\(name)") }
        #expect(try fromFile.independentCopy().data(of: "customXml/item2.xml") == part.contents())
        #expect(throws: PackageError.output(.exists(path: path))) { try package.write(to: path, overwrite: false) }
        try package.write(to: path, overwrite: true)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == written)
    }

    @Test func aFolderOrAMissingFileIsNoPackage() {
        #expect(throws: PackageError.self) { try OOXMLPackage(contentsOf: NSTemporaryDirectory()) }
        #expect(throws: PackageError.self) { try OOXMLPackage(contentsOf: NSTemporaryDirectory() + "/no-such-" + UUID().uuidString + ".xlsx") }
    }

    @Test func partNamesResolveRelativeTargets() {
        #expect(PartName.resolve("../media/a.png", against: "word/") == "media/a.png")
        #expect(PartName.resolve("/xl/sharedStrings.xml", against: "xl/") == "xl/sharedStrings.xml")
        #expect(PartName.relationshipsPart(of: "word/document.xml") == "word/_rels/document.xml.rels")
        #expect(PartName.relationshipsPart(of: "") == "_rels/.rels")
    }

    /// Part names are the same without regard to case, ASCII or not; a content type override is found and replaced so.
    @Test func partNamesCompareWithoutCase() throws {
        #expect(PartName.same("word/Document.XML", "word/document.xml"))
        #expect(!PartName.same("word/document.xml", "word/document2.xml"))
        #expect(!PartName.same("word/a@b.xml", "word/a`b.xml"))
        #expect(PartName.same("word/Ärger.xml", "word/ärger.xml"))
        #expect(PartName.names("/word/../word/Document.xml", "word/document.xml"))
        #expect(!PartName.names("/word/other.xml", "word/document.xml"))
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        package.setPart("customXml/Item9.xml", bytes: Array("<a/>".utf8), contentType: "application/xml")
        package.setPart("customXml/Item9.xml", bytes: Array("<b/>".utf8), contentType: "text/xml")
        #expect(package.contentType(of: "CUSTOMXML/ITEM9.XML") == "text/xml")
        let reread = try OOXMLPackage(bytes: try package.serialized(), label: "case")
        #expect(reread.contentTypes.overrides.filter { PartName.same($0.part, "customXml/item9.xml") }.count == 1)
    }

    @Test func independentCopiesWorkOnSeveralThreads() async throws {
        let package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        let expected = try package.serialized()
        try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<8 {
                let copy = try package.independentCopy()
                group.addTask { try copy.serialized() }
            }
            for try await bytes in group { #expect(bytes == expected) }
        }
    }
}
