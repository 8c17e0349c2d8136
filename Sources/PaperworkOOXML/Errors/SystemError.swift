import Foundation

/// A system call that failed: what was being done and the error number the system gave.
///
/// Kept as a value (not the C library's English text) so that it is rendered once, in the user's language.
public struct SystemError: LocalizedFailure, Hashable {
    public enum Operation: String, Sendable, CaseIterable {
        case open, read, create, write, chmod, flush, link, rename, remove
    }

    public var operation: Operation
    /// The `errno` value.
    public var code: Int32

    public init(_ operation: Operation, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// The error of the call that just failed.
    public static func last(_ operation: Operation) -> SystemError { SystemError(operation, code: errno) }

    /// Why a file that Foundation could not read cannot be read: the error of opening it, or "it is a folder".
    public static func reading(_ path: String) -> SystemError {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .last(.open) }
        defer { close(fd) }
        var info = stat()
        return SystemError(.read, code: fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR ? EISDIR : EIO)
    }

    /// The error numbers this program names in words; others are shown by number.
    public static let named: [Int32] = [ENOSPC, EDQUOT, EROFS, EACCES, EPERM, ENOENT, ENOTDIR, EISDIR, EEXIST, EIO,
                                        ENAMETOOLONG, EMFILE, ENFILE, ENOMEM, EXDEV, EFBIG, EBUSY, ENOTSUP]

    public func message(_ language: Language) -> String {
        language == .zh ? verb(true) + "时出错：" + reason(true) : verb(false) + ": " + reason(false)
    }

    private func verb(_ zh: Bool) -> String {
        switch operation {
        case .open: zh ? "打开" : "open"
        case .read: zh ? "读取" : "read"
        case .create: zh ? "创建" : "create"
        case .write: zh ? "写入" : "write"
        case .chmod: zh ? "设置权限" : "set permissions"
        case .flush: zh ? "写入磁盘" : "flush to disk"
        case .link, .rename: zh ? "放到位" : "move into place"
        case .remove: zh ? "删除" : "remove"
        }
    }

    private func reason(_ zh: Bool) -> String {
        switch code {
        case ENOSPC: zh ? "磁盘空间已满" : "no space left on the device"
        case EDQUOT: zh ? "超出磁盘配额" : "disk quota exceeded"
        case EROFS: zh ? "文件系统是只读的" : "the file system is read-only"
        case EACCES, EPERM: zh ? "没有权限" : "permission denied"
        case ENOENT: zh ? "文件或目录不存在" : "no such file or folder"
        case ENOTDIR: zh ? "路径中有一项不是目录" : "a part of the path is not a folder"
        case EISDIR: zh ? "这是一个目录" : "it is a folder"
        case EEXIST: zh ? "已存在" : "it already exists"
        case EIO: zh ? "磁盘读写错误" : "input/output error on the disk"
        case ENAMETOOLONG: zh ? "文件名过长" : "the name is too long"
        case EMFILE, ENFILE: zh ? "打开的文件过多" : "too many open files"
        case ENOMEM: zh ? "内存不足" : "out of memory"
        case EXDEV: zh ? "不在同一文件系统上" : "not on the same file system"
        case EFBIG: zh ? "文件过大" : "the file is too large"
        case EBUSY: zh ? "设备忙" : "the device is busy"
        case ENOTSUP: zh ? "文件系统不支持此操作" : "the file system does not support it"
        default: zh ? "系统错误码 \(code)" : "system error \(code)"
        }
    }
}
