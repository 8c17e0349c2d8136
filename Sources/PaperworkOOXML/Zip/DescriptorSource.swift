import CLibZip
import Foundation

/// An open file that closes when the last archive or source using it is gone.
final class Descriptor: @unchecked Sendable {
    let fd: Int32

    init(_ fd: Int32) { self.fd = fd }

    deinit { close(fd) }
}

/// A libzip source on an open file, read and written at explicit offsets (`pread`, `pwrite`), so that
/// several sources on one file — an archive's handle and the streams of its entries on other threads —
/// never move a shared file offset. Read, it lets libzip read an archive from disk as it needs its bytes
/// instead of holding the file; written, it lets libzip write a new archive straight into the file
/// (the temporary file of an atomic write) instead of building it in memory.
final class DescriptorSource: SourceFunction {
    private let file: Descriptor
    /// The bytes readable (from `fstat` when made for reading; 0 for a file being written).
    private let size: Int64
    private var position: Int64 = 0
    private var writePosition: Int64 = 0
    private var written: Int64 = 0

    private init(_ file: Descriptor, size: Int64) {
        self.file = file
        self.size = size
    }

    /// A source reading the whole file; libzip owns it (and frees it).
    static func reading(_ file: Descriptor, size: Int, error: inout zip_error_t) -> OpaquePointer? {
        source(DescriptorSource(file, size: Int64(size)), error: &error)
    }

    /// A source libzip writes a new archive into, from the file's start.
    static func writing(_ file: Descriptor, error: inout zip_error_t) -> OpaquePointer? {
        source(DescriptorSource(file, size: 0), error: &error)
    }

    override func handle(_ command: zip_source_cmd_t, _ data: UnsafeMutableRawPointer?, _ length: UInt64) -> Int64 {
        switch command {
        case ZIP_SOURCE_OPEN:
            position = 0
            return 0
        case ZIP_SOURCE_READ:
            let wanted = min(Int64(min(length, UInt64(Int.max))), max(size - position, 0))
            guard wanted > 0 else { return 0 }
            let n = pread(file.fd, data, Int(wanted), off_t(position))
            guard n >= 0 else { return fail(ZIP_ER_READ) }
            position += Int64(n)
            return Int64(n)
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_SEEK:
            guard let data else { return fail(ZIP_ER_INVAL) }
            let target = reportingErrors { zip_source_seek_compute_offset(UInt64(position), UInt64(size), data, length, &$0) }
            guard target >= 0 else { return -1 }
            position = target
            return 0
        case ZIP_SOURCE_TELL:
            return position
        case ZIP_SOURCE_STAT:
            guard let data, length >= UInt64(MemoryLayout<zip_stat_t>.size) else { return fail(ZIP_ER_INVAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            stat.pointee.size = UInt64(size)
            stat.pointee.comp_size = UInt64(size)
            stat.pointee.comp_method = UInt16(ZIP_CM_STORE)
            stat.pointee.encryption_method = UInt16(ZIP_EM_NONE)
            stat.pointee.valid |= UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD)
            return Int64(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_REMOVE:
            guard ftruncate(file.fd, 0) == 0 else { return fail(ZIP_ER_WRITE) }
            (writePosition, written) = (0, 0)
            return 0
        case ZIP_SOURCE_WRITE:
            guard let data else { return fail(ZIP_ER_INVAL) }
            var done = 0
            let count = Int(min(length, UInt64(Int.max)))
            while done < count {
                let n = pwrite(file.fd, data + done, count - done, off_t(writePosition) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return fail(ZIP_ER_WRITE) }
                done += n
            }
            writePosition += Int64(done)
            written = max(written, writePosition)
            return Int64(done)
        case ZIP_SOURCE_SEEK_WRITE:
            guard let data, length >= UInt64(MemoryLayout<zip_source_args_seek_t>.size) else { return fail(ZIP_ER_INVAL) }
            let args = data.load(as: zip_source_args_seek_t.self)
            let base: Int64
            switch args.whence {
            case SEEK_SET: base = 0
            case SEEK_CUR: base = writePosition
            case SEEK_END: base = written
            default: return fail(ZIP_ER_INVAL)
            }
            guard base + args.offset >= 0 else { return fail(ZIP_ER_INVAL) }
            writePosition = base + args.offset
            return 0
        case ZIP_SOURCE_TELL_WRITE:
            return writePosition
        case ZIP_SOURCE_COMMIT_WRITE:
            return 0
        case ZIP_SOURCE_SUPPORTS:
            return Self.supporting([ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
                                    ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE,
                                    ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE])
        default:
            return fail(ZIP_ER_OPNOTSUPP)
        }
    }
}
