import Foundation
import PaperworkOOXML
import PaperworkTemplate
import PaperworkTestSupport
import Synchronization
import Testing

/// Bad input never costs data: each case ends in a clear error or a correct result.
@Suite(.serialized) struct HostileRunTests {
    static func letterTemplate(_ body: String, in dir: String) throws -> String {
        var package = try OOXMLPackage(contentsOf: CLI.root + "/Tests/PaperworkTemplateTests/Fixtures/word-style.docx")
        package.setPart("word/document.xml", bytes: Array("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
            """.utf8))
        package.removePart("word/header1.xml")
        package.removePart("word/footer1.xml")
        let path = dir + "/t.docx"
        try package.write(to: path, overwrite: true)
        return path
    }

    static func p(_ s: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(s)</w:t></w:r></w:p>" }

    @Test func tenThousandTagsAndFiftyNestedBlocksAndAFiveMegabyteParagraph() throws {
        let dir = CLI.scratch()
        let many = (0..<10_000).map { Self.p("{{v\($0 % 100)}}") }.joined()
        let nested = (0..<50).map { "{{#if c\($0)}}" }.joined() + "深" + (0..<50).map { _ in "{{/if}}" }.joined()
        let big = String(repeating: "密", count: 5 << 20 / 3) + "{{v0}}"
        let template = try DocxTemplate(package: try OOXMLPackage(contentsOf: try Self.letterTemplate(many + Self.p(nested) + Self.p(big), in: dir)))
        var data: [FieldKey: TemplateValue] = [:]
        for i in 0..<100 { data[FieldKey("v\(i)")] = .string("值\(i)") }
        for i in 0..<50 { data[FieldKey("c\(i)")] = .bool(true) }
        let filled = try template.render(.object(data))
        let texts = try filled.xml(of: "word/document.xml").root.all("p").map(\.textContent)
        #expect(texts.count == 10_002)
        #expect(texts.filter { $0 == "值99" }.count == 100)
        #expect(texts[10_000] == "深", "fifty nested blocks leave their content alone in its paragraph")
        #expect(texts[10_001].hasSuffix("密值0") && texts[10_001].count == 5 << 20 / 3 + 2)
    }

    @Test func dataWithEmojiRareCJKMarkupAndAHugeFieldFillsCorrectlyAndReadsBack() throws {
        let dir = CLI.scratch()
        let template = try DocxTemplate(package: try OOXMLPackage(contentsOf: try Self.letterTemplate(Self.p("{{a}}|{{b}}|{{c}}"), in: dir)))
        // As large as a value may be without a line break: 8,000,000 bytes, with the template's text beside it in one node.
        let huge = String(repeating: "字", count: 8_000_000 / 3) + "ab"
        #expect(huge.utf8.count == 8_000_000)
        let filled = try template.render(.object(["a": .string("😀𠀀"), "b": .string("<&>\"'"), "c": .string(huge)]))
        try filled.write(to: dir + "/o.docx", overwrite: false)
        let back = try OOXMLPackage(contentsOf: dir + "/o.docx")
        let texts = try back.xml(of: "word/document.xml").root.all("t").map(\.textContent)
        #expect(texts == ["😀𠀀|<&>\"'|" + huge])
    }

    @Test func aValueTooLongToReadBackIsADataProblemNamingItsFieldAndLineBreaksMakeItFit() throws {
        let dir = CLI.scratch()
        let template = try DocxTemplate(package: try OOXMLPackage(contentsOf: try Self.letterTemplate(Self.p("密{{c}}"), in: dir)))
        // 10 MiB without a break: over libxml2's 10,000,000 bytes for one text node, so the document could not be read back.
        let unbroken = String(repeating: "字", count: 10 << 20 / 3)
        let error = try #require(#expect(throws: TemplateError.self) { _ = try template.render(.object(["c": .string(unbroken)])) })
        guard case .problems(let problems) = error else { Issue.record("not the data's problems: \(error)"); return }
        #expect(problems.problems.map(\.kind) == [.textTooLarge(path: "c", bytes: unbroken.utf8.count)])
        #expect(problems.problems.allSatisfy { $0.isDataProblem })
        #expect(problems.problems[0].message(.zh).contains("字段 c 有一段 \(unbroken.utf8.count) 字节的文字中间没有换行"))
        // The same amount of text in lines of 1,000,000 bytes fills, and every line is read back.
        let line = String(repeating: "字", count: 1_000_000 / 3)
        let lines = Array(repeating: line, count: 11)
        let filled = try template.render(.object(["c": .string(lines.joined(separator: "\n"))]))
        try filled.write(to: dir + "/lines.docx", overwrite: false)
        let texts = try OOXMLPackage(contentsOf: dir + "/lines.docx").xml(of: "word/document.xml").root.all("t").map(\.textContent)
        #expect(texts == ["密" + line] + Array(repeating: line, count: 10))
    }

    @Test func emptyHeaderOnlyAndInvalidUTF8FilesAreClearErrors() throws {
        let dir = CLI.scratch()
        try Data().write(to: URL(fileURLWithPath: dir + "/empty.csv"))
        try Data("企业名称,统一社会信用代码\n".utf8).write(to: URL(fileURLWithPath: dir + "/header.csv"))
        try Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]).write(to: URL(fileURLWithPath: dir + "/bad.json"))
        try Data([0xFF, 0x81, 0x30, 0xFF, 0xFF]).write(to: URL(fileURLWithPath: dir + "/bad.csv"))
        for (file, words) in [("empty.csv", "没有任何记录"), ("header.csv", "没有任何记录"), ("bad.json", "格式错误"), ("bad.csv", "编码")] {
            let r = try CLI.run(["validate", "--form", "hr-enterprise-list", dir + "/" + file])
            #expect(r.status == 2, "\(file): \(r.err)")
            #expect(r.err.contains(file) && r.err.contains(words), "\(file): \(r.err)")
        }
    }

    @Test(.enabled(if: ReadOnlyFolder.available, Comment(rawValue: ReadOnlyFolder.unavailableReason)))
    func anUnwritableFolderLeavesNothingAndSaysWhy() throws {
        try ReadOnlyFolder.with { (folder: ReadOnlyFolder) throws in
            let r = try CLI.run(["fill", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/valid.yaml",
                                 "-o", folder.path + "/协议.docx"])
            #expect(r.status == 3, "\(r.err)")
            #expect(r.err.contains(folder.path + "/协议.docx"), "\(r.err)")
            #expect(try folder.contents().isEmpty)
        }
    }

    @Test func twoBatchesIntoOneFolderLoseNothing() throws {
        let dir = CLI.scratch()
        let args = ["batch", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/tenants.csv",
                    "--out-dir", dir, "-q"] + CLI.landlord
        let group = DispatchGroup()
        let statuses = LockedStatuses()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                statuses.add((try? CLI.run(args).status) ?? -1)
                group.leave()
            }
        }
        group.wait()
        #expect(statuses.values.contains(0) || statuses.values.allSatisfy { $0 == 3 })
        let files = CLI.files(dir)
        #expect(files.count == 12, "\(files)")
        for file in files { #expect(throws: Never.self) { _ = try OOXMLPackage(contentsOf: dir + "/" + file) } }
    }

    @Test func aKilledBatchLeavesOnlyCompleteFilesAndResumeFinishes() throws {
        let dir = CLI.scratch()
        let sample = try String(contentsOfFile: CLI.root + "/Samples/rent-reduction-agreement/tenants.csv", encoding: .utf8)
        var lines = sample.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines.removeFirst()
        let rows = (0..<400).map { i -> String in
            var f = lines[i % lines.count].components(separatedBy: ",")
            f[0] = "承租企业\(i)"; f[1] = creditCode(9000 + i)
            return f.joined(separator: ",")
        }
        try ([header] + rows).joined(separator: "\n").write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        let args = ["batch", "--form", "rent-reduction-agreement", dir + "/t.csv", "--out-dir", dir + "/out", "--jobs", "1", "-q"] + CLI.landlord
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.environment = CLI.environment()
        try process.run()
        while CLI.files(dir + "/out").filter({ !$0.hasPrefix(".") }).count < 20 && process.isRunning { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = CLI.files(dir + "/out").filter { !$0.hasPrefix(".") }
        #expect(partial.count >= 20 && partial.count < 400, "killed after 20 documents were complete")
        for file in partial { #expect(throws: Never.self) { _ = try OOXMLPackage(contentsOf: dir + "/out/" + file) } }
        let resumed = try CLI.run(args + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.err)")
        let done = CLI.files(dir + "/out")
        #expect(done.count == 400 && done.allSatisfy { !$0.hasPrefix(".") })
    }
}

final class LockedStatuses: Sendable {
    private let storage = Mutex<[Int32]>([])
    func add(_ s: Int32) { storage.withLock { $0.append(s) } }
    var values: [Int32] { storage.withLock { $0 } }
}
