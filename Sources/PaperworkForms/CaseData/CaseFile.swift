import Foundation
import PaperworkOOXML
import PaperworkTemplate
import Yams

/// Reads case data: JSON or YAML; a top-level list holds many records.
public enum CaseFile {
    /// The records of a file, by its extension.
    public static func records(at path: String) throws(PaperworkError) -> [TemplateValue] {
        do { return try read(at: path) } catch { throw .caseFile(error) }
    }

    static func read(at path: String) throws(CaseFileError) -> [TemplateValue] {
        try records(in: try contents(of: path), file: path)
    }

    /// The records of a file's bytes, read by the file's extension.
    static func records(in data: Data, file path: String) throws(CaseFileError) -> [TemplateValue] {
        let value: TemplateValue
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": value = try json(data, file: path)
        case "yaml", "yml": value = try yaml(data, file: path)
        default: throw .unsupportedFormat(file: path)
        }
        switch value {
        case .list(let items) where items.isEmpty: throw .empty(file: path)
        case .list(let items): return items
        case .null: throw .empty(file: path)
        default: return [value]
        }
    }

    /// The bytes of a file; the system's error when it cannot be read.
    static func contents(of path: String) throws(CaseFileError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(file: path, cause: .reading(path)) }
        return data
    }

    static func json(_ data: Data, file: String) throws(CaseFileError) -> TemplateValue {
        try checkUTF8(data, file: file)
        do { return try JSONReader.value(in: data) } catch { throw .malformed(file: file, error) }
    }

    /// JSON text must be UTF-8 (RFC 8259), checked before it is read.
    static func checkUTF8(_ data: Data, file: String) throws(CaseFileError) {
        guard String(validatingUTF8Data: data) != nil else { throw .malformed(file: file, SyntaxProblem(.json, .notUTF8)) }
    }

    static func yaml(_ data: Data, file: String) throws(CaseFileError) -> TemplateValue {
        guard let text = String(validatingUTF8Data: data) else { throw .malformed(file: file, SyntaxProblem(.yaml, .notUTF8)) }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .null }
            return convert(node)
        } catch let error as YamlError {
            switch error {
            case let .parser(_, problem, mark, _), let .scanner(_, problem, mark, _):
                throw .malformed(file: file, SyntaxProblem(.yaml, .structure(detail: problem), line: mark.line, column: mark.column))
            default:
                throw .malformed(file: file, SyntaxProblem(.yaml, .structure(detail: "\(error)")))
            }
        } catch {
            throw .malformed(file: file, SyntaxProblem(.yaml, .structure(detail: "\(error)")))
        }
    }

    /// YAML scalars keep their text: a plain number becomes an exact decimal, a quoted one stays text.
    static func convert(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            let s = scalar.string
            switch s {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default:
                if isPlainNumber(s), let n = Decimal(string: s, locale: .posix) { return .number(n) }
                return .string(s)
            }
        case .mapping(let mapping):
            var members: [FieldKey: TemplateValue] = [:]
            for (key, value) in mapping { members[FieldKey(key.string ?? "")] = convert(value) }
            return .object(members)
        case .sequence(let sequence):
            return .list(sequence.map(convert))
        case .alias:
            return .null
        }
    }

    /// `12`, `-3.5`, `0.055` — but not `0091` or `911101...` codes with leading zeros, which stay text.
    private static func isPlainNumber(_ s: String) -> Bool {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, body.first != ".", body.last != "." else { return false }
        if body.count > 1 && body.first == "0" && body.dropFirst().first != "." { return false }
        return body.filter(\.isNumber).count <= 15
    }
}
