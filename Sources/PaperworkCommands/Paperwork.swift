import ArgumentParser
import PaperworkForms
import PaperworkOOXML

/// The `paperwork` command and its subcommands; the `paperwork` executable only calls `exitStatus(running:)`.
public struct Paperwork: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "paperwork",
        abstract: "填写 Word (.docx) 与 Excel (.xlsx) 模板 — fills Word and Excel templates from case data.",
        version: PaperworkVersion.string,
        subcommands: [Fill.self, Batch.self, Validate.self, Init.self, Forms.self, Inspect.self, Extract.self, Collect.self, Pdf.self])

    public init() {}

    /// Parses `arguments` (without the program's name), runs the command they name and answers its exit status.
    /// Help and version go to standard output. A command line that cannot run answers 2, with one line on
    /// standard error in the user's language naming the problem, the nearest spelling and the command's help.
    public static func exitStatus(running arguments: [String]) -> Int32 {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            guard exitCode(for: error) != .success else { return report(error) }
            let problem = UsageError(parserError: error, message: message(for: error), arguments: arguments)
            let language = Language.chosen(in: arguments)
            let hint = CommandPath(arguments: arguments).helpCommand
            Console.error("paperwork: " + problem.message(language))
            Console.error(language == .zh ? "用法请看 \(hint)" : "see \(hint)")
            return ExitStatus.usage
        }
        do {
            try command.run()
            return ExitStatus.success
        } catch {
            return report(error)
        }
    }

    /// Help, version, and the exit status a command threw.
    private static func report(_ error: Error) -> Int32 {
        let status = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            if status == .success { Console.print(message) } else { Console.error(message) }
        }
        return status.rawValue
    }
}

extension Language {
    /// The language of messages: English when the command line holds `--lang en`, Chinese otherwise.
    /// `LANG` is not read: clerks' machines and WSL often run with `LANG=C` or `en_US.UTF-8`.
    static func chosen(in arguments: [String]) -> Language {
        for (i, argument) in arguments.enumerated() {
            if argument == "--lang=en" || (argument == "--lang" && arguments.dropFirst(i + 1).first == "en") { return .en }
        }
        return .zh
    }
}
