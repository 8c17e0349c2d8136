/// Why the text inside `{{ }}` is not a tag.
public enum TagSyntaxError: Error, Sendable, Hashable {
    case unclosed
    case empty
    case badPath(String)
    case badFilter(String)
    case badArgument(String)
    case unknownBlock(String)
    case stray(String)

    func message(_ zh: Bool) -> String {
        switch self {
        case .unclosed: zh ? "标记缺少结尾的 }}" : "tag has no closing }}"
        case .empty: zh ? "空标记 {{}}" : "empty tag {{}}"
        case .badPath(let p): zh ? "字段名无效：\(p)" : "invalid field name: \(p)"
        case .badFilter(let f): zh ? "格式写法无效：\(f)" : "invalid filter: \(f)"
        case .badArgument(let a): zh ? "格式参数无效：\(a)" : "invalid filter argument: \(a)"
        case .unknownBlock(let b): zh ? "未知的块标记：\(b)（可用 #each、#if、#unless）" : "unknown block: \(b) (use #each, #if, #unless)"
        case .stray(let s): zh ? "无法识别的内容：\(s)" : "unexpected text: \(s)"
        }
    }
}
