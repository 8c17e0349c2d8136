import CLibZip
import Foundation

/// One entry of an archive's central directory.
public struct ZipEntry: Sendable, Equatable {
    public var index: Int
    public var name: String
    public var size: UInt64
    public var compressedSize: UInt64
}

/// A read-only zip archive, held in memory or read from its open file as its bytes are needed, checked
/// against `ZipLimits` when opened.
///
/// Every instance owns its own libzip handle; give each thread its own instance
/// (`reopened()`) since libzip handles are not safe to share between threads.
public final class ZipArchive: @unchecked Sendable {
    /// Where the archive's bytes are: in memory (read only; streams open handles of their own on them),
    /// or in an open file read at explicit offsets, so that a list of 100,000 rows is not held to be read.
    enum Storage {
        case memory(UnsafeMutableRawBufferPointer, size: Int)
        case file(Descriptor, size: Int)
    }

    /// The name used in messages: the file's path, or a label for bytes.
    public let label: String
    public let entries: [ZipEntry]
    let handle: OpaquePointer
    let storage: Storage
    private let limits: ZipLimits
    private let byName: [String: Int]
    private let lock = NSLock()

    /// Opens an archive from bytes, checking names, sizes, encryption and ratios.
    public convenience init(bytes source: [UInt8], label: String, limits: ZipLimits = ZipLimits()) throws(ZipError) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
        source.withUnsafeBytes { copy.copyMemory(from: $0) }
        try self.init(.memory(copy, size: source.count), label: label, limits: limits)
    }

    /// Opens the archive in an open file (which it keeps open, and closes when it is gone), checking as `init(bytes:)` does.
    convenience init(file: Descriptor, size: Int, label: String, limits: ZipLimits = ZipLimits()) throws(ZipError) {
        try self.init(.file(file, size: size), label: label, limits: limits)
    }

    private init(_ storage: Storage, label: String, limits: ZipLimits) throws(ZipError) {
        self.label = label
        self.limits = limits
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let src = Self.source(of: storage, &error) else {
            Self.release(storage)
            throw .damaged(file: label, entry: nil, cause: .outOfMemory)
        }
        zip_source_keep(src)
        defer { zip_source_free(src) }
        var za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error)
        if za == nil && zip_error_code_zip(&error) == ZIP_ER_EXISTS {
            za = zip_open_from_source(src, ZIP_RDONLY, nil)
        }
        guard let za else {
            let code = zip_error_code_zip(&error)
            zip_source_free(src)
            Self.release(storage)
            if code == ZIP_ER_NOZIP || storage.size < 22 { throw .notAZip(file: label) }
            throw .damaged(file: label, entry: nil, cause: .of(&error))
        }
        do {
            self.entries = try Self.readDirectory(za, label: label, limits: limits)
        } catch {
            zip_discard(za)
            Self.release(storage)
            throw error
        }
        self.handle = za
        self.storage = storage
        self.byName = Dictionary(entries.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    deinit {
        zip_discard(handle)
        Self.release(storage)
    }

    /// A new libzip source on the archive's bytes, for a handle of its own (a stream on another thread).
    func newSource(_ error: inout zip_error_t) -> OpaquePointer? {
        Self.source(of: storage, &error)
    }

    private static func source(of storage: Storage, _ error: inout zip_error_t) -> OpaquePointer? {
        switch storage {
        case .memory(let bytes, let size): zip_source_buffer_create(bytes.baseAddress, UInt64(size), 0, &error)
        case .file(let file, let size): DescriptorSource.reading(file, size: size, error: &error)
        }
    }

    private static func release(_ storage: Storage) {
        if case .memory(let bytes, _) = storage { bytes.deallocate() }
    }

    /// A second, independent handle on the same bytes (or file), for use on another thread.
    public func reopened() throws(ZipError) -> ZipArchive {
        switch storage {
        case .memory(let bytes, let size): try ZipArchive(bytes: Array(bytes.prefix(size)), label: label, limits: limits)
        case .file(let file, let size): try ZipArchive(file: file, size: size, label: label, limits: limits)
        }
    }

    /// The entry with this exact name.
    public func entry(named name: String) -> ZipEntry? {
        byName[name].map { entries[$0] }
    }

    /// Runs `body` while holding this handle's lock.
    func withLock<T>(_ body: () throws(ZipError) -> T) throws(ZipError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The uncompressed bytes of an entry, CRC-checked by libzip.
    public func read(_ entry: ZipEntry) throws(ZipError) -> [UInt8] {
        try withLock { () throws(ZipError) in try unlockedRead(entry) }
    }

    private func unlockedRead(_ entry: ZipEntry) throws(ZipError) -> [UInt8] {
        guard let file = zip_fopen_index(handle, UInt64(entry.index), 0) else {
            throw .damaged(file: label, entry: entry.name, cause: .last(of: handle))
        }
        defer { zip_fclose(file) }
        var out = [UInt8](repeating: 0, count: Int(entry.size))
        var filled = 0
        while filled < out.count {
            let n = out.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress! + filled, UInt64($0.count - filled)) }
            if n < 0 { throw .damaged(file: label, entry: entry.name, cause: .last(ofFile: file)) }
            if n == 0 { break }
            filled += Int(n)
        }
        guard filled == out.count else { throw .damaged(file: label, entry: entry.name, cause: .shorterThanDeclared) }
        var probe: UInt8 = 0
        if zip_fread(file, &probe, 1) < 0 {
            throw .damaged(file: label, entry: entry.name, cause: .last(ofFile: file))
        }
        return out
    }

    private static func readDirectory(_ za: OpaquePointer, label: String, limits: ZipLimits) throws(ZipError) -> [ZipEntry] {
        let count = Int(zip_get_num_entries(za, 0))
        guard count <= limits.maxEntries else {
            throw .tooManyEntries(file: label, count: count, limit: limits.maxEntries)
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(count)
        var seen = Set<String>()
        var total: UInt64 = 0
        for i in 0..<count {
            var st = zip_stat_t()
            zip_stat_init(&st)
            guard zip_stat_index(za, UInt64(i), UInt32(ZIP_FL_ENC_GUESS), &st) == 0, let cName = st.name else {
                throw .damaged(file: label, entry: "#\(i + 1)", cause: .last(of: za))
            }
            let name = String(cString: cName)
            guard isSafe(name) else { throw .unsafeName(file: label, entry: name) }
            guard seen.insert(name.lowercased()).inserted else { throw .duplicateName(file: label, entry: name) }
            if st.encryption_method != UInt16(ZIP_EM_NONE) { throw .encrypted(file: label, entry: name) }
            let method = Int32(st.comp_method)
            if method != ZIP_CM_STORE && method != ZIP_CM_DEFLATE { throw .unsupportedCompression(file: label, entry: name) }
            if st.size > limits.maxEntrySize {
                throw .bomb(file: label, entry: name, limit: .entrySize(st.size))
            }
            if st.size > limits.ratioThreshold && st.size / max(st.comp_size, 1) > limits.maxRatio {
                throw .bomb(file: label, entry: name, limit: .ratio(st.size / max(st.comp_size, 1)))
            }
            total += st.size
            if total > limits.maxTotalSize {
                throw .bomb(file: label, entry: name, limit: .totalSize(total))
            }
            entries.append(ZipEntry(index: i, name: name, size: st.size, compressedSize: st.comp_size))
        }
        return entries
    }

    /// A name is safe when it is relative, uses `/` only and never climbs out with `..`.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}

extension ZipArchive.Storage {
    var size: Int {
        switch self {
        case .memory(_, let size), .file(_, let size): size
        }
    }
}
