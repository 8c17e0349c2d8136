import CLibZip
import Foundation

/// A libzip source that hands over bytes already deflated, reporting their method, sizes and CRC-32,
/// so that libzip copies them into the archive as they are instead of deflating them again.
final class DeflatedSource {
    private let part: DeflatedPart.Summary
    private var fd: Int32 = -1
    private var error = zip_error_t()

    private init(_ part: DeflatedPart.Summary) {
        self.part = part
        zip_error_init(&error)
    }

    deinit {
        if fd >= 0 { close(fd) }
        zip_error_fini(&error)
    }

    /// A new source for `archive`; libzip owns it (and frees it) once it is added.
    static func make(_ part: DeflatedPart.Summary, in archive: OpaquePointer) -> OpaquePointer? {
        let box = Unmanaged.passRetained(DeflatedSource(part))
        guard let source = zip_source_function(archive, callback, box.toOpaque()) else {
            box.release()
            return nil
        }
        return source
    }

    private static let callback: zip_source_callback = { state, data, length, command in
        let source = Unmanaged<DeflatedSource>.fromOpaque(state!)
        if command == ZIP_SOURCE_FREE {
            source.release()
            return 0
        }
        return source.takeUnretainedValue().handle(command, data, length)
    }

    private func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        switch command {
        case ZIP_SOURCE_OPEN:
            fd = open(part.path, O_RDONLY)
            guard fd >= 0 else { return fail(ZIP_ER_OPEN) }
            return 0
        case ZIP_SOURCE_READ:
            let n = read(fd, data, Int(min(length, UInt64(Int.max))))
            return n < 0 ? fail(ZIP_ER_READ) : Int64(n)
        case ZIP_SOURCE_CLOSE:
            close(fd)
            fd = -1
            return 0
        case ZIP_SOURCE_STAT:
            guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = UInt64(part.size)
            stat.pointee.comp_size = UInt64(part.compressedSize)
            stat.pointee.crc = part.crc
            stat.pointee.comp_method = UInt16(ZIP_CM_DEFLATE)
            stat.pointee.encryption_method = UInt16(ZIP_EM_NONE)
            stat.pointee.valid |= UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return zip_error_to_data(&error, data, length)
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return commands.reduce(0) { $0 | (Int64(1) << Int64($1.rawValue)) }
        default:
            return fail(ZIP_ER_OPNOTSUPP)
        }
    }

    private func fail(_ code: Int32) -> Int64 {
        zip_error_set(&error, code, errno)
        return -1
    }
}
