/// Why an archive could not be read or written.
public enum ZipError: LocalizedFailure, Equatable {
    case notAZip(file: String)
    /// The archive, or one entry of it (`entry`), cannot be read; `cause` says why.
    case damaged(file: String, entry: String?, cause: ZipCause)
    case encrypted(file: String, entry: String)
    case tooManyEntries(file: String, count: Int, limit: Int)
    case unsafeName(file: String, entry: String)
    case duplicateName(file: String, entry: String)
    case bomb(file: String, entry: String, limit: ZipBomb)
    case unsupportedCompression(file: String, entry: String)
    /// A new archive could not be made; `entry` names the entry being added, if any.
    case writeFailed(entry: String?, cause: ZipCause)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.notAZip(f), .zh): "\(f)：不是 Office 文件（不是 zip 包）"
        case let (.notAZip(f), .en): "\(f): not an Office file (not a zip package)"
        case let (.damaged(f, e, c), .zh): "\(f)：文件已损坏或不完整（\(e.map { "条目 \($0)：" } ?? "")\(c.message(.zh))）"
        case let (.damaged(f, e, c), .en): "\(f): damaged or truncated (\(e.map { "entry \($0): " } ?? "")\(c.message(.en)))"
        case let (.encrypted(f, e), .zh): "\(f)：条目 \(e) 已加密，请先取消密码保护"
        case let (.encrypted(f, e), .en): "\(f): entry \(e) is encrypted; remove the password first"
        case let (.tooManyEntries(f, c, l), .zh): "\(f)：包含 \(c) 个条目，超过上限 \(l)"
        case let (.tooManyEntries(f, c, l), .en): "\(f): holds \(c) entries, more than the limit of \(l)"
        case let (.unsafeName(f, e), .zh): "\(f)：条目名称不安全：\(e)"
        case let (.unsafeName(f, e), .en): "\(f): unsafe entry name: \(e)"
        case let (.duplicateName(f, e), .zh): "\(f)：条目名称重复：\(e)"
        case let (.duplicateName(f, e), .en): "\(f): duplicate entry name: \(e)"
        case let (.bomb(f, e, l), .zh): "\(f)：条目 \(e) 解压后过大，疑似压缩炸弹（\(l.message(.zh))）"
        case let (.bomb(f, e, l), .en): "\(f): entry \(e) expands too far, likely a zip bomb (\(l.message(.en)))"
        case let (.unsupportedCompression(f, e), .zh): "\(f)：条目 \(e) 使用了不支持的压缩方式"
        case let (.unsupportedCompression(f, e), .en): "\(f): entry \(e) uses an unsupported compression method"
        case let (.writeFailed(e, c), .zh): "写入 zip 包失败（\(e.map { "条目 \($0)：" } ?? "")\(c.message(.zh))）"
        case let (.writeFailed(e, c), .en): "could not write the zip package (\(e.map { "entry \($0): " } ?? "")\(c.message(.en)))"
        }
    }
}

/// Which limit of `ZipLimits` an entry broke, with the figure that broke it.
public enum ZipBomb: Hashable, Sendable {
    /// The entry alone would expand to this many bytes.
    case entrySize(UInt64)
    /// The entry expands this many times its compressed size.
    case ratio(UInt64)
    /// The entries so far would expand to this many bytes in all.
    case totalSize(UInt64)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.entrySize(n), .zh): "解压后 \(n) 字节"
        case let (.entrySize(n), .en): "\(n) bytes"
        case let (.ratio(r), .zh): "压缩比 \(r):1"
        case let (.ratio(r), .en): "ratio \(r):1"
        case let (.totalSize(n), .zh): "全部解压后 \(n) 字节"
        case let (.totalSize(n), .en): "\(n) bytes in all"
        }
    }
}
