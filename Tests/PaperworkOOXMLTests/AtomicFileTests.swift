import Foundation
import Testing
@testable import PaperworkOOXML

@Suite struct AtomicFileTests {
    @Test func writesAndRefusesToOverwriteWithoutPermission() throws {
        let dir = Fixture.scratchFolder()
        let path = dir + "/out.docx"
        try AtomicFile.write([1, 2, 3], to: path, overwrite: false)
        #expect(throws: OutputError.exists(path: path)) { try AtomicFile.write([9], to: path, overwrite: false) }
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
        try AtomicFile.write([4], to: path, overwrite: true)
        #expect(FileManager.default.contents(atPath: path) == Data([4]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.docx"])
    }

    @Test func missingFolderIsAClearError() {
        let path = Fixture.scratchFolder() + "/nope/out.docx"
        #expect(throws: OutputError.folderMissing(path: path)) { try AtomicFile.write([1], to: path, overwrite: false) }
    }

    @Test func readOnlyFolderLeavesNothingBehind() throws {
        guard getuid() != 0 else { return }
        let dir = Fixture.scratchFolder()
        chmod(dir, 0o555)
        defer { chmod(dir, 0o755) }
        #expect(throws: OutputError.self) { try AtomicFile.write([1], to: dir + "/a.docx", overwrite: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }
}
