import CZlib
import Foundation

/// A part too large to hold (a 100,000-row sheet), written as it is produced.
///
/// Each megabyte written is handed to a second thread that deflates it into a temporary file while
/// the next is being produced; the zip writer then copies the deflated bytes into the archive as they
/// are, with the size and CRC-32 kept here. Memory stays flat, and deflating no longer waits until
/// the whole part has been written. One thread writes; `finish` ends the part.
public final class DeflatedPart: @unchecked Sendable {
    /// What the zip writer needs to store the part without deflating it again.
    public struct Summary: Sendable {
        public let path: String
        public let size: Int
        public let compressedSize: Int
        public let crc: UInt32
    }

    /// How hard to deflate: as libzip does by default (level 6), so that a part is as small as the rest; quick
    /// (level 3), for a long sheet written as it is filled — about a tenth larger than at level 6, in under half the
    /// time; or fastest (level 1), for a large part only a program reads, whose size matters less than the time.
    public enum Effort: Int32, Sendable {
        case standard = 6
        case quick = 3
        case fastest = 1
    }
    private static let blockSize = 1 << 20

    public let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var written = 0
    private var summary: Summary?
    /// Deflating runs here, one block after another; `slots` bounds the blocks waiting for it.
    private let queue = DispatchQueue(label: "paperwork.deflate")
    private let slots = DispatchSemaphore(value: 3)
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 18)
    private let outputSize = 1 << 18
    /// Touched only on `queue`.
    private var crc: UInt = 0
    private var compressed = 0
    private var failure: OutputError?

    public init(effort: Effort = .standard) throws(OutputError) {
        var template = Array((NSTemporaryDirectory() + "/paperwork-part-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .failed(path: NSTemporaryDirectory(), cause: .last(.create)) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        stream.initialize(to: z_stream())
        guard paperwork_deflate_init(stream, effort.rawValue, 8) == Z_OK else {
            close(fd)
            unlink(path)
            throw .compressionFailed(path: path)
        }
        buffer.reserveCapacity(Self.blockSize + (1 << 16))
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
        close(fd)
        unlink(path)
    }

    /// Appends bytes; a full block goes to be deflated.
    public func write(_ bytes: [UInt8]) {
        precondition(summary == nil, "a finished part was written to")
        buffer += bytes
        written += bytes.count
        if buffer.count >= Self.blockSize { handOver(final: false) }
    }

    /// The bytes written so far.
    public var size: Int { written }

    /// Deflates what is left and ends the part; calling it again returns the same summary.
    @discardableResult
    public func finish() throws(OutputError) -> Summary {
        if let summary { return summary }
        handOver(final: true)
        let (crc, compressed, failure) = queue.sync { (self.crc, self.compressed, self.failure) }
        if let failure { throw failure }
        let done = Summary(path: path, size: written, compressedSize: compressed, crc: UInt32(crc))
        summary = done
        return done
    }

    /// The part's bytes, inflated again (for reading a filled package before it is written).
    public func contents() throws(OutputError) -> [UInt8] {
        let summary = try finish()
        guard let deflated = FileManager.default.contents(atPath: path) else {
            throw .failed(path: path, cause: .last(.read))
        }
        var inflated = [UInt8](repeating: 0, count: summary.size)
        var z = z_stream()
        guard paperwork_inflate_init(&z) == Z_OK else { throw .compressionFailed(path: path) }
        defer { inflateEnd(&z) }
        let status = deflated.withUnsafeBytes { input in
            inflated.withUnsafeMutableBufferPointer { out in
                z.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
                z.avail_in = UInt32(input.count)
                z.next_out = out.baseAddress
                z.avail_out = UInt32(out.count)
                return inflate(&z, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END || (summary.size == 0 && status == Z_BUF_ERROR) else {
            throw .compressionFailed(path: path)
        }
        return inflated
    }

    /// The part's first `count` bytes (all of a shorter part), inflated from the start of the file only.
    public func prefix(_ count: Int) throws(OutputError) -> [UInt8] {
        let summary = try finish()
        guard let file = FileHandle(forReadingAtPath: path) else { throw .failed(path: path, cause: .last(.read)) }
        defer { try? file.close() }
        var out = [UInt8](repeating: 0, count: min(count, summary.size))
        guard !out.isEmpty else { return [] }
        var z = z_stream()
        guard paperwork_inflate_init(&z) == Z_OK else { throw .compressionFailed(path: path) }
        defer { inflateEnd(&z) }
        var produced = 0
        while produced < out.count {
            guard let chunk = try? file.read(upToCount: 1 << 16), !chunk.isEmpty else { throw .compressionFailed(path: path) }
            let status = chunk.withUnsafeBytes { input in
                out.withUnsafeMutableBufferPointer { buffer in
                    z.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
                    z.avail_in = UInt32(input.count)
                    z.next_out = buffer.baseAddress! + produced
                    z.avail_out = UInt32(buffer.count - produced)
                    let status = inflate(&z, Z_NO_FLUSH)
                    produced = buffer.count - Int(z.avail_out)
                    return status
                }
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { throw .compressionFailed(path: path) }
            if status == Z_STREAM_END { break }
        }
        return Array(out[..<produced])
    }

    private func handOver(final: Bool) {
        let block = buffer
        buffer.removeAll(keepingCapacity: true)
        slots.wait()
        queue.async { [self] in
            deflate(block, final: final)
            slots.signal()
        }
    }

    /// Deflates one block and appends the result to the file (on `queue`).
    private func deflate(_ block: [UInt8], final: Bool) {
        guard failure == nil else { return }
        block.withUnsafeBufferPointer { input in
            crc = crc32(crc, input.baseAddress, UInt32(input.count))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = UInt32(input.count)
            var status: Int32
            repeat {
                stream.pointee.next_out = output
                stream.pointee.avail_out = UInt32(outputSize)
                status = CZlib.deflate(stream, final ? Z_FINISH : Z_NO_FLUSH)
                let produced = outputSize - Int(stream.pointee.avail_out)
                guard status != Z_STREAM_ERROR else {
                    failure = failure ?? .compressionFailed(path: path)
                    return
                }
                guard append(produced) else { return }
            } while final ? status != Z_STREAM_END : stream.pointee.avail_out == 0
        }
    }

    private func append(_ count: Int) -> Bool {
        var done = 0
        while done < count {
            let n = Foundation.write(fd, output + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                failure = .failed(path: path, cause: .last(.write))
                return false
            }
            done += n
        }
        compressed += count
        return true
    }
}
