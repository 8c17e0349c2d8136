import Foundation
import Synchronization
@testable import PaperworkCommands

/// Runs `paperwork` inside the test process, so the commands' coverage counts; what they write is captured.
enum InProcess {
    /// Runs the command line `arguments` and answers its exit status and what it wrote.
    static func run(_ arguments: [String]) -> CLI.Result {
        let (status, out, err) = capture { Paperwork.exitStatus(running: arguments) }
        return CLI.Result(status: status, out: out, err: err)
    }

    /// Runs `body` with the commands' console captured: its result, then what went to standard output and error.
    static func capture<T>(_ body: () throws -> T) rethrows -> (T, out: String, err: String) {
        let out = Mutex(""), err = Mutex("")
        let console = Console(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
        let result = try Console.$current.withValue(console) { try body() }
        return (result, out.withLock { $0 }, err.withLock { $0 })
    }

    /// The built-in forms' folder, passed with `--templates` so the commands do not look beside the test binary.
    static let templates = ["--templates", CLI.root + "/Templates"]
}
