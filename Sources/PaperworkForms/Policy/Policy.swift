import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// Why a policy file could not be used.
public enum PolicyError: LocalizedFailure, Equatable {
    /// The policy file cannot be read as case data; the cause names the file and the place.
    case unreadable(file: String, cause: CaseFileError)
    case missing(file: String, key: String)
    case invalid(file: String, key: String, expected: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unreadable(_, c), .zh): "政策文件 " + c.message(.zh)
        case let (.unreadable(_, c), .en): "policy file " + c.message(.en)
        case let (.missing(f, k), .zh): "政策文件 \(f) 缺少参数 \(k)"
        case let (.missing(f, k), .en): "policy file \(f) lacks the parameter \(k)"
        case let (.invalid(f, k, e), .zh): "政策文件 \(f) 的参数 \(k) 应为\(e)"
        case let (.invalid(f, k, e), .en): "policy file \(f): parameter \(k) should be \(e)"
        }
    }
}

/// A district's policy numbers (`Templates/policy/miyun-2020.yaml`): ceilings, ratios, caps, dates.
///
/// Every number the calculations use is read from here; none is written in code.
public struct Policy: Sendable {
    public let file: String
    public let values: TemplateValue

    /// Reads a policy file; throws `.policy`.
    public init(contentsOf path: String) throws(PaperworkError) {
        let records: [TemplateValue]
        do { records = try CaseFile.read(at: path) } catch {
            throw .policy(.unreadable(file: path, cause: error))
        }
        self.init(file: path, values: records[0])
    }

    public init(file: String, values: TemplateValue) {
        self.file = file
        self.values = values
    }

    /// The policy's name and document number, for reports.
    public var title: String { (try? text("name")) ?? file }

    func raw(_ key: String) throws(PolicyError) -> TemplateValue {
        guard let v = values.value(at: [FieldKey](dotted: key)), v != .null else {
            throw .missing(file: file, key: key)
        }
        return v
    }

    func text(_ key: String) throws(PolicyError) -> String {
        guard case .string(let s) = try raw(key) else { throw .invalid(file: file, key: key, expected: "文字 text") }
        return s
    }
}
