import PaperworkOOXML
import PaperworkTemplate

/// Something wrong in a form's manifest (or its template), with the file, line and column it is at.
public struct ManifestProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public enum Kind: Sendable, Equatable {
        case yaml(String)
        case unknownKey(String, known: [String])
        case missingKey(String)
        case duplicateKey(String)
        case notA(expected: Expectation, key: String)
        case unknownType(String, known: [String])
        case badLimit(key: String, value: String)
        case expression(ExpressionError, key: String)
        /// A tag of a pattern in the manifest (`output_name`) that cannot be read.
        case tagSyntax(TagSyntaxError, key: String)
        case wrongType(key: String, declared: ValueType, computed: ValueType)
        case duplicateField(String)
        case circular([String])
        case tagNotProvided(String)
        /// A tag of `output_name` that names nothing the case holds.
        case nameTagNotProvided(String)
        case unusedField(String)
    }

    /// What a manifest's node should have been.
    public enum Expectation: Sendable, Equatable, CaseIterable {
        case manifest, list, mapping, text, boolean, wholeNumber, texts

        func text(_ zh: Bool) -> String {
            switch self {
            case .manifest: zh ? "表单说明" : "a form manifest"
            case .list: zh ? "列表" : "a list"
            case .mapping: zh ? "键值对" : "a mapping"
            case .text: zh ? "文字" : "text"
            case .boolean: zh ? "true 或 false" : "true or false"
            case .wholeNumber: zh ? "整数" : "a whole number"
            case .texts: zh ? "文字列表" : "a list of texts"
            }
        }
    }

    public var severity: Severity
    public var file: String
    /// Line and column from 1; 0 when the place is not a line of the file (a template's tag).
    public var line: Int
    public var column: Int
    /// For template tags: where in the template (paragraph, table cell, sheet cell).
    public var place: String?
    public var kind: Kind

    init(_ severity: Severity = .error, _ kind: Kind, file: String, line: Int, column: Int, place: String? = nil) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.place = place
    }

    public var description: String { message(.en) }

    /// `form.yaml:12:18: 错误：…`
    public func message(_ language: Language) -> String {
        let zh = language == .zh
        let at = line > 0 ? "\(file):\(line):\(column)" : file + (place.map { zh ? " \($0)" : " (\($0))" } ?? "")
        let tag = severity == .error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")
        return at + (zh ? "：\(tag)：" : ": \(tag): ") + text(language)
    }

    func text(_ language: Language) -> String {
        switch (kind, language) {
        case (.yaml, .zh): "YAML 格式有误（缩进或层次结构）"
        case let (.yaml(m), .en): "not valid YAML: \(m)"
        case let (.unknownKey(k, known), .zh): "不认识的键「\(k)」（可用：\(known.joined(separator: "、"))）"
        case let (.unknownKey(k, known), .en): "unknown key “\(k)” (known: \(known.joined(separator: ", ")))"
        case let (.missingKey(k), .zh): "缺少「\(k)」"
        case let (.missingKey(k), .en): "“\(k)” is missing"
        case let (.duplicateKey(k), .zh): "键「\(k)」重复"
        case let (.duplicateKey(k), .en): "key “\(k)” appears twice"
        case let (.notA(e, k), .zh): "「\(k)」应为\(e.text(true))"
        case let (.notA(e, k), .en): "“\(k)” should be \(e.text(false))"
        case let (.unknownType(t, known), .zh): "不认识的类型「\(t)」（可用：\(known.joined(separator: "、"))）"
        case let (.unknownType(t, known), .en): "unknown type “\(t)” (known: \(known.joined(separator: ", ")))"
        case let (.badLimit(k, v), .zh): "「\(k)」的值「\(v)」不是该字段类型的数或日期"
        case let (.badLimit(k, v), .en): "“\(k)”: “\(v)” is not a number or date of the field's type"
        case let (.expression(e, k), .zh): "\(k)：" + e.message(.zh)
        case let (.expression(e, k), .en): "\(k): " + e.message(.en)
        case let (.tagSyntax(e, k), .zh): "\(k)：" + e.message(.zh)
        case let (.tagSyntax(e, k), .en): "\(k): " + e.message(.en)
        case let (.wrongType(k, d, c), .zh): "计算值「\(k)」声明为\(d.text(.zh))，表达式却得出\(c.text(.zh))"
        case let (.wrongType(k, d, c), .en): "computed value “\(k)” is declared \(d.text(.en)) but its expression gives \(c.text(.en))"
        case let (.duplicateField(k), .zh): "字段或计算值「\(k)」重复定义"
        case let (.duplicateField(k), .en): "field or computed value “\(k)” is defined twice"
        case let (.circular(keys), .zh): "计算值循环依赖：\(keys.joined(separator: " → "))"
        case let (.circular(keys), .en): "computed values depend on each other in a circle: \(keys.joined(separator: " → "))"
        case let (.tagNotProvided(t), .zh): "模板标记 \(t) 没有对应的字段或计算值"
        case let (.tagNotProvided(t), .en): "template tag \(t) is provided by no field or computed value"
        case let (.nameTagNotProvided(t), .zh): "文件名模式中的 \(t) 没有对应的字段或计算值"
        case let (.nameTagNotProvided(t), .en): "\(t) in the file-name pattern output_name is provided by no field or computed value"
        case let (.unusedField(k), .zh): "字段「\(k)」模板和规则都没有用到"
        case let (.unusedField(k), .en): "field “\(k)” is used by neither the template nor any rule"
        }
    }
}
