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

    /// What a batch stages for a name that must not be taken: nothing is seen in the folder until it is committed,
    /// a committed file gets the mode new files get, a taken name is refused with the file there untouched, and a
    /// discarded one leaves nothing.
    @Test func stagedFilesAppearOnlyWhenCommitted() throws {
        let dir = Fixture.scratchFolder()
        let first = try AtomicFile.stage([1, 2], for: dir + "/a.docx", overwrite: false, flush: false)
        let second = try AtomicFile.stage([3], for: dir + "/b.docx", overwrite: false, flush: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.isEmpty)
        try AtomicFile.flushFileSystem(of: dir)
        try AtomicFile.commit(first, overwrite: false)
        AtomicFile.discard(second)
        #expect(FileManager.default.contents(atPath: dir + "/a.docx") == Data([1, 2]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["a.docx"])
        let mask = umask(0o022)
        umask(mask)
        let mode = (try FileManager.default.attributesOfItem(atPath: dir + "/a.docx")[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o666 & ~Int(mask))
        let late = try AtomicFile.stage([9], for: dir + "/c.docx", overwrite: false, flush: false)
        try AtomicFile.write([7], to: dir + "/c.docx", overwrite: false)
        #expect(throws: OutputError.exists(path: dir + "/c.docx")) { try AtomicFile.commit(late, overwrite: false) }
        #expect(FileManager.default.contents(atPath: dir + "/c.docx") == Data([7]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.docx", "c.docx"])
    }
}
