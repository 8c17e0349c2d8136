import ArgumentParser
import Foundation
import PaperworkForms

/// How the commands that check case data report their findings: on standard error or as JSON, and in a report file.
struct FindingOptions: ParsableArguments {
    @Option(help: "校验结果格式 findings as text or json")
    var format: FindingFormat = .text

    @Option(help: "把全部校验结果写入文件 write every finding to a report: .xlsx, .csv or .json")
    var report: String?

    /// Checks, before any work, that the report file can be written.
    func checkReport(overwrite: Bool) throws {
        if let report { try FindingReport.checkTarget(report, overwrite: overwrite) }
    }

    /// Prints the findings (and writes the report file); throws exit status 1 when any is an error.
    func report(_ prepared: PreparedCases, output: OutputOptions, overwrite: Bool, blocking: Bool = true) throws {
        if let report {
            try FindingReport.write(prepared, to: report, overwrite: overwrite)
            output.say(zh: "校验报告：\(report)（\(prepared.findings.count) 条）", en: "report: \(report) (\(prepared.findings.count) findings)", toError: true)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.print(String(decoding: try encoder.encode(prepared.findings), as: UTF8.self))
        case .text:
            for finding in prepared.findings {
                Console.error(finding.line(output.language, file: prepared.file))
            }
        }
        if prepared.hasErrors && blocking {
            let errors = prepared.findings.filter { $0.severity == .error }.count
            output.say(zh: "发现 \(errors) 个错误，未生成任何文件", en: "\(errors) error(s); nothing was written", toError: true)
            throw ExitCode(ExitStatus.invalidData)
        }
    }
}

enum FindingFormat: String, ExpressibleByArgument {
    case text, json
}
