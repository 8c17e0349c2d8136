import Foundation
import PaperworkOOXML

/// The one error the template layer's entry points throw: loading, inspecting, filling and writing a template.
///
/// Each case keeps the error it wraps as a value — with its file, part, place and cause — so a caller can
/// switch over the cases (`catch .problems(let found)`) and show any of them in either language with
/// `message(_:)`.
public enum TemplateError: LocalizedFailure {
    /// The template or the filled document could not be read or written (the file, its zip or its XML).
    case package(PackageError)
    /// Every problem found in the template, or in the data it was filled with, each with its place.
    case problems(TemplateProblems)
    /// A list given item by item (`ItemStream`) failed while it was read; its own error, e.g. a case file's row.
    case items(any Error)
    /// A fault of the engine itself, found before anything was written (rows out of order, a list stream that
    /// gave another number of items than its `count`).
    case `internal`(any LocalizedFailure)
    /// The value given to `render(encoding:)` could not be turned into template data; `path` is where.
    case unencodable(path: String)

    /// The wrapped error, or this one when it wraps none (or wraps an error that cannot explain itself).
    public var underlying: any LocalizedFailure {
        switch self {
        case .package(let e): e
        case .problems(let e): e
        case .items(let e): (e as? LocalizedFailure) ?? self
        case .internal(let e): e
        case .unencodable: self
        }
    }

    /// The problems, when this is `.problems` and every one is the data's (a missing value, text where a number
    /// goes): the fill's findings rather than a failure of the template.
    public var dataProblems: TemplateProblems? {
        guard case .problems(let found) = self, found.problems.allSatisfy(\.isDataProblem) else { return nil }
        return found
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.unencodable(let path), .zh): "数据无法转换为模板的值" + (path.isEmpty ? "" : "（\(path)）")
        case (.unencodable(let path), .en): "the value cannot be turned into template data" + (path.isEmpty ? "" : " (\(path))")
        case (.items(let e), .zh) where !(e is LocalizedFailure): "逐项读取的列表无法读完"
        case (.items(let e), .en) where !(e is LocalizedFailure): "a list read item by item could not be read to its end"
        default: underlying.message(language)
        }
    }

    /// Any error of the layer's inner code as this type: a package's or the template's own in their cases,
    /// a list stream's as `.items`, an encoder's as `.unencodable`.
    package static func wrap(_ error: any Error) -> TemplateError {
        switch error {
        case let e as TemplateError: e
        case let e as TemplateProblems: .problems(e)
        case let e as PackageError: .package(e)
        case let e as ZipError: .package(.zip(e))
        case let e as OutputError: .package(.output(e))
        case let e as XlsxInternalError: .internal(e)
        case EncodingError.invalidValue(_, let context): .unencodable(path: context.codingPath.map(\.stringValue).joined(separator: "."))
        case is EncodingError, is DecodingError: .unencodable(path: "")
        default: .items(error)
        }
    }
}
