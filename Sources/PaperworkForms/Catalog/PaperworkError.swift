import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// The one error the forms layer's entry points throw: loading a form or the policy, reading and validating case
/// data, filling one document or a batch, writing a report, reading documents back and collecting them.
///
/// Each case keeps the error it wraps as a value — its file, record, row, field and cause — so a caller switches
/// over the cases without a cast, and shows any of them in either language with `message(_:)`.
public enum PaperworkError: LocalizedFailure {
    /// A form's folder or manifest: not found, unreadable, or refused with its problems.
    case form(FormError)
    /// The policy file.
    case policy(PolicyError)
    /// A case file: unreadable, malformed, in the wrong encoding, a bad setting.
    case caseFile(CaseFileError)
    /// What a job was asked to do and cannot (no template, one case expected, a list form in a batch).
    case job(JobError)
    /// A document read back (`extract`, `collect`): no data, nothing visible, a broken embedded part.
    case extract(ExtractError)
    /// The template: unreadable, or its problems; a fill's data problems when they are not made findings.
    case template(TemplateError)
    /// A package read or written (a document read back or embedded into, a report).
    case package(PackageError)
    /// An output file or folder.
    case output(OutputError)

    /// The wrapped error; a template error's own cause.
    public var underlying: any LocalizedFailure {
        switch self {
        case .form(let e): e
        case .policy(let e): e
        case .caseFile(let e): e
        case .job(let e): e
        case .extract(let e): e
        case .template(let e): e.underlying
        case .package(let e): e
        case .output(let e): e
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .template(let e): e.message(language)
        default: underlying.message(language)
        }
    }

    /// Any error of the layer's inner code as this type: each specific error in its case; a template's error
    /// whose cause is a case file read item by item (a list's row) as that case file's error.
    package static func wrap(_ error: any Error) -> PaperworkError {
        switch error {
        case let e as PaperworkError: e
        case let e as FormError: .form(e)
        case let e as PolicyError: .policy(e)
        case let e as CaseFileError: .caseFile(e)
        case let e as JobError: .job(e)
        case let e as ExtractError: .extract(e)
        case let e as PackageError: .package(e)
        case let e as OutputError: .output(e)
        case let e as TemplateError: fromTemplate(e)
        default: .template(TemplateError.wrap(error))
        }
    }

    private static func fromTemplate(_ error: TemplateError) -> PaperworkError {
        if case .items(let inner) = error, let caseFile = inner as? CaseFileError { return .caseFile(caseFile) }
        return .template(error)
    }
}
