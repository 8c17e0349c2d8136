import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing

/// On a 2 MB tmpfs: the system's own "no space left" and "read-only file system".
@Suite(.serialized, .enabled(if: Tmpfs.available, Comment(rawValue: Tmpfs.unavailableReason)))
struct SmallFileSystemTests {
    /// `count` tenants with distinct names and credit codes, from the sample's rows.
    static func tenants(_ count: Int, in dir: String) throws -> String {
        let sample = try String(contentsOfFile: CLI.root + "/Samples/rent-reduction-agreement/tenants.csv", encoding: .utf8)
        var lines = sample.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        let rows = (0..<count).map { i -> String in
            var f = lines[i % lines.count].components(separatedBy: ",")
            f[0] = "满盘测试承租企业\(i)有限公司"; f[1] = creditCode(7000 + i)
            return f.joined(separator: ",")
        }
        try ([header] + rows).joined(separator: "\n").write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
        return dir + "/t.csv"
    }

    static func batch(_ csv: String, into folder: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["batch", "--form", "rent-reduction-agreement", csv, "--out-dir", folder, "-q"] + CLI.landlord + extra)
    }

    /// Every file a user can see opens as a complete package; temporary files are hidden.
    static func visibleFilesAreComplete(_ folder: String) -> [String] {
        let visible = CLI.files(folder).filter { !$0.hasPrefix(".") }
        for file in visible { #expect(throws: Never.self, "\(file)") { _ = try OOXMLPackage(contentsOf: folder + "/" + file) } }
        return visible
    }

    @Test func aBatchThatFillsTheDiskLeavesOnlyCompleteFilesAndResumeFinishesOnceThereIsRoom() throws {
        let disk = try Tmpfs(size: "2m")
        defer { disk.remove() }
        let csv = try Self.tenants(120, in: CLI.scratch())
        let filler = disk.path + "/filler"
        try Data(count: 1_600_000).write(to: URL(fileURLWithPath: filler))
        try FileManager.default.createDirectory(atPath: disk.path + "/out", withIntermediateDirectories: true)
        let full = try Self.batch(csv, into: disk.path + "/out")
        #expect(full.status == 3, "\(full.err)")
        #expect(full.err.contains("磁盘空间已满"), "\(full.err.prefix(600))")
        #expect(!full.err.contains("No space"), "the system's English text leaked: \(full.err.prefix(600))")
        let written = Self.visibleFilesAreComplete(disk.path + "/out")
        #expect(written.count > 0 && written.count < 120, "\(written.count) written")
        let failedLines = full.err.split(separator: "\n").filter { $0.contains("写入失败") }
        #expect(failedLines.count == 120 - written.count, "\(full.err.prefix(600))")

        try FileManager.default.removeItem(atPath: filler)
        let resumed = try Self.batch(csv, into: disk.path + "/out", ["--resume"])
        #expect(resumed.status == 0, "\(resumed.err)")
        let all = Self.visibleFilesAreComplete(disk.path + "/out")
        #expect(all.count == 120)
        #expect(CLI.files(disk.path + "/out").count == 120, "leftover temporary files: \(CLI.files(disk.path + "/out").filter { $0.hasPrefix(".") })")
    }

    @Test(arguments: ["zh", "en"]) func aReadOnlyFileSystemIsAClearErrorAndNothingIsWritten(lang: String) throws {
        let disk = try Tmpfs(size: "2m")
        defer { disk.remove() }
        let csv = try Self.tenants(5, in: CLI.scratch())
        try FileManager.default.createDirectory(atPath: disk.path + "/out", withIntermediateDirectories: true)
        try disk.remountReadOnly()
        let batch = try Self.batch(csv, into: disk.path + "/out", ["--lang", lang])
        #expect(batch.status == 3, "\(batch.err)")
        #expect(batch.err.contains(lang == "zh" ? "文件系统是只读的" : "the file system is read-only"), "\(batch.err.prefix(600))")
        let fill = try CLI.run(["fill", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/valid.yaml",
                                "-o", disk.path + "/out/协议.docx", "--lang", lang])
        #expect(fill.status == 3, "\(fill.err)")
        #expect(fill.err.contains("协议.docx"))
        #expect(CLI.files(disk.path + "/out").isEmpty)
    }

    @Test func aFolderThatDisappearsMidBatchFailsTheRestAndLeavesOnlyCompleteFiles() throws {
        let disk = try Tmpfs(size: "2m")
        defer { disk.remove() }
        let csv = try Self.tenants(150, in: CLI.scratch())
        let out = disk.path + "/out", moved = disk.path + "/moved"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["batch", "--form", "rent-reduction-agreement", csv, "--out-dir", out, "--jobs", "1", "-q"] + CLI.landlord
        process.environment = CLI.environment()
        let err = Pipe()
        process.standardError = err
        try process.run()
        while CLI.files(out).filter({ !$0.hasPrefix(".") }).count < 5 && process.isRunning { usleep(5_000) }
        try FileManager.default.moveItem(atPath: out, toPath: moved)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let written = Self.visibleFilesAreComplete(moved)
        try #require(written.count < 150, "the batch finished before the folder moved; nothing was tested")
        #expect(process.terminationStatus == 3, "\(text.prefix(600))")
        #expect(text.contains("文件或目录不存在"), "\(text.prefix(600))")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
