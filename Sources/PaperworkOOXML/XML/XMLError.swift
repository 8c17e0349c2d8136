/// Why a part could not be read as XML.
public enum XMLError: LocalizedFailure, Equatable {
    /// The part is not well-formed; `line` and `column` are 1-based (0 when unknown).
    case malformed(part: String, line: Int, column: Int, cause: XMLCause)
    /// The part declares a DOCTYPE, which Office never writes and which could hide entity tricks.
    case doctype(part: String)
    /// The part is too large to parse.
    case tooLarge(part: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.malformed(part, line, column, cause), .zh):
            "部件 \(part)\(line > 0 ? " 第 \(line) 行" : "")\(line > 0 && column > 0 ? "第 \(column) 列" : "")：XML 格式错误（\(cause.message(.zh))）"
        case let (.malformed(part, line, column, cause), .en):
            "part \(part)\(line > 0 ? ", line \(line)" : "")\(line > 0 && column > 0 ? ", column \(column)" : ""): malformed XML (\(cause.message(.en)))"
        case let (.doctype(part), .zh): "部件 \(part)：含有 DOCTYPE 声明，为安全起见拒绝读取（Office 文件不含 DOCTYPE）"
        case let (.doctype(part), .en): "part \(part): declares a DOCTYPE; refused for safety (Office files never contain one)"
        case let (.tooLarge(part), .zh): "部件 \(part)：过大，无法解析"
        case let (.tooLarge(part), .en): "part \(part): too large to parse"
        }
    }
}
