import CLibZip
import Foundation

/// A libzip source that hands over bytes already deflated, reporting their method, sizes and CRC-32,
/// so that libzip copies them into the archive as they are instead of deflating them again.
final class DeflatedSource: SourceFunction {
    /// Where the deflated bytes are: a part's temporary file, or memory.
    private enum Origin {
        case file(DeflatedPart.Summary)
        case memory(DeflatedBytes)
    }
    private let origin: Origin
    private var fd: Int32 = -1
    /// How far a read from memory has come.
    private var offset = 0

    private init(_ origin: Origin) {
        self.origin = origin
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// A new source for `archive`; libzip owns it (and frees it) once it is added.
    static func make(_ part: DeflatedPart.Summary, in archive: OpaquePointer) -> OpaquePointer? {
        make(.file(part), in: archive)
    }

    /// A new source of bytes deflated in memory.
    static func make(_ bytes: DeflatedBytes, in archive: OpaquePointer) -> OpaquePointer? {
        make(.memory(bytes), in: archive)
    }

    private static func make(_ origin: Origin, in archive: OpaquePointer) -> OpaquePointer? {
        source(DeflatedSource(origin), in: archive)
    }

    override func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        switch command {
        case ZIP_SOURCE_OPEN:
            offset = 0
            guard case .file(let part) = origin else { return 0 }
            fd = open(part.path, O_RDONLY)
            guard fd >= 0 else { return fail(ZIP_ER_OPEN) }
            return 0
        case ZIP_SOURCE_READ:
            guard case .memory(let bytes) = origin else {
                let n = read(fd, data, Int(min(length, UInt64(Int.max))))
                return n < 0 ? fail(ZIP_ER_READ) : Int64(n)
            }
            let n = min(Int(min(length, UInt64(Int.max))), bytes.compressed.count - offset)
            guard n > 0, let data else { return 0 }
            bytes.compressed.withUnsafeBytes { data.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            offset += n
            return Int64(n)
        case ZIP_SOURCE_CLOSE:
            if fd >= 0 { close(fd) }
            fd = -1
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            let (size, compressedSize, crc) = switch origin {
            case .file(let part): (part.size, part.compressedSize, part.crc)
            case .memory(let bytes): (bytes.size, bytes.compressed.count, bytes.crc)
            }
            stat.pointee.size = UInt64(size)
            stat.pointee.comp_size = UInt64(compressedSize)
            stat.pointee.crc = crc
            stat.pointee.comp_method = UInt16(ZIP_CM_DEFLATE)
            stat.pointee.encryption_method = UInt16(ZIP_EM_NONE)
            stat.pointee.valid |= UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_SUPPORTS:
            return Self.supporting([ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT])
        default:
            return fail(ZIP_ER_OPNOTSUPP)
        }
    }
}
