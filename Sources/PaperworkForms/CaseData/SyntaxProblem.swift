import PaperworkOOXML
import PaperworkTemplate

/// Where a JSON, YAML or CSV file stops being well-formed, and what was found there.
public struct SyntaxProblem: Error, Sendable, Hashable {
    public enum Format: String, Sendable {
        case json = "JSON", yaml = "YAML", csv = "CSV"
    }

    public enum Kind: Sendable, Hashable {
        /// A character that cannot stand where it stands (as written in the file).
        case unexpected(String)
        /// The file ends inside a value, a list or an object.
        case unexpectedEnd
        /// A quoted text is never closed.
        case unclosedQuote
        /// A control character inside a quoted text.
        case controlCharacter(UInt32)
        /// The bytes are not UTF-8.
        case notUTF8
        /// Indentation or nesting that YAML cannot read (libyaml's own words, kept for English readers).
        case structure(detail: String)
    }

    public var format: Format
    public var kind: Kind
    /// 1-based; nil when the reader could not tell.
    public var line: Int?
    public var column: Int?

    public init(_ format: Format, _ kind: Kind, line: Int? = nil, column: Int? = nil) {
        self.format = format
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// `第 3 行第 7 列` / `line 3, column 7`, or nothing when the place is unknown.
    func place(_ language: Language) -> String {
        switch (line, column, language) {
        case let (l?, c?, .zh): " 第 \(l) 行第 \(c) 列"
        case let (l?, c?, .en): ", line \(l), column \(c)"
        case let (l?, nil, .zh): " 第 \(l) 行"
        case let (l?, nil, .en): ", line \(l)"
        default: ""
        }
    }

    func message(_ language: Language) -> String {
        let zh = language == .zh
        let what: String
        switch kind {
        case .unexpected(let s): what = zh ? "此处不应出现「\(s)」" : "“\(s)” cannot stand here"
        case .unexpectedEnd: what = zh ? "文件在值、列表或对象的中间结束" : "the file ends in the middle of a value, list or object"
        case .unclosedQuote: what = zh ? "引号没有闭合" : "a quoted text is never closed"
        case .controlCharacter(let c):
            what = zh ? "引号内有控制字符 \(TemplateProblem.codePoint(c))" : "a control character \(TemplateProblem.codePoint(c)) inside quotes"
        case .notUTF8: what = zh ? "不是 UTF-8 编码的文字" : "the text is not UTF-8"
        case .structure(let detail): what = zh ? "缩进或层次结构有误" : "wrong indentation or nesting (\(detail))"
        }
        return zh ? "不是有效的 \(format.rawValue)：\(what)" : "not valid \(format.rawValue): \(what)"
    }
}
