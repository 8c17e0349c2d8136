import Foundation
import PaperworkOOXML

/// A compiled template of either kind, chosen by the file's extension.
public enum DocumentTemplate: Sendable {
    case docx(DocxTemplate)

    /// Opens and compiles a .docx template.
    public init(contentsOf path: String) throws {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "docx": self = .docx(try DocxTemplate(contentsOf: path))
        default: throw PackageError.unreadable(file: path, reason: "not a .docx template")
        }
    }

    /// The file's extension: `docx`.
    public var fileExtension: String {
        switch self {
        case .docx: "docx"
        }
    }

    /// Fills the template; throws `TemplateProblems` with every data problem.
    public func render(_ data: TemplateValue, options: RenderOptions) throws -> OOXMLPackage {
        switch self {
        case .docx(let t): try t.render(data, options: options)
        }
    }

    /// The same template on its own zip handle, for another thread.
    public func independentCopy() throws -> DocumentTemplate {
        switch self {
        case .docx(let t): .docx(try t.independentCopy())
        }
    }
}
