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
    private let limit: Int
    private let chunkSize = 256
    /// The producer's chunk being filled; only the producer's thread touches it.
    private var pending: [Element] = []

    /// Runs `produce` on its own thread; it hands over items with `send`, which throws when the consumer has stopped.
    /// `depth` chunks of 256 items may wait: fewer for large items (whole records of a long list) keeps memory small.
    init(depth: Int = 8, _ produce: @escaping @Sendable (ItemPipe) throws -> Void) {
        limit = depth
        let thread = Thread { [self] in
            var error: (any Error)?
            do {
                try produce(self)
                if !pending.isEmpty { _ = put(pending) }
            } catch let e { error = e }
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

    /// Hands one item over, in chunks; throws `PipeClosed` when the consumer has stopped.
    func send(_ element: Element) throws {
        pending.append(element)
        guard pending.count == chunkSize else { return }
        guard put(pending) else { throw PipeClosed() }
        pending = []
        pending.reserveCapacity(chunkSize)
    }

    /// Hands a chunk to the consumer, waiting while it is behind; false when the consumer has stopped.
    private func put(_ chunk: [Element]) -> Bool {
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

/// Thrown by `send` when the consumer has gone, to stop the producer.
struct PipeClosed: Error {}
