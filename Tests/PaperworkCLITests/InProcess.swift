import Foundation
import Synchronization
@testable import PaperworkCommands

/// Runs `paperwork` inside the test process, so the commands' coverage counts; what they write is captured.
enum InProcess {
    /// Runs the command line `arguments` and answers its exit status and what it wrote.
    static func run(_ arguments: [String]) -> CLI.Result {
        let out = Mutex(""), err = Mutex("")
        let console = Console(out: { text in out.withLock { $0 += text } }, err: { text in err.withLock { $0 += text } })
        let status = Console.$current.withValue(console) { Paperwork.exitStatus(running: arguments) }
        return CLI.Result(status: status, out: out.withLock { $0 }, err: err.withLock { $0 })
    }

    /// The built-in forms' folder, passed with `--templates` because the test process has no `paperwork` beside it.
    static let templates = ["--templates", CLI.root + "/Templates"]
}
