import ArgumentParser
import Foundation
import PaperworkOOXML

/// Options every command shares: the language of messages.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "消息语言 zh（默认）或 en — language of messages.")
    var language: Language = .zh

    @Flag(name: .shortAndLong, help: "只报告错误 print errors only")
    var quiet = false

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
