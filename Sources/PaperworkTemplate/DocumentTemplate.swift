import Foundation
import PaperworkOOXML

/// A compiled template of either kind, chosen by the file's extension.
public enum DocumentTemplate: Sendable {
    case docx(DocxTemplate)
    case xlsx(XlsxTemplate)

    /// Opens and compiles a .docx or .xlsx template; `names` maps mail-merge field names to data keys.
    public init(contentsOf path: String, names: FieldNameResolver? = nil) throws(TemplateError) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "docx": self = .docx(try DocxTemplate(contentsOf: path, names: names))
        case "xlsx": self = .xlsx(try XlsxTemplate(contentsOf: path))
        default: throw .package(.notATemplate(file: path))
        }
    }

    /// What the template does that is filled but may not come out as meant.
    public var warnings: [TemplateProblem] {
        switch self {
        case .docx(let t): t.warnings
        case .xlsx(let t): t.warnings
        }
    }

    /// The file's extension: `docx` or `xlsx`.
    public var fileExtension: String {
        switch self {
        case .docx: "docx"
        case .xlsx: "xlsx"
        }
    }

    /// The names the tags read: the first key of every path (`乙方` for `{{乙方.名称}}`), items' fields included.
    public var names: Set<String> {
        switch self {
        case .docx(let t): t.names
        case .xlsx(let t): t.names
        }
    }

    /// The list a workbook's row loops repeat over, which a table of data fills one row per item; nil for Word.
    public var rowListKey: FieldKey? {
        switch self {
        case .docx: nil
        case .xlsx(let t): t.rowListKey
        }
    }

    /// The extension a template's path must have, lowercased, or nil when it is neither kind.
    public static func fileExtension(of path: String) -> String? {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        return ext == "docx" || ext == "xlsx" ? ext : nil
    }

    /// Fills the template; throws `.problems` with every data problem.
    ///
    /// `streams` are lists by top-level key, made item by item: an .xlsx row loop writes them as they
    /// come; a .docx holds them (documents are short).
    public func render(_ data: TemplateValue, streams: [FieldKey: any ItemStream] = [:], options: RenderOptions) throws(TemplateError) -> OOXMLPackage {
        switch self {
        case .docx(let t):
            let whole: TemplateValue
            do { whole = try data.including(streams) } catch { throw .wrap(error) }
            return try t.render(whole, options: options)
        case .xlsx(let t):
            return try t.render(data, streams: streams, options: options)
        }
    }

    /// The same template on its own zip handle, for another thread.
    public func independentCopy() throws(TemplateError) -> DocumentTemplate {
        switch self {
        case .docx(let t): .docx(try t.independentCopy())
        case .xlsx(let t): .xlsx(try t.independentCopy())
        }
    }
}
