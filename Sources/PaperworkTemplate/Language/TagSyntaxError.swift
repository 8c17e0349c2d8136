import PaperworkOOXML

/// Why the text inside `{{ }}` is not a tag.
public enum TagSyntaxError: LocalizedFailure, Sendable, Hashable {
    case unclosed
    case empty
    case badPath(String)
    case badFilter(String)
    case badArgument(String)
    case unknownBlock(String)
    case stray(String)
    /// A filter name the tag language does not have (checked where a pattern is compiled alone, as `--name`).
    case unknownFilter(String)
    /// Another template engine's construct (`{% for %}`, `{{?x}}`, `{{^x}}`), with this language's equivalent
    /// (nil when there is none, empty when the construct can simply go).
    case foreign(engine: String, equivalent: String?)

    public func message(_ language: Language) -> String { message(language == .zh) }

    func message(_ zh: Bool) -> String {
        switch self {
        case .unclosed: zh ? "标记缺少结尾的 }}" : "tag has no closing }}"
        case .empty: zh ? "空标记 {{}}" : "empty tag {{}}"
        case .badPath(let p): zh ? "字段名无效：\(p)" : "invalid field name: \(p)"
        case .badFilter(let f): zh ? "格式写法无效：\(f)" : "invalid filter: \(f)"
        case .badArgument(let a): zh ? "格式参数无效：\(a)" : "invalid filter argument: \(a)"
        case .unknownBlock(let b): zh ? "未知的块标记：\(b)（可用 #each、#if、#unless）" : "unknown block: \(b) (use #each, #if, #unless)"
        case .stray(let s): zh ? "无法识别的内容：\(s)" : "unexpected text: \(s)"
        case .unknownFilter(let f):
            zh ? "未知的格式 \(f)（可用：\(Filters.names.sorted().joined(separator: "、"))）"
                : "unknown filter \(f) (known: \(Filters.names.sorted().joined(separator: ", ")))"
        case .foreign(let engine, let equivalent?) where equivalent.isEmpty:
            zh ? "这是 \(engine) 的写法，本工具不认识；请删去" : "this is \(engine) syntax, which this tool does not know; delete it"
        case .foreign(let engine, let equivalent?):
            zh ? "这是 \(engine) 的写法，本工具不认识；请改用 \(equivalent)" : "this is \(engine) syntax, which this tool does not know; use \(equivalent)"
        case .foreign(let engine, nil):
            zh ? "这是 \(engine) 的写法（图片、子模板等），本工具不支持" : "this is \(engine) syntax (pictures, sub-templates…), which this tool does not support"
        }
    }
}
