import PaperworkOOXML
import Synchronization

/// Progress through long lists, row by row, not only file by file: rows counted as they are read (and
/// written), reported every `step` rows and at each file's end, against the rows the lists say they hold
/// — their embedded counts, read before the first row; a list without one counts as it goes.
final class RowProgress: Sendable {
    static let step = 500
    private let report: @Sendable (Int, Int) -> Void
    private let state: Mutex<(done: Int, total: Int)>

    init(total: Int, report: @escaping @Sendable (Int, Int) -> Void) {
        self.report = report
        state = Mutex((0, total))
        report(0, total)
    }

    /// One more row.
    func row() {
        let (done, total) = state.withLock { s in
            s.done += 1
            return (s.done, max(s.total, s.done))
        }
        if done % Self.step == 0 { report(done, total) }
    }

    /// The end of a file, or of a pass: the count so far, whatever it is.
    func flush() {
        let (done, total) = state.withLock { ($0.done, max($0.total, $0.done)) }
        report(done, total)
    }

    /// Sets what the whole run comes to, once it is known.
    func expect(_ total: Int) {
        state.withLock { $0.total = total }
    }

    /// The rows the files' embedded data say they hold (0 for a file without it, or unreadable).
    static func embeddedRows(_ files: [String]) -> Int {
        var rows = 0
        for file in files {
            guard let package = try? OOXMLPackage(contentsOf: file), let embedded = try? EmbeddedCase.read(from: package) else { continue }
            rows += embedded.rows?.count ?? 0
        }
        return rows
    }
}
