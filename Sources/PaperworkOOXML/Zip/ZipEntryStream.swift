import CLibZip

/// An entry's bytes inflated as they are read, on a libzip handle of its own over the archive's bytes or file —
/// so that a 100,000-row sheet costs a buffer, not its whole text, and two parts of one package can be
/// read at once on two threads (each stream has its own handle; the archive's bytes are only read).
final class ZipEntryStream {
    private let archive: ZipArchive
    private let za: OpaquePointer
    private let file: OpaquePointer
    let entry: ZipEntry
    /// Why the last read failed (a damaged entry, a bad CRC, fewer bytes than declared).
    private(set) var failure: ZipError?
    private var count = 0

    init(_ archive: ZipArchive, entry: ZipEntry) throws(ZipError) {
        self.archive = archive
        self.entry = entry
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = archive.newSource(&error) else {
            throw .damaged(file: archive.label, entry: entry.name, cause: .outOfMemory)
        }
        guard let za = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw .damaged(file: archive.label, entry: entry.name, cause: .of(&error))
        }
        guard let file = zip_fopen_index(za, UInt64(entry.index), 0) else {
            let cause = ZipCause.last(of: za)
            zip_discard(za)
            throw .damaged(file: archive.label, entry: entry.name, cause: cause)
        }
        self.za = za
        self.file = file
    }

    deinit {
        zip_fclose(file)
        zip_discard(za)
    }

    /// Reads up to `capacity` bytes into `buffer`: how many, 0 at the end, -1 when the entry is damaged (`failure` says how).
    func read(into buffer: UnsafeMutableRawPointer, capacity: Int) -> Int {
        let n = zip_fread(file, buffer, UInt64(capacity))
        if n < 0 {
            failure = .damaged(file: archive.label, entry: entry.name, cause: .last(ofFile: file))
            return -1
        }
        count += Int(n)
        if n == 0 && UInt64(count) != entry.size {
            failure = .damaged(file: archive.label, entry: entry.name, cause: .shorterThanDeclared)
            return -1
        }
        return Int(n)
    }
}
