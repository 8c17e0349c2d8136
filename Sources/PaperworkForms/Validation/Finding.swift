import Foundation
import PaperworkOOXML

/// One problem with a case: where it is, which field, which value, which rule, and what to do.
public struct Finding: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    /// The record's number, from 1 (the list item's number for list forms).
    public var record: Int
    /// The row in the source file, for spreadsheets and CSV.
    public var row: Int?
    /// The field's key (`乙方.信用代码`), if the finding is about one field.
    public var field: String?
    /// The field's Chinese label.
    public var label: String?
    public var value: String?
    /// The rule's id: `required`, `type`, `credit_code`, `layoff_ratio`, …
    public var rule: String
    public var message: String
    public var messageEn: String
    /// The file the finding is about when it is not the data file: the template, for the template's warnings.
    public var file: String?

    public init(_ severity: Severity, record: Int, row: Int? = nil, field: String? = nil, label: String? = nil,
                value: String? = nil, rule: String, zh: String, en: String, file: String? = nil) {
        self.severity = severity
        self.record = record
        self.row = row
        self.field = field
        self.label = label
        self.value = value
        self.rule = rule
        self.message = zh
        self.messageEn = en
        self.file = file
    }

    /// One line: where, which field, which value, and the message.
    public func line(_ language: Language, file: String? = nil) -> String {
        let zh = language == .zh
        var what: [String] = []
        if let row { what.append(zh ? "第 \(row) 行" : "row \(row)") } else if record > 0 { what.append(zh ? "第 \(record) 条记录" : "record \(record)") }
        if let field { what.append(zh ? "字段「\(label ?? field)」(\(field))" : "field “\(label ?? field)” (\(field))") }
        if let value { what.append(zh ? "值「\(value)」" : "value “\(value)”") }
        let place = [self.file ?? file, what.isEmpty ? nil : what.joined(separator: " ")].compactMap { $0 }.joined(separator: zh ? " " : ", ")
        let tag = severity == .error ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")
        return zh ? "\(tag)：\(place)：\(message)" : "\(tag): \(place): \(messageEn)"
    }
}
