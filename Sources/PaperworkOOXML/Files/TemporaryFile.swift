import Foundation

/// A file in the system's temporary folder, removed when the last reference to it goes.
///
/// Large parts (a 100,000-row sheet) are written here as they are produced, so that memory
/// does not grow with the output; the zip writer deflates them from disk.
public final class TemporaryFile: @unchecked Sendable {
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let lock = NSLock()

    public init() throws(OutputError) {
        var template = Array((NSTemporaryDirectory() + "/paperwork-part-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .failed(path: NSTemporaryDirectory(), reason: String(cString: strerror(errno))) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        unlink(path)
    }

    /// Appends bytes, writing to disk in large blocks.
    public func write<S: Sequence>(_ bytes: S) throws where S.Element == UInt8 {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flushLocked() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        lock.lock()
        defer { lock.unlock() }
        try flushLocked()
    }

    private func flushLocked() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// The file's size so far, buffer included.
    public var size: Int {
        lock.lock()
        defer { lock.unlock() }
        return Int(handle.offsetInFile) + buffer.count
    }
}
