import ArgumentParser
import PaperworkOOXML

/// The `paperwork` command and its subcommands; the `paperwork` executable only calls `exitStatus(running:)`.
public struct Paperwork: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "paperwork",
        abstract: "填写 Word (.docx) 与 Excel (.xlsx) 模板 — fills Word and Excel templates from case data.",
        version: "0.1.0",
        subcommands: [Fill.self, Batch.self, Validate.self, Init.self, Forms.self, Inspect.self])

    public init() {}

    /// Parses `arguments` (without the program's name), runs the command they name and answers its exit status.
    /// Help and version go to standard output, usage errors to standard error.
    public static func exitStatus(running arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if status == .success { Console.print(message) } else { Console.error(message) }
            }
            return status.rawValue
        }
    }
}
