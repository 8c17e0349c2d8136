import PaperworkForms
import PaperworkOOXML
import PaperworkTemplate

/// The exit statuses `paperwork` documents in its help.
enum ExitStatus {
    static let success: Int32 = 0
    static let invalidData: Int32 = 1
    static let unreadableInput: Int32 = 2
    /// A command line that cannot run: unknown option or command, missing or bad value, a bad `--name` pattern.
    static let usage: Int32 = 2
    static let outputFailed: Int32 = 3
    /// `--skip-invalid`: the valid records were written, and some invalid ones were left out.
    static let someSkipped: Int32 = 4

    static func of(_ failure: LocalizedFailure) -> Int32 {
        switch cause(of: failure) {
        case OutputError.wrongExtension: unreadableInput
        case is OutputError: outputFailed
        case is UsageError: usage
        case let problems as TemplateProblems where problems.problems.allSatisfy(\.isDataProblem): invalidData
        default: unreadableInput
        }
    }

    /// The error a layer's error wraps, down to the one that decides the status: the forms layer's cause, a
    /// template's package or problems, a package's output file.
    static func cause(of failure: LocalizedFailure) -> LocalizedFailure {
        switch failure {
        case let e as PaperworkError: cause(of: e.underlying)
        case let e as TemplateError: e.underlying is TemplateError ? e : cause(of: e.underlying)
        case PackageError.output(let e): e
        default: failure
        }
    }
}
