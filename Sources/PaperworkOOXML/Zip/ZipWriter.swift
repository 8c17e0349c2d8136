import CLibZip
import Foundation

/// What goes into one entry of a new archive.
public enum ZipOutputEntry: Sendable {
    /// Copy an entry of the source archive as it is, compressed bytes untouched.
    case copy(name: String, entry: ZipEntry)
    /// New content, deflated.
    case data(name: String, bytes: [UInt8])
    /// New content deflated already, copied as it is.
    case deflated(name: String, part: DeflatedPart.Summary)

    var name: String {
        switch self {
        case .copy(let name, _), .data(let name, _), .deflated(let name, _): name
        }
    }
}

/// Builds a zip archive, in the given entry order, with fixed timestamps: in memory, or straight into a file.
///
/// Same entries in, same bytes out: every entry is dated 1980-01-01 00:00 in DOS time,
/// so output does not depend on the clock or the time zone.
public enum ZipWriter {
    /// The archive's bytes; `.copy` entries are read from `source`.
    public static func archive(_ entries: [ZipOutputEntry], copyingFrom source: ZipArchive?) throws(ZipError) -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else { throw .writeFailed(entry: nil, cause: .outOfMemory) }
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        try build(entries, copyingFrom: source, into: buffer)
        return try readAll(buffer)
    }

    /// Writes the archive into an open file from its start, as libzip produces it, so that the archive is
    /// never held whole in memory (a 100,000-row list is megabytes even deflated). The file is not closed.
    public static func write(_ entries: [ZipOutputEntry], copyingFrom source: ZipArchive?, toFile fd: Int32) throws(ZipError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        let copy = dup(fd)
        guard copy >= 0 else { throw .writeFailed(entry: nil, cause: .write) }
        guard let target = DescriptorSource.writing(Descriptor(copy), error: &error) else { throw .writeFailed(entry: nil, cause: .outOfMemory) }
        zip_source_keep(target)
        defer { zip_source_free(target) }
        try build(entries, copyingFrom: source, into: target)
    }

    private static func build(_ entries: [ZipOutputEntry], copyingFrom source: ZipArchive?, into target: OpaquePointer) throws(ZipError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let za = zip_open_from_source(target, ZIP_TRUNCATE, &error) else {
            throw .writeFailed(entry: nil, cause: .of(&error))
        }
        do {
            for entry in entries { try add(entry, to: za, source: source) }
        } catch {
            zip_discard(za)
            throw error
        }
        guard zip_close(za) == 0 else {
            let cause = ZipCause.last(of: za)
            zip_discard(za)
            throw .writeFailed(entry: nil, cause: cause)
        }
    }

    private static func add(_ entry: ZipOutputEntry, to za: OpaquePointer, source: ZipArchive?) throws(ZipError) {
        let src: OpaquePointer?
        /// Whether libzip is to deflate the entry (new content not deflated here).
        var deflateInLibzip = false
        switch entry {
        case .copy(_, let original):
            guard let source else { throw .writeFailed(entry: entry.name, cause: .noSourceArchive) }
            src = zip_source_zip(za, source.handle, UInt64(original.index), 0, 0, -1)
        case .data(_, let bytes) where bytes.isEmpty:
            // libzip takes no ownership of a buffer of no bytes, so none is made (it leaked before; found by fuzzing).
            src = zip_source_buffer(za, nil, 0, 0)
            deflateInLibzip = true
        case .data(_, let bytes):
            if let deflated = Deflater.deflate(bytes) {
                src = DeflatedSource.make(deflated, in: za)
                break
            }
            deflateInLibzip = true
            let memory = malloc(bytes.count)
            bytes.withUnsafeBytes { if let base = $0.baseAddress { memory?.copyMemory(from: base, byteCount: $0.count) } }
            src = zip_source_buffer(za, memory, UInt64(bytes.count), 1)
            if src == nil { free(memory) }
        case .deflated(_, let part):
            src = DeflatedSource.make(part, in: za)
        }
        guard let src else { throw .writeFailed(entry: entry.name, cause: .last(of: za)) }
        let index = zip_file_add(za, entry.name, src, UInt32(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(src)
            throw .writeFailed(entry: entry.name, cause: .last(of: za))
        }
        if deflateInLibzip {
            zip_set_file_compression(za, UInt64(index), ZIP_CM_DEFLATE, UInt32(DeflatedPart.Effort.standard.rawValue))
        }
        zip_file_set_mtime(za, UInt64(index), dosEpoch, 0)
    }

    /// 1980-01-01 00:00 local time, the DOS date every entry gets, worked out once: libzip turns a DOS date into a
    /// time with `mktime`, which reads the time zone file again on every call (20 times a document), and back with
    /// `localtime_r`, which does not, so the entries are dated as `zip_file_set_dostime(…, 0, 0x21, …)` dates them.
    private static let dosEpoch: time_t = {
        var start = tm()
        start.tm_year = 80
        start.tm_mday = 1
        start.tm_isdst = -1
        return mktime(&start)
    }()

    private static func readAll(_ buffer: OpaquePointer) throws(ZipError) -> [UInt8] {
        var st = zip_stat_t()
        zip_stat_init(&st)
        guard zip_source_stat(buffer, &st) == 0, zip_source_open(buffer) == 0 else {
            throw .writeFailed(entry: nil, cause: .read)
        }
        defer { zip_source_close(buffer) }
        var out = [UInt8](repeating: 0, count: Int(st.size))
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress! + filled, UInt64($0.count - filled)) }
            guard n > 0 else { throw .writeFailed(entry: nil, cause: .truncated) }
            filled += Int(n)
        }
        return out
    }
}
