import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct DeflatedPartTests {
    /// Several megabytes, written in uneven pieces, so that blocks are deflated on the second thread while more is written.
    private static func bytes(_ count: Int) -> [UInt8] {
        var state: UInt32 = 2020
        return (0..<count).map { i in
            state = state &* 1_103_515_245 &+ 12345
            return i % 7 == 0 ? UInt8(truncatingIfNeeded: state >> 16) : UInt8(ascii: "a") + UInt8(i % 26)
        }
    }

    @Test func partWrittenInPiecesIsStoredDeflatedAndReadsBackTheSame() throws {
        let content = Self.bytes(3 << 20 + 12345)
        let part = try DeflatedPart()
        var offset = 0
        var step = 1
        while offset < content.count {
            let end = min(content.count, offset + step)
            part.write(Array(content[offset..<end]))
            offset = end
            step = step * 3 % 700_001 + 1
        }
        #expect(part.size == content.count)
        let summary = try part.finish()
        #expect(summary.size == content.count)
        #expect(summary.compressedSize < content.count)
        #expect(try part.contents() == content)

        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        package.setPart("xl/worksheets/sheet1.xml", file: part)
        let bytes = try package.serialized()
        #expect(try package.serialized() == bytes)
        let reread = try OOXMLPackage(bytes: bytes, label: "deflated part")
        let entry = try #require(reread.archive.entry(named: "xl/worksheets/sheet1.xml"))
        #expect(entry.compressedSize == UInt64(summary.compressedSize), "libzip deflated the part again")
        #expect(try reread.data(of: "xl/worksheets/sheet1.xml") == content)
    }

    /// The first bytes of a part are inflated without the rest — from a part being written, from the archive
    /// it was written into, from memory — and custom XML parts are told apart by them, a root tag longer than
    /// the bytes looked at included.
    @Test func aPartsFirstBytesAreReadWithoutTheRest() throws {
        let content = Self.bytes(3 << 20 + 7)
        let part = try DeflatedPart()
        part.write(content)
        #expect(try part.prefix(10) == Array(content.prefix(10)))
        #expect(try part.prefix(200_000) == Array(content.prefix(200_000)))
        #expect(try part.prefix(content.count + 5) == content)
        let empty = try DeflatedPart()
        #expect(try empty.prefix(10) == [])

        let records = try DeflatedPart()
        records.write(Array("<?xml version=\"1.0\"?><records xmlns=\"urn:test:records\">".utf8))
        for i in 0..<50_000 { records.write(Array("<r>\(i)</r>".utf8)) }
        records.write(Array("</records>".utf8))
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        try package.setCustomXMLPart(Array("<case xmlns=\"urn:test:case\"/>".utf8), namespace: "urn:test:case", itemID: "{1}")
        try package.setCustomXMLPart(file: records, namespace: "urn:test:records", itemID: "{2}")
        let longTag = "<long xmlns=\"urn:test:long\" a=\"" + String(repeating: "x", count: 100_000) + "\"/>"
        try package.setCustomXMLPart(Array(longTag.utf8), namespace: "urn:test:long", itemID: "{3}")
        for reading in [package, try OOXMLPackage(bytes: try package.serialized(), label: "written")] {
            let parts = try ["urn:test:case", "urn:test:records", "urn:test:long"].map { try reading.customXMLParts(namespace: $0) }
            #expect(parts.map(\.count) == [1, 1, 1])
            #expect(Set(parts.flatMap { $0 }).count == 3)
            let head = try reading.head(of: parts[1][0])
            #expect(head.count == OOXMLPackage.streamPrefix)
            #expect(head.starts(with: Array("<?xml version=\"1.0\"?><records".utf8)))
        }
    }

    @Test func emptyPartIsAValidEntry() throws {
        let part = try DeflatedPart()
        let summary = try part.finish()
        #expect(summary.size == 0)
        #expect(try part.contents() == [])
        var package = try OOXMLPackage(contentsOf: Fixture.path("libreoffice.xlsx"))
        package.setPart("xl/empty.bin", file: part)
        let reread = try OOXMLPackage(bytes: try package.serialized(), label: "empty part")
        #expect(try reread.data(of: "xl/empty.bin") == [])
    }

    @Test func temporaryFileGoesWithThePart() throws {
        var path = ""
        do {
            let part = try DeflatedPart()
            part.write(Array("<x/>".utf8))
            path = try part.finish().path
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
