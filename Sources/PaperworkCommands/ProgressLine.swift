import Foundation
import PaperworkOOXML
import Synchronization

/// Progress on standard error: a bar with count, rate and time left on a terminal, plain lines otherwise.
///
/// The rate is documents written per second of writing: the clock starts at the job's first report
/// (`0` done), after the records were checked and the template compiled.
final class ProgressLine: Sendable {
    private let quiet: Bool
    private let zh: Bool
    private let terminal: Bool
    /// Below this total nothing is shown (a short run needs no bar).
    private let minimum: Int
    /// What is counted, as the rate names it: documents (`份`) or rows of lists (`行`).
    private let unit: (zh: String, en: String)
    private let console = Console.current
    /// When writing started, when the bar was last drawn, and the last tenth printed as a line.
    private let shown = Mutex((start: Date?.none, lastPrinted: Date.distantPast, lastTenth: -1))

    /// `terminal`: whether standard error is a terminal, where the bar is redrawn in place.
    init(quiet: Bool, language: Language, terminal: Bool = isatty(2) == 1, minimum: Int = 0, rows: Bool = false) {
        self.quiet = quiet
        self.minimum = minimum
        unit = rows ? ("行", " rows") : ("份", "")
        self.zh = language == .zh
        self.terminal = terminal
    }

    func update(_ done: Int, _ total: Int) {
        guard !quiet, total > 0, total >= minimum else { return }
        shown.withLock { shown in draw(done, total, &shown) }
    }

    private func draw(_ done: Int, _ total: Int, _ shown: inout (start: Date?, lastPrinted: Date, lastTenth: Int)) {
        guard let start = shown.start else {
            shown.start = Date()
            return
        }
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(total - done) / rate : 0
        if terminal {
            guard Date().timeIntervalSince(shown.lastPrinted) > 0.1 || done == total else { return }
            shown.lastPrinted = Date()
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let text = zh ? "\r\(bar) \(done)/\(total)  \(Int(rate)) \(unit.zh)/秒  剩余 \(Int(left.rounded())) 秒  "
                : "\r\(bar) \(done)/\(total)  \(Int(rate))\(unit.en)/s  \(Int(left.rounded()))s left  "
            console.err(text)
        } else {
            let tenth = done * 10 / total
            guard tenth != shown.lastTenth else { return }
            shown.lastTenth = tenth
            let text = zh ? "已完成 \(done)/\(total)（\(Int(rate)) \(unit.zh)/秒）\n" : "done \(done)/\(total) (\(Int(rate))\(unit.en)/s)\n"
            console.err(text)
        }
    }

    /// Rows of lists (collect, extract) from which a run shows its progress.
    static let rowsShown = 2000

    func finish() {
        if terminal && !quiet && shown.withLock({ $0.start != nil }) { console.err("\n") }
    }
}
