import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM while a batch runs: they cancel it (the documents already complete stay) instead of killing
/// the process. The process's own handlers are put back when the last batch running in it ends, so a program
/// that runs a batch through the library, or the test process, keeps its handlers afterwards.
enum InterruptSignals {
    /// Per signal: how many runs are listening, and the handler the process had before the first of them.
    private static let held = Mutex<[Int32: (runs: Int, previous: sighandler_t?)]>([:])

    /// Runs `body` with `signals` calling `interrupted` instead of their usual action.
    static func whileRunning<T>(_ signals: [Int32] = [SIGINT, SIGTERM], interrupted: @escaping @Sendable () -> Void,
                                _ body: () throws -> T) rethrows -> T {
        let sources = signals.map { sig -> DispatchSourceSignal in
            hold(sig)
            let source = DispatchSource.makeSignalSource(signal: sig)
            source.setEventHandler(handler: interrupted)
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for sig in signals { release(sig) }
        }
        return try body()
    }

    /// The first run ignores the signal's default action (the dispatch source still hears it) and keeps the old handler.
    private static func hold(_ sig: Int32) {
        held.withLock { held in
            if let entry = held[sig] {
                held[sig] = (entry.runs + 1, entry.previous)
            } else {
                held[sig] = (1, signal(sig, SIG_IGN))
            }
        }
    }

    /// The last run puts the old handler back.
    private static func release(_ sig: Int32) {
        held.withLock { held in
            guard let entry = held[sig] else { return }
            if entry.runs > 1 {
                held[sig] = (entry.runs - 1, entry.previous)
            } else {
                held[sig] = nil
                signal(sig, entry.previous)
            }
        }
    }
}
