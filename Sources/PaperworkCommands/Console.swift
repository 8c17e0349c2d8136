import Foundation

/// Where the commands write their lines: standard output and standard error, or, in a test, a capture.
struct Console: Sendable {
    var out: @Sendable (String) -> Void
    var err: @Sendable (String) -> Void

    static let standard = Console(out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                                  err: { FileHandle.standardError.write(Data($0.utf8)) })

    /// The console of the running command; a test binds its own for the command it runs.
    @TaskLocal static var current = Console.standard

    /// Writes `line` and a line end to standard output.
    static func print(_ line: String) { current.out(line + "\n") }

    /// Writes `line` and a line end to standard error.
    static func error(_ line: String) { current.err(line + "\n") }
}
