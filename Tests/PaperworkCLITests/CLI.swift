import Foundation
import PaperworkOOXML

/// Runs the built `paperwork` binary as a user would.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("paperwork").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return root + "/.build/debug/paperwork"
    }

    /// The sanitizers' options (their suppressions), passed on so that a binary built with a sanitizer reads them too.
    static let sanitizerOptions = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = environment(["PATH": "/usr/bin:/bin"])
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// The environment a spawned `paperwork` gets: the built-in forms, `values`, and where a binary built for coverage
    /// writes its profile — the folder `scripts/coverage` names, else the temporary folder (never `default.profraw`
    /// in the folder a test checks).
    static func environment(_ values: [String: String] = [:]) -> [String: String] {
        var environment = sanitizerOptions.merging(values) { $1 }
        environment["PAPERWORK_TEMPLATES"] = root + "/Templates"
        let folder = ProcessInfo.processInfo.environment["PAPERWORK_SPAWNED_PROFILES"] ?? NSTemporaryDirectory()
        environment["LLVM_PROFILE_FILE"] = folder + "/paperwork-%p.profraw"
        return environment
    }

    static func scratch() -> String {
        let dir = NSTemporaryDirectory() + "paperwork-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A scratch folder holding `t.csv`, the sample tenants with a bad credit code in row 3, and an empty `out` folder.
    static func tenantsWithOneBadRecord() throws -> String {
        let dir = scratch()
        var text = try String(contentsOfFile: root + "/Samples/rent-reduction-agreement/tenants.csv", encoding: .utf8)
        text = text.replacingOccurrences(of: "北京果园便利店有限公司,", with: "北京果园便利店有限公司,123,")
        try text.write(toFile: dir + "/t.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        return dir
    }

    /// What a clerk does with an init workbook: types a record under the sample row, like it (the `示例：` mark left out).
    static func fillSampleRowIn(_ entry: String, to path: String) throws {
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: entry))
        var rows: [[SimpleWorkbook.Cell]] = []
        try reader.rows(ofSheet: reader.sheets[0].part) { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            rows.append((0..<width).map { c -> SimpleWorkbook.Cell in
                switch row.cells[c] {
                case .text(let t)?: .text(t.hasPrefix("示例：") ? String(t.dropFirst(3)) : t)
                case .number(let n, _)?: .number(n)
                default: .empty
                }
            })
        }
        let record = rows[2]
        let columns = record.map { _ in SimpleWorkbook.Column(width: 12) }
        try AtomicFile.write(try SimpleWorkbook(sheetName: "录入", columns: columns, rows: [rows[0], record]).serialized(), to: path, overwrite: false)
    }

    static func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static let landlord = ["--set", "甲方.名称=北京密云示例国有资产经营有限公司", "--set", "甲方.信用代码=91110228MA0030003Y",
                           "--set", "甲方.地址=北京市密云区鼓楼东大街18号", "--set", "甲方.法定代表人=张建国",
                           "--set", "甲方.联系电话=010-69043376", "--set", "签订日期=2020-05-20"]
    static let department = ["--set", "部门=区商务局", "--set", "批次=2", "--set", "填报人=周明",
                             "--set", "联系电话=010-69041234", "--set", "填报日期=2020-05-12"]
}

/// Valid credit codes for invented enterprises.
func creditCode(_ serial: Int) -> String {
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    let org = String(format: "MB%06d", serial)
    let values = org.map { $0.wholeNumberValue ?? Int($0.asciiValue! - 55) }
    let c = 11 - zip(values, [3, 7, 9, 10, 5, 8, 4, 2]).map(*).reduce(0, +) % 11
    let first17 = "91110228" + org + (c == 10 ? "X" : c == 11 ? "0" : String(c))
    let sum = zip(first17, [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]).map { alphabet.firstIndex(of: $0.0)! * $0.1 }.reduce(0, +)
    return first17 + String(alphabet[(31 - sum % 31) % 31])
}
