import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A folder nobody may write into: for an ordinary user a folder with mode 555; for root, who ignores modes,
/// an empty read-only ``Tmpfs``. Tests that need one are enabled only where it can be made.
public struct ReadOnlyFolder: Sendable {
    public let path: String
    private let mounted: Tmpfs?

    /// Whether a read-only folder can be made here: always for an ordinary user; for root only with the right
    /// to mount (a container without CAP_SYS_ADMIN cannot).
    public static let available: Bool = {
        getuid() != 0 || Tmpfs.available
    }()

    /// Why tests that need a read-only folder are skipped where one cannot be made.
    public static let unavailableReason =
        "needs a folder nobody may write into: running as root, that takes the right to mount a read-only tmpfs (CAP_SYS_ADMIN)"

    /// Makes an empty read-only folder under the temporary folder.
    public init() throws {
        if getuid() == 0 {
            let tmpfs = try Tmpfs(size: "64k", readOnly: true)
            path = tmpfs.path
            mounted = tmpfs
        } else {
            path = NSTemporaryDirectory() + "paperwork-readonly-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            chmod(path, 0o555)
            mounted = nil
        }
    }

    /// The names in the folder, to check that nothing was left behind.
    public func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Unmounts (or makes writable again) and removes the folder.
    public func remove() {
        if let mounted {
            mounted.remove()
        } else {
            chmod(path, 0o755)
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Runs `body` with a fresh read-only folder and removes it afterwards.
    public static func with<T>(_ body: (ReadOnlyFolder) throws -> T) throws -> T {
        let folder = try ReadOnlyFolder()
        defer { folder.remove() }
        return try body(folder)
    }
}
