import CZlib
import Synchronization

/// A part's bytes deflated in memory, with what the zip writer needs to store them as they are.
struct DeflatedBytes: Sendable {
    let compressed: [UInt8]
    let size: Int
    let crc: UInt32
}

/// Deflates a document's changed parts in memory, on deflate streams that are kept and reset between parts instead
/// of being made and freed for each one as libzip does (setting up a stream allocates and clears a few hundred
/// kilobytes, more than deflating a small part costs).
///
/// The fastest level: a filled document's changed parts are a few kilobytes, about 1 % larger than at level 6, and
/// deflated in half the time; the parts a template keeps are copied as they were compressed.
enum Deflater {
    /// A deflate stream, used by one thread at a time: taken from the pool, used, given back.
    private struct Stream: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<z_stream>
    }
    private static let pool = Mutex<[Stream]>([])
    /// zlib's memory level for these streams: a hash of 8,192 entries instead of the default 32,768, which each reset
    /// clears (16 KB instead of 64 KB, three times a document); parts of a few kilobytes compress the same.
    private static let memoryLevel: Int32 = 6

    /// The bytes deflated, or nil when zlib fails (the caller lets libzip deflate them).
    static func deflate(_ bytes: [UInt8]) -> DeflatedBytes? {
        guard let stream = take() else { return nil }
        defer { pool.withLock { $0.append(stream) } }
        let z = stream.pointer
        guard deflateReset(z) == Z_OK else { return nil }
        var status = Z_OK
        let out = [UInt8](unsafeUninitializedCapacity: Int(deflateBound(z, UInt(bytes.count))) + 16) { output, produced in
            bytes.withUnsafeBufferPointer { input in
                z.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                z.pointee.avail_in = UInt32(input.count)
                z.pointee.next_out = output.baseAddress
                z.pointee.avail_out = UInt32(output.count)
                status = CZlib.deflate(z, Z_FINISH)
                produced = output.count - Int(z.pointee.avail_out)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        return DeflatedBytes(compressed: out, size: bytes.count, crc: crc)
    }

    private static func take() -> Stream? {
        if let stream = pool.withLock({ $0.popLast() }) { return stream }
        let pointer = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        pointer.initialize(to: z_stream())
        guard paperwork_deflate_init(pointer, DeflatedPart.Effort.fastest.rawValue, memoryLevel) == Z_OK else {
            pointer.deallocate()
            return nil
        }
        return Stream(pointer: pointer)
    }
}
