import Foundation
import Testing
@testable import PaperworkOOXML
import PaperworkTestSupport

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

    @Test(.enabled(if: ReadOnlyFolder.available, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func readOnlyFolderLeavesNothingBehind() throws {
        try ReadOnlyFolder.with { (folder: ReadOnlyFolder) throws in
            let path = folder.path + "/a.docx"
            #expect {
                try AtomicFile.write([1], to: path, overwrite: false)
            } throws: { error in
                (error as? OutputError)?.message(.zh).contains(path) == true
            }
            #expect(try folder.contents().isEmpty)
        }
    }
}
