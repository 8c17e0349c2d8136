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

    /// Prints the findings; throws exit status 1 when any is an error.
    func report(_ prepared: PreparedCases) throws {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(prepared.findings), as: UTF8.self))
        case .text:
            for finding in prepared.findings {
                FileHandle.standardError.write(Data((finding.line(language, file: prepared.file) + "\n").utf8))
            }
        }
        if prepared.hasErrors {
            let errors = prepared.findings.filter { $0.severity == .error }.count
            say(zh: "发现 \(errors) 个错误，未生成任何文件", en: "\(errors) error(s); nothing was written", toError: true)
            throw ExitCode(ExitStatus.invalidData)
        }
    }

    /// A line for the user, unless `--quiet`.
    func say(zh: String, en: String, toError: Bool = false) {
        guard !quiet || toError else { return }
        let text = (language == .zh ? zh : en) + "\n"
        if toError { FileHandle.standardError.write(Data(text.utf8)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    }

    /// Runs `body`, turning a library failure into one line on standard error and its exit status.
    func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as LocalizedFailure {
            FileHandle.standardError.write(Data(("paperwork: " + failure.message(language) + "\n").utf8))
            throw ExitCode(ExitStatus.of(failure))
        }
    }
}

extension Language: ExpressibleByArgument {}

enum FindingFormat: String, ExpressibleByArgument {
    case text, json
}
