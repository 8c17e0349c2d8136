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
