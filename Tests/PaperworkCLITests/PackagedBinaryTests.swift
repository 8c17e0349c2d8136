import Foundation
import PaperworkOOXML
import Testing

/// The tarball `scripts/package` makes, unpacked and run as on a machine without Swift: no toolchain on `PATH`,
/// no `LD_LIBRARY_PATH`, no `PAPERWORK_TEMPLATES`, started through a link in a folder on `PATH`. `.ci/run` builds
/// the tarball (a release build with the runtime linked in takes minutes) and names it in `PAPERWORK_PACKAGE`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PAPERWORK_PACKAGE"] != nil,
                "set PAPERWORK_PACKAGE to a tarball made by scripts/package (.ci/run does)"))
struct PackagedBinaryTests {
    static let tarball = ProcessInfo.processInfo.environment["PAPERWORK_PACKAGE"] ?? ""

    /// The unpacked folder, and a `bin` folder whose `paperwork` is a link to the unpacked binary.
    static func unpacked() throws -> (folder: String, bin: String) {
        let scratch = CLI.scratch()
        let tar = try run("/bin/tar", ["-xzf", tarball, "-C", scratch], in: scratch)
        #expect(tar.status == 0, "\(tar.err)")
        let top = try #require(CLI.files(scratch).first { $0.hasPrefix("paperwork-") })
        let bin = scratch + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/paperwork", withDestinationPath: scratch + "/" + top + "/paperwork")
        return (scratch + "/" + top, bin)
    }

    static func run(_ program: String, _ arguments: [String], in folder: String, path: String = "/usr/bin:/bin") throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": path, "HOME": folder, "LANG": "C.UTF-8"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    @Test func theBinaryNeedsNoSwiftLibrary() throws {
        let (folder, _) = try Self.unpacked()
        let ldd = try Self.run("/usr/bin/ldd", [folder + "/paperwork"], in: folder)
        #expect(ldd.status == 0, "\(ldd.err)")
        for line in ldd.out.split(separator: "\n") {
            for swiftLibrary in ["libswift", "libFoundation", "libdispatch", "libBlocksRuntime", "lib_FoundationICU", "not found"] {
                #expect(!line.contains(swiftLibrary), "\(line)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/Templates/policy/miyun-2020.yaml"))
    }

    @Test func theSamplesFillWithNoToolchainOnThePath() throws {
        let (folder, bin) = try Self.unpacked()
        let path = bin + ":/usr/bin:/bin"
        let forms = try Self.run(bin + "/paperwork", ["forms"], in: folder, path: path)
        #expect(forms.status == 0, "\(forms.err)")
        for name in ["rent-reduction-agreement", "interest-subsidy-application", "hr-enterprise-list"] {
            #expect(forms.out.contains(name))
        }
        let samples = CLI.root + "/Samples"
        let runs: [([String], String)] = [
            (["fill", "--form", "rent-reduction-agreement", samples + "/rent-reduction-agreement/valid.yaml", "-o", "agreement.docx"], "agreement.docx"),
            (["fill", "--form", "interest-subsidy-application", samples + "/interest-subsidy-application/valid.yaml", "-o", "subsidy.docx"], "subsidy.docx"),
            (["fill", "--form", "hr-enterprise-list", samples + "/hr-enterprise-list/enterprises-gb18030.csv"] + CLI.department + ["-o", "list.xlsx"], "list.xlsx"),
        ]
        for (arguments, output) in runs {
            let r = try Self.run(bin + "/paperwork", arguments, in: folder, path: path)
            #expect(r.status == 0, "\(arguments): \(r.err)")
            #expect(throws: Never.self) { _ = try OOXMLPackage(contentsOf: folder + "/" + output) }
        }
        let invalid = try Self.run(bin + "/paperwork", ["validate", "--form", "rent-reduction-agreement",
                                                         samples + "/rent-reduction-agreement/invalid.json"], in: folder, path: path)
        #expect(invalid.status == 1, "\(invalid.out)\(invalid.err)")
        #expect(invalid.out.contains("乙方") || invalid.err.contains("乙方"))
    }
}
