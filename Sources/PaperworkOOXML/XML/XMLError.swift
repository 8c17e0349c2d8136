/// Why a part could not be read as XML.
public enum XMLError: LocalizedFailure, Equatable {
    /// The part is not well-formed; `line` is 1-based (0 when unknown).
    case malformed(part: String, line: Int, reason: String)
    /// The part declares a DOCTYPE, which Office never writes and which could hide entity tricks.
    case doctype(part: String)
    /// The part is too large to parse.
    case tooLarge(part: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.malformed(part, line, reason), .zh): "部件 \(part) 第 \(line) 行：XML 格式错误（\(reason)）"
        case let (.malformed(part, line, reason), .en): "part \(part), line \(line): malformed XML (\(reason))"
        case let (.doctype(part), .zh): "部件 \(part)：含有 DOCTYPE 声明，为安全起见拒绝读取（Office 文件不含 DOCTYPE）"
        case let (.doctype(part), .en): "part \(part): declares a DOCTYPE; refused for safety (Office files never contain one)"
        case let (.tooLarge(part), .zh): "部件 \(part)：过大，无法解析"
        case let (.tooLarge(part), .en): "part \(part): too large to parse"
        }
    }
}
