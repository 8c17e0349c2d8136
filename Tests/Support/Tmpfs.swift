import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmpfs mounted on a fresh folder for one test (mount(2), so root with the right to mount: CAP_SYS_ADMIN):
/// a small one gives the system's own "no space left", a read-only one its "read-only file system".
public struct Tmpfs: Sendable {
    /// The folder it is mounted on.
    public let path: String

    /// Whether a tmpfs can be mounted here: root in a kernel and container that let this process mount.
    public static let available: Bool = {
        guard getuid() == 0, let probe = try? Tmpfs(size: "64k") else { return false }
        probe.remove()
        return true
    }()

    /// Why tests that need a tmpfs are skipped where one cannot be mounted.
    public static let unavailableReason = "needs root and the right to mount a tmpfs (CAP_SYS_ADMIN; CI runs as root in a container that has it)"

    /// Mounts a tmpfs of `size` (as mount(8) writes it: `2m`, `64k`) on a new folder under the temporary folder.
    public init(size: String, readOnly: Bool = false) throws {
        let dir = NSTemporaryDirectory() + "paperwork-tmpfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir
        #if os(Linux)
        let flags = UInt(MS_NOSUID | MS_NODEV) | (readOnly ? UInt(MS_RDONLY) : 0)
        guard mount("tmpfs", dir, "tmpfs", flags, "size=" + size) == 0 else {
            let reason = String(cString: strerror(errno))
            rmdir(dir)
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "mount tmpfs on \(dir): \(reason)"])
        }
        #else
        rmdir(dir)
        throw CocoaError(.featureUnsupported)
        #endif
    }

    /// Makes the mounted file system read-only from now on (files already on it stay).
    public func remountReadOnly() throws {
        #if os(Linux)
        guard mount("tmpfs", path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV), nil) == 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "remount \(path) read-only: \(String(cString: strerror(errno)))"])
        }
        #endif
    }

    /// Unmounts it (lazily, so a file a test left open does not keep it) and removes the folder.
    public func remove() {
        #if os(Linux)
        umount2(path, Int32(MNT_DETACH))
        #endif
        rmdir(path)
    }
}
