import Foundation

/// Items made on a second thread while the caller consumes them, in order: reading and converting the
/// next rows of a list overlaps with checking or writing the rows before. At most `limit` chunks wait, so memory stays flat.
final class ItemPipe<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Element]] = []
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private var producerDone = false
    private let limit = 8

    /// Runs `produce` on its own thread; it hands over chunks with `put` and stops when `put` returns false.
    init(_ produce: @escaping @Sendable (ItemPipe) throws -> Void) {
        let thread = Thread { [self] in
            var error: (any Error)?
            do { try produce(self) } catch let e { error = e }
            condition.lock()
            if failure == nil { failure = error }
            ended = true
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Hands a chunk to the consumer, waiting while it is behind; false when the consumer has stopped.
    func put(_ chunk: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        chunks.append(chunk)
        condition.broadcast()
        return true
    }

    /// The next chunk; nil after the last; rethrows what stopped the producer.
    func take() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !ended { condition.wait() }
        if !chunks.isEmpty {
            let chunk = chunks.removeFirst()
            condition.broadcast()
            return chunk
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer and waits until its thread has finished.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }
}

/// Thrown by a producer to stop when `put` says the consumer has gone.
struct PipeClosed: Error {}
