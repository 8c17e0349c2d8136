import CPosix
import Foundation
import Synchronization

/// Why an output file could not be written.
public enum OutputError: LocalizedFailure, Equatable {
    case exists(path: String)
    case folderMissing(path: String)
    /// A system call failed; the file is not in place and no partial file was left.
    case failed(path: String, cause: SystemError)
    /// The file was written but could not be made durable: it was not moved into place.
    case notFlushed(path: String, cause: SystemError)
    /// The folder's new names could not be flushed to disk: the files are in place, but a power cut could lose them.
    case folderNotFlushed(folder: String, cause: SystemError)
    /// zlib could not compress or read back a part.
    case compressionFailed(path: String)
    /// The output's extension does not say what is written (`expected` lists the ones that do).
    case wrongExtension(path: String, expected: [String])
    /// A file stands where a folder of the output must be.
    case notAFolder(path: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.exists(p), .zh): "\(p)：文件已存在；如需覆盖请加 --force"
        case let (.exists(p), .en): "\(p): file exists; add --force to replace it"
        case let (.folderMissing(p), .zh): "\(p)：输出目录不存在"
        case let (.folderMissing(p), .en): "\(p): the output folder does not exist"
        case let (.failed(p, c), .zh): "\(p)：写入失败（\(c.message(.zh))），未留下不完整的文件"
        case let (.failed(p, c), .en): "\(p): could not be written (\(c.message(.en))); no partial file was left"
        case let (.notFlushed(p, c), .zh): "\(p)：未能确认写入磁盘（\(c.message(.zh))），没有放到位"
        case let (.notFlushed(p, c), .en): "\(p): could not be made durable (\(c.message(.en))); not moved into place"
        case let (.folderNotFlushed(f, c), .zh): "\(f)：目录未能写入磁盘（\(c.message(.zh))），断电时新文件可能丢失"
        case let (.folderNotFlushed(f, c), .en): "\(f): the folder could not be flushed (\(c.message(.en))); a power cut could lose the new files"
        case let (.compressionFailed(p), .zh): "\(p)：压缩失败"
        case let (.compressionFailed(p), .en): "\(p): compression failed"
        case let (.wrongExtension(p, e), .zh): "\(p)：扩展名应为 " + e.map { "." + $0 }.joined(separator: "、")
        case let (.wrongExtension(p, e), .en): "\(p): the extension should be " + e.map { "." + $0 }.joined(separator: ", ")
        case let (.notAFolder(p), .zh): "\(p)：已有同名文件，不能用作输出目录"
        case let (.notAFolder(p), .en): "\(p): a file of that name exists, so it cannot be an output folder"
        }
    }
}

/// Writes files so that readers see either the old file or the complete new one, never a part.
///
/// The bytes go to a hidden temporary file in the target folder, are flushed to disk, and
/// the temporary file is then renamed into place (never replacing a file unless asked). A batch
/// stages a group of files, flushes the file system once, then moves the group into place; where
/// the file system allows, its files have no name at all until they get their own (`O_TMPFILE`).
public enum AtomicFile {
    /// The suffix of temporary files, so that an interrupted run's leftovers can be recognised.
    public static let temporarySuffix = ".paperwork-tmp"

    /// A complete file in its target folder, not yet in place: under a hidden temporary name, or open with no name.
    public struct Staged: Sendable {
        enum Holder: Sendable {
            case named(String)
            case unnamed(Int32)
        }
        let holder: Holder
        public let path: String
    }

    /// False once the system would not give an unnamed file its name (no `/proc`): batches then use temporary names.
    private static let unnamedFilesLink = Atomic<Bool>(true)

    /// Writes `bytes` to `path`; an existing file is replaced only when `overwrite` is true.
    /// `syncFolder: false` leaves the folder's own flush to the caller.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, syncFolder: Bool = true) throws(OutputError) {
        let staged = try stage(bytes, for: path, overwrite: overwrite, flush: true)
        try commit(staged, overwrite: overwrite)
        if syncFolder { try Self.syncFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    }

    /// Writes to `path` what `body` writes into the open temporary file (a zip archive written as it is
    /// made), then moves it into place as `write(_:to:)` does; when `body` throws, nothing is left behind.
    /// The file's own errors come as `output` makes them into the body's error type.
    public static func write<E: Error>(to path: String, overwrite: Bool, syncFolder: Bool = true,
                                       writing body: (Int32) throws(E) -> Void, output: (OutputError) -> E) throws(E) {
        let created: (fd: Int32, temporary: String, folder: String)
        do { created = try create(for: path, overwrite: overwrite) } catch { throw output(error) }
        defer { close(created.fd) }
        do { try body(created.fd) } catch {
            unlink(created.temporary)
            throw error
        }
        do throws(OutputError) {
            try finish(created.fd, temporary: created.temporary, folder: created.folder, path: path, flush: true)
            try commit(Staged(holder: .named(created.temporary), path: path), overwrite: overwrite)
            if syncFolder { try Self.syncFolder(created.folder) }
        } catch {
            throw output(error)
        }
    }

    /// Writes the bytes to a hidden temporary file beside `path`; with `flush`, waits until they are on disk.
    /// A batch stages many files unflushed and then flushes the file system once (`flushFileSystem`); when nothing
    /// may be replaced, such a file has no name until `commit` gives it its own, where the file system allows.
    public static func stage(_ bytes: [UInt8], for path: String, overwrite: Bool, flush: Bool) throws(OutputError) -> Staged {
        if !overwrite && !flush && unnamedFilesLink.load(ordering: .relaxed), let staged = try stageUnnamed(bytes, for: path) { return staged }
        let (fd, temp, folder) = try create(for: path, overwrite: overwrite)
        defer { close(fd) }
        do throws(OutputError) { try writeAll(bytes, fd: fd, path: path) } catch {
            unlink(temp)
            throw error
        }
        try finish(fd, temporary: temp, folder: folder, path: path, flush: flush)
        return Staged(holder: .named(temp), path: path)
    }

    /// The bytes in a new file of `path`'s folder that has no name yet, or nil where the file system makes no such
    /// files (or this process has too many open): no temporary name is made and removed, and nothing is left
    /// behind if the process stops before `commit`.
    private static func stageUnnamed(_ bytes: [UInt8], for path: String) throws(OutputError) -> Staged? {
        try refuseExisting(path)
        let fd = paperwork_open_unnamed(split(path).folder, 0o666)
        guard fd >= 0 else {
            let cause = SystemError.last(.create)
            switch cause.code {
            case EOPNOTSUPP, ENOTSUP, EISDIR, EINVAL, EMFILE, ENFILE: return nil
            default: throw notCreated(path, cause)
            }
        }
        do throws(OutputError) { try writeAll(bytes, fd: fd, path: path) } catch {
            close(fd)
            throw error
        }
        return Staged(holder: .unnamed(fd), path: path)
    }

    /// A new hidden temporary file in `path`'s folder, open for writing: its descriptor, name and folder.
    /// The folder that missing or not a folder is told by the temporary file's creation itself, and an existing
    /// file by one `lstat`: a batch writes thousands of files, and each check is a system call.
    private static func create(for path: String, overwrite: Bool) throws(OutputError) -> (Int32, String, String) {
        let (folder, name) = split(path)
        if !overwrite { try refuseExisting(path) }
        var template = Array((folder + "/." + temporaryStem(name) + ".XXXXXX" + temporarySuffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(temporarySuffix.utf8.count)) }
        guard fd >= 0 else { throw notCreated(path, .last(.create)) }
        return (fd, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, folder)
    }

    /// Fails when a file (or anything else) stands at `path`: one `lstat`.
    private static func refuseExisting(_ path: String) throws(OutputError) {
        var status = stat()
        if lstat(path, &status) == 0 { throw .exists(path: path) }
    }

    /// Why a new file for `path` could not be made: its folder missing (or not a folder), or the system's error.
    private static func notCreated(_ path: String, _ cause: SystemError) -> OutputError {
        cause.code == ENOENT || cause.code == ENOTDIR ? .folderMissing(path: path) : .failed(path: path, cause: cause)
    }

    /// A path's folder (`.` for a bare name) and its last component.
    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = path[..<slash]
        return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
    }

    /// Gives the written temporary file its mode and, with `flush`, waits until it is on disk; removes it on failure.
    private static func finish(_ fd: Int32, temporary temp: String, folder: String, path: String, flush: Bool) throws(OutputError) {
        do throws(OutputError) {
            guard fchmod(fd, 0o666 & ~processUmask) == 0 else { throw OutputError.failed(path: path, cause: .last(.chmod)) }
            if flush { guard flushed(fd, in: folder, fsync) else { throw OutputError.notFlushed(path: path, cause: .last(.flush)) } }
        } catch {
            unlink(temp)
            throw error
        }
    }

    /// Moves a staged file into place: a rename that fails when the target exists (or `link` where the file system
    /// has no such rename) when nothing may be replaced, `rename` when it may.
    /// On failure the temporary file is removed and the existing file, if any, is untouched.
    public static func commit(_ staged: Staged, overwrite: Bool) throws(OutputError) {
        let path = staged.path
        let temp: String
        switch staged.holder {
        case .named(let name): temp = name
        case .unnamed(let fd): return try name(fd, path)
        }
        if overwrite {
            guard rename(temp, path) == 0 else { let cause = SystemError.last(.rename); unlink(temp); throw .failed(path: path, cause: cause) }
            return
        }
        // One rename that never replaces; file systems without it (EINVAL) link the file and unlink its temporary name.
        if paperwork_rename_noreplace(temp, path) == 0 { return }
        let renaming = SystemError.last(.rename)
        guard renaming.code == EINVAL || renaming.code == ENOSYS || renaming.code == ENOTSUP || renaming.code == EOPNOTSUPP else {
            unlink(temp)
            throw renaming.code == EEXIST ? .exists(path: path) : .failed(path: path, cause: renaming)
        }
        defer { unlink(temp) }
        if link(temp, path) != 0 {
            let cause = SystemError.last(.link)
            if cause.code == EEXIST || FileManager.default.fileExists(atPath: path) { throw .exists(path: path) }
            // File systems without hard links (some network and FUSE ones) answer EPERM or ENOTSUP: rename instead.
            guard cause.code == EPERM || cause.code == ENOTSUP || cause.code == EOPNOTSUPP else { throw .failed(path: path, cause: cause) }
            guard rename(temp, path) == 0 else { throw .failed(path: path, cause: .last(.rename)) }
        }
    }

    /// Flushes everything written to the file system that holds `folder` (one `syncfs` for a whole group of files).
    /// Throws the system's error; the files staged before it must then not be moved into place.
    public static func flushFileSystem(of folder: String) throws(SystemError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .last(.open) }
        defer { close(fd) }
        guard flushed(fd, in: folder, paperwork_syncfs) else { throw .last(.flush) }
    }

    /// Gives a staged unnamed file its name, which must not be taken, and closes it. Where the system will not link it
    /// (no `/proc`), its bytes are written the named way instead, flushed, and later batches use temporary names.
    private static func name(_ fd: Int32, _ path: String) throws(OutputError) {
        defer { close(fd) }
        if paperwork_link_unnamed(fd, path) == 0 { return }
        let cause = SystemError.last(.link)
        if cause.code == EEXIST { throw .exists(path: path) }
        guard cause.code == ENOENT || cause.code == EPERM || cause.code == EOPNOTSUPP || cause.code == ENOTSUP,
              let bytes = readAll(fd) else { throw .failed(path: path, cause: cause) }
        unnamedFilesLink.store(false, ordering: .relaxed)
        let staged = try stage(bytes, for: path, overwrite: false, flush: true)
        try commit(staged, overwrite: false)
    }

    /// The whole content of an open file, or nil when it cannot be read.
    private static func readAll(_ fd: Int32) -> [UInt8]? {
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + offset, size - offset, off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            offset += n
        }
        return bytes
    }

    /// Removes a staged file that will not be moved into place.
    public static func discard(_ staged: Staged) {
        switch staged.holder {
        case .named(let temporary): unlink(temporary)
        case .unnamed(let fd): close(fd)
        }
    }

    /// The start of a file's name used in its temporary name, cut so that the whole temporary name stays
    /// within the 255 bytes a file system allows for a name.
    static func temporaryStem(_ name: String) -> String {
        name.prefix(utf8Bytes: 255 - 1 - ".XXXXXX".utf8.count - temporarySuffix.utf8.count)
    }

    /// Removes the temporary files an interrupted run left in a folder.
    public static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(temporarySuffix) {
            unlink(folder + "/" + name)
        }
    }

    private static func writeAll(_ bytes: [UInt8], fd: Int32, path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .failed(path: path, cause: .last(.write))
            }
            offset += n
        }
    }

    /// Flushes a folder's entries (new names) to disk.
    public static func syncFolder(_ folder: String) throws(OutputError) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .folderNotFlushed(folder: folder, cause: .last(.open)) }
        defer { close(fd) }
        guard flushed(fd, in: folder, fsync) else { throw .folderNotFlushed(folder: folder, cause: .last(.flush)) }
    }

    /// A seam for tests: folders whose flushes — `fsync` of a file in them, `syncfs` of their file system,
    /// `fsync` of the folder itself — fail with the given error number instead of calling the system, since a
    /// disk that fails to flush cannot be made in the test container. Keys are standardized paths. Empty in use.
    package static let failingFlushes = Mutex<[String: Int32]>([:])

    /// Calls the flush, unless `failingFlushes` names the folder: then sets `errno` to its number and fails.
    private static func flushed(_ fd: Int32, in folder: String, _ call: (Int32) -> Int32) -> Bool {
        let failing = failingFlushes.withLock { $0.isEmpty ? nil : $0[URL(fileURLWithPath: folder).standardizedFileURL.path] }
        if let failing {
            errno = failing
            return false
        }
        return call(fd) == 0
    }

    private static let processUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
