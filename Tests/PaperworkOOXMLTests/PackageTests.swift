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

    @Test func partNamesResolveRelativeTargets() {
        #expect(PartName.resolve("../media/a.png", against: "word/") == "media/a.png")
        #expect(PartName.resolve("/xl/sharedStrings.xml", against: "xl/") == "xl/sharedStrings.xml")
        #expect(PartName.relationshipsPart(of: "word/document.xml") == "word/_rels/document.xml.rels")
        #expect(PartName.relationshipsPart(of: "") == "_rels/.rels")
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
