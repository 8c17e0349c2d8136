import ArgumentParser
import Foundation
import PaperworkForms
import PaperworkOOXML

/// Options every command shares: the language of messages.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "消息语言 zh（默认）或 en — language of messages.")
    var language: Language = .zh

    @Flag(name: .shortAndLong, help: "只报告错误 print errors only")
    var quiet = false

    @Option(help: "校验结果格式 findings as text or json")
    var format: FindingFormat = .text

    @Option(help: "把全部校验结果写入文件 write every finding to a report: .xlsx, .csv or .json")
    var report: String?

    /// Prints the findings (and writes the report file); throws exit status 1 when any is an error.
    func report(_ prepared: PreparedCases, blocking: Bool = true) throws {
        if let report {
            try FindingReport.write(prepared, to: report, overwrite: true)
            say(zh: "校验报告：\(report)（\(prepared.findings.count) 条）", en: "report: \(report) (\(prepared.findings.count) findings)", toError: true)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.print(String(decoding: try encoder.encode(prepared.findings), as: UTF8.self))
        case .text:
            for finding in prepared.findings {
                Console.error(finding.line(language, file: prepared.file))
            }
        }
        if prepared.hasErrors && blocking {
            let errors = prepared.findings.filter { $0.severity == .error }.count
            say(zh: "发现 \(errors) 个错误，未生成任何文件", en: "\(errors) error(s); nothing was written", toError: true)
            throw ExitCode(ExitStatus.invalidData)
        }
    }

    /// The end of a batch: written, kept, skipped, failed, time; exit status 3 when anything failed or it was interrupted.
    func summarize(_ s: BatchSummary) throws {
        for failure in s.failed { say(zh: "写出失败 \(failure.file)：\(failure.reason)", en: "failed \(failure.file): \(failure.reason)", toError: true) }
        if let note = s.pdfNote { say(zh: note, en: note, toError: true) }
        let time = String(format: "%.1f", s.seconds)
        say(zh: "已写出 \(s.written.count) 份，保留已完成 \(s.kept.count) 份，跳过无效记录 \(s.invalid) 条，失败 \(s.failed.count) 份，用时 \(time) 秒"
                + (s.merged.map { "；合并文件 \($0)" } ?? ""),
            en: "written \(s.written.count), kept \(s.kept.count), invalid skipped \(s.invalid), failed \(s.failed.count), \(time) s"
                + (s.merged.map { "; merged file \($0)" } ?? ""))
        if s.interrupted {
            say(zh: "已中断：只留下完整的文件；用 --resume 继续", en: "interrupted: only complete files remain; run again with --resume", toError: true)
        }
        if s.interrupted || !s.failed.isEmpty { throw ExitCode(ExitStatus.outputFailed) }
    }

    /// A line for the user, unless `--quiet`.
    func say(zh: String, en: String, toError: Bool = false) {
        guard !quiet || toError else { return }
        let text = language == .zh ? zh : en
        if toError { Console.error(text) } else { Console.print(text) }
    }

    /// Runs `body`, turning a library failure into one line on standard error and its exit status.
    func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as LocalizedFailure {
            Console.error("paperwork: " + failure.message(language))
            throw ExitCode(ExitStatus.of(failure))
        }
    }
}

extension Language: ExpressibleByArgument {}

enum FindingFormat: String, ExpressibleByArgument {
    case text, json
}
