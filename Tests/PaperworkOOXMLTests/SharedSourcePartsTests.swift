import Foundation
import Testing
@testable import PaperworkOOXML

/// A batch fills one copy of a package per document: what the copies share must never make one copy see another's edits.
@Suite struct SharedSourcePartsTests {
    private static let namespace = "urn:paperwork:test"

    private func item(_ text: String) -> [UInt8] {
        Array("<?xml version=\"1.0\"?><case xmlns=\"\(Self.namespace)\">\(text)</case>".utf8)
    }

    @Test func copiesOfOnePackageEachGetTheirOwnCustomXMLItem() throws {
        let template = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        var first = template, second = template
        try first.setCustomXMLPart(item("一"), namespace: Self.namespace, itemID: "{00000000-0000-0000-0000-000000000001}")
        try second.setCustomXMLPart(item("二"), namespace: Self.namespace, itemID: "{00000000-0000-0000-0000-000000000002}")
        let a = try OOXMLPackage(bytes: try first.serialized(), label: "first")
        let b = try OOXMLPackage(bytes: try second.serialized(), label: "second")
        let partA = try #require(try a.customXMLParts(namespace: Self.namespace).first)
        let partB = try #require(try b.customXMLParts(namespace: Self.namespace).first)
        #expect(partA == partB)
        #expect(String(decoding: try a.data(of: partA), as: UTF8.self).contains("一"))
        #expect(String(decoding: try b.data(of: partB), as: UTF8.self).contains("二"))
        #expect(try template.customXMLParts(namespace: Self.namespace).isEmpty, "the template itself was changed")
        let main = try a.mainDocumentPart()
        #expect(try a.relationships(of: main).filter { $0.targetPart == partA }.count == 1)
    }

    /// An item added once to a package (as a batch adds it to its template) is filled in each copy: the copies share
    /// the item's part names and content types, each holds its own data and data store id, and a package whose
    /// content types were not changed keeps the source's `[Content_Types].xml` as it is.
    @Test func anItemAddedOnceIsFilledInEachCopy() throws {
        var prepared = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        let slot = try prepared.customXMLItem(namespace: Self.namespace, placeholder: item(""))
        let template = try OOXMLPackage(bytes: try prepared.serialized(), label: "prepared")
        #expect(try template.customXMLParts(namespace: Self.namespace) == [slot.part])
        var first = template, second = template
        first.fill(slot, with: item("一"), itemID: "{00000000-0000-0000-0000-000000000001}")
        second.fill(slot, with: item("二"), itemID: "{00000000-0000-0000-0000-000000000002}")
        for (copy, text, id) in [(first, "一", "1}"), (second, "二", "2}")] {
            let bytes = try copy.serialized()
            let read = try OOXMLPackage(bytes: bytes, label: text)
            #expect(String(decoding: try read.data(of: slot.part), as: UTF8.self).contains(text))
            let props = try #require(slot.properties)
            #expect(String(decoding: try read.data(of: props), as: UTF8.self).contains(id))
            #expect(try storedContentTypes(bytes) == storedContentTypes(try prepared.serialized()))
            #expect(read.contentType(of: props) == "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
        }
        // setCustomXMLPart on a package that already holds the item fills it, with the new id.
        var again = template
        try again.setCustomXMLPart(item("三"), namespace: Self.namespace, itemID: "{00000000-0000-0000-0000-000000000003}")
        #expect(String(decoding: try again.data(of: try #require(slot.properties)), as: UTF8.self).contains("003}"))
        #expect(try again.customXMLParts(namespace: Self.namespace) == [slot.part])
    }

    /// The source's `[Content_Types].xml` is copied byte for byte while no content type changes; a change writes it anew.
    @Test func contentTypesAreCopiedUntilOneChanges() throws {
        let source = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        var edited = source
        edited.setPart("word/document.xml", bytes: try source.data(of: "word/document.xml"))
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.path("libreoffice.docx"))))
        #expect(try storedContentTypes(try edited.serialized()) == storedContentTypes(original))
        #expect(try storedContentTypes(original) != MarkupSerializer.serialize(MarkupParser.parse(storedContentTypes(original), part: "ct")),
                "LibreOffice's own bytes, not ours")
        edited.setPart("word/extra.xml", bytes: Array("<x/>".utf8), contentType: "application/xml")
        let rewritten = try OOXMLPackage(bytes: try edited.serialized(), label: "rewritten")
        #expect(rewritten.contentType(of: "word/extra.xml") == "application/xml")
    }

    private func storedContentTypes(_ zip: [UInt8]) throws -> [UInt8] {
        let archive = try ZipArchive(bytes: zip, label: "zip")
        return try archive.read(try #require(archive.entries.first { $0.name == "[Content_Types].xml" }))
    }

    /// A copy whose main relationships were replaced before the item is added keeps its own relationships, not the source's.
    @Test func aReplacedRelationshipsPartIsReadAsItNowIs() throws {
        let template = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        var warmed = template
        try warmed.setCustomXMLPart(item("先"), namespace: Self.namespace, itemID: "{00000000-0000-0000-0000-000000000003}")
        var edited = template
        let main = try edited.mainDocumentPart()
        let relsPart = PartName.relationshipsPart(of: main)
        let before = try edited.relationships(of: main)
        var rels = try edited.xml(of: relsPart)
        rels.root.children.append(.element(MarkupElement("Relationship", attributes: [
            MarkupAttribute("Id", "rId900"), MarkupAttribute("Type", "http://example.com/extra"), MarkupAttribute("Target", "extra.xml"),
        ])))
        edited.setPart(relsPart, xml: rels)
        #expect(try edited.relationships(of: main).count == before.count + 1)
        try edited.setCustomXMLPart(item("后"), namespace: Self.namespace, itemID: "{00000000-0000-0000-0000-000000000004}")
        let after = try OOXMLPackage(bytes: try edited.serialized(), label: "edited").relationships(of: main)
        #expect(after.contains { $0.id == "rId900" })
        #expect(after.contains { $0.type == OOXMLPackage.customXMLType })
        #expect(after.count == before.count + 2)
    }

    @Test func smallPartsAreDeflatedInMemoryAndReadBack() throws {
        let text = Array(String(repeating: "<w:p><w:r><w:t>2020年5月14日 13,800.00元</w:t></w:r></w:p>", count: 300).utf8)
        let deflated = try #require(Deflater.deflate(text))
        #expect(deflated.size == text.count)
        #expect(deflated.compressed.count < text.count / 10)
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.docx"))
        package.setPart("word/extra.xml", bytes: text)
        package.setPart("word/empty.xml", bytes: [])
        let reread = try OOXMLPackage(bytes: try package.serialized(), label: "deflated in memory")
        #expect(try reread.data(of: "word/extra.xml") == text)
        #expect(try reread.data(of: "word/empty.xml") == [])
        let entry = try #require(reread.archive.entry(named: "word/extra.xml"))
        #expect(entry.compressedSize == UInt64(deflated.compressed.count))
    }
}
