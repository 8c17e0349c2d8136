import Foundation
import PaperworkOOXML
import Testing

/// The README's library example is `Examples/Readme/main.swift`, word for word: the package builds it, and this
/// test runs it in a folder that holds the forms and samples, as a user would after copying it.
@Suite struct ReadmeExampleTests {
    static let source = CLI.root + "/Examples/Readme/main.swift"

    @Test func theReadmeShowsTheExampleAsItIsBuilt() throws {
        let readme = try String(contentsOfFile: CLI.root + "/README.md", encoding: .utf8)
        let example = try String(contentsOfFile: Self.source, encoding: .utf8)
        #expect(readme.contains("```swift\n" + example + "```\n"))
    }

    @Test func theExampleRunsAndWritesTheAgreements() throws {
        let folder = CLI.scratch()
        for item in ["Templates", "Samples"] {
            try FileManager.default.createSymbolicLink(atPath: folder + "/" + item, withDestinationPath: CLI.root + "/" + item)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path + "/readme-example")
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = CLI.environment()
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let agreements = CLI.files(folder + "/out").filter { $0.hasSuffix(".docx") }
        let batch = CLI.files(folder + "/out/batch").filter { $0.hasSuffix(".docx") }
        #expect(!agreements.isEmpty)
        #expect(batch.count > 1)
        #expect(text.contains("\(batch.count) documents in out/batch"))
        #expect(text.contains("not read: Samples/no-such-file.csv — Samples/no-such-file.csv: cannot be read"), "the typed catch's case")
        for file in agreements.map({ folder + "/out/" + $0 }) + batch.map({ folder + "/out/batch/" + $0 }) {
            #expect(throws: Never.self) { _ = try OOXMLPackage(contentsOf: file) }
        }
    }
}
