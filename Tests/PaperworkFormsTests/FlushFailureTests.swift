import Foundation
import PaperworkForms
import PaperworkOOXML
import Testing

/// A disk that does not flush: `fsync`/`syncfs` answering EIO, through the package seam
/// `AtomicFile.failingFlushes` (a failing disk cannot be made in the test container). Each test names only
/// its own scratch folder, so tests running beside it flush as usual.
@Suite struct FlushFailureTests {
    static let eio = SystemError(.flush, code: EIO)

    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "flush-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return URL(fileURLWithPath: dir).standardizedFileURL.path
    }

    func failing<T>(_ folder: String, _ body: () throws -> T) rethrows -> T {
        AtomicFile.failingFlushes.withLock { $0[folder] = EIO }
        defer { _ = AtomicFile.failingFlushes.withLock { $0.removeValue(forKey: folder) } }
        return try body()
    }

    @Test func aFileWhoseFlushFailsIsNotMovedIntoPlace() throws {
        let dir = try scratch()
        let path = dir + "/agreement.docx"
        #expect(throws: OutputError.notFlushed(path: path, cause: Self.eio)) {
            try failing(dir) { try AtomicFile.write(Array("bytes".utf8), to: path, overwrite: false) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no file and no temporary file is left")
        try AtomicFile.write(Array("bytes".utf8), to: path, overwrite: false)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    /// A batch of the twelve tenants: the file system's flush fails, so no document of the group is moved into
    /// place; each is reported as not flushed with the system's error, and so is the folder.
    @Test func aBatchWhoseFlushFailsMovesNothingAndSaysSoForEachDocument() throws {
        let dir = try scratch()
        let landlord = ["甲方.名称=北京密云示例国有资产经营有限公司", "甲方.信用代码=91110228MA0030003Y", "甲方.地址=北京市密云区鼓楼东大街18号",
                        "甲方.法定代表人=张建国", "甲方.联系电话=010-69043376", "签订日期=2020-05-20"]
        let fill = FillJob(data: Repo.root + "/Samples/rent-reduction-agreement/tenants.csv", template: nil,
                           form: try Repo.catalog.form("rent-reduction-agreement"), policy: Repo.policy, options: LoadOptions(settings: landlord))
        let summary = try failing(dir) { try BatchJob(fill: fill, outDir: dir).run() }
        #expect(summary.written.isEmpty)
        #expect(summary.failed.count == 12)
        for (file, error) in summary.failed {
            #expect(error as? OutputError == .notFlushed(path: file, cause: Self.eio), "\(file): \(error)")
            let message = try #require(error as? OutputError).message(.zh)
            #expect(message.contains(Self.eio.message(.zh)), "\(message)")
        }
        #expect(summary.folderNotFlushed == .folderNotFlushed(folder: dir, cause: Self.eio))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "no document and no temporary file is left")

        let again = try BatchJob(fill: fill, outDir: dir).run()
        #expect(again.written.count == 12 && again.failed.isEmpty && again.folderNotFlushed == nil)
    }
}
