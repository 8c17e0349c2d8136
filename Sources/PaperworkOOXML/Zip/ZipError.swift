/// Why an archive could not be read or written.
public enum ZipError: LocalizedFailure, Equatable {
    case notAZip(file: String)
    case damaged(file: String, reason: String)
    case encrypted(file: String, entry: String)
    case tooManyEntries(file: String, count: Int, limit: Int)
    case unsafeName(file: String, entry: String)
    case duplicateName(file: String, entry: String)
    case bomb(file: String, entry: String, reason: String)
    case unsupportedCompression(file: String, entry: String)
    case writeFailed(reason: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.notAZip(f), .zh): "\(f)：不是 Office 文件（不是 zip 包）"
        case let (.notAZip(f), .en): "\(f): not an Office file (not a zip package)"
        case let (.damaged(f, r), .zh): "\(f)：文件已损坏或不完整（\(r)）"
        case let (.damaged(f, r), .en): "\(f): damaged or truncated (\(r))"
        case let (.encrypted(f, e), .zh): "\(f)：条目 \(e) 已加密，请先取消密码保护"
        case let (.encrypted(f, e), .en): "\(f): entry \(e) is encrypted; remove the password first"
        case let (.tooManyEntries(f, c, l), .zh): "\(f)：包含 \(c) 个条目，超过上限 \(l)"
        case let (.tooManyEntries(f, c, l), .en): "\(f): holds \(c) entries, more than the limit of \(l)"
        case let (.unsafeName(f, e), .zh): "\(f)：条目名称不安全：\(e)"
        case let (.unsafeName(f, e), .en): "\(f): unsafe entry name: \(e)"
        case let (.duplicateName(f, e), .zh): "\(f)：条目名称重复：\(e)"
        case let (.duplicateName(f, e), .en): "\(f): duplicate entry name: \(e)"
        case let (.bomb(f, e, r), .zh): "\(f)：条目 \(e) 解压后过大，疑似压缩炸弹（\(r)）"
        case let (.bomb(f, e, r), .en): "\(f): entry \(e) expands too far, likely a zip bomb (\(r))"
        case let (.unsupportedCompression(f, e), .zh): "\(f)：条目 \(e) 使用了不支持的压缩方式"
        case let (.unsupportedCompression(f, e), .en): "\(f): entry \(e) uses an unsupported compression method"
        case let (.writeFailed(r), .zh): "写入 zip 包失败（\(r)）"
        case let (.writeFailed(r), .en): "could not write the zip package (\(r))"
        }
    }
}
