import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// What an expression computes: a decimal number, text, a truth value, a calendar date, a list, or one
/// item of a list of records. `null` stands for a value that is missing (an optional field left empty).
enum Value: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    case text(String)
    case date(CalendarDate)
    case list([Value])
    case record([FieldKey: TemplateValue])

    /// A value of the case, read as the type the form declares for it.
    init(_ v: TemplateValue, as type: ValueType) {
        switch (v, type) {
        case (.null, _): self = .null
        case (.bool(let b), _): self = .bool(b)
        case (.number(let n), _): self = .number(n)
        case (.string(let s), .date): self = CalendarDate.parse(s).map(Value.date) ?? .null
        case (.string(let s), _): self = .text(s)
        case (.list(let items), .list(let element)): self = .list(items.map { Value($0, as: element) })
        case (.list(let items), _): self = .list(items.map { Value($0, as: .any) })
        case (.object(let members), _): self = .record(members)
        }
    }

    /// The value as the case and the template hold it: dates as ISO text.
    var template: TemplateValue {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .text(let s): .string(s)
        case .date(let d): .string(d.iso)
        case .list(let items): .list(items.map(\.template))
        case .record(let members): .object(members)
        }
    }

    /// How a message shows the value: numbers plainly (`0.055`), dates as `2020-04-30`, truth as 是/否.
    var shown: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "是" : "否"
        case .number(let n): DecimalFormat.plain(n)
        case .text(let s): s
        case .date(let d): d.iso
        case .list(let items): items.map(\.shown).joined(separator: "、")
        case .record: ""
        }
    }
}

/// The type of an expression, known when the form is loaded.
public indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    /// A number, with what it measures.
    case number(NumberUnit)
    case text
    case bool
    case date
    case list(ValueType)
    /// A list item with named fields.
    case record([String: ValueType])
    /// A policy table from names to values: `policy.rent.ratio_by_use`.
    case map(ValueType)
    /// `null`, and an empty list's items: fits any type.
    case any

    /// True for a number of any unit.
    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    /// True when a value of `other` may stand where this type is expected.
    func accepts(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (.any, _), (_, .any): true
        case (.number(let a), .number(let b)): a.joined(with: b) != nil
        case (.list(let a), .list(let b)), (.map(let a), .map(let b)): a.accepts(b)
        case (.record, .record): true
        default: self == other
        }
    }

    /// The type two branches (of `if`, of `min`) share, if they share one.
    func joined(with other: ValueType) -> ValueType? {
        if case .any = self { return other }
        if case .any = other { return self }
        if case .number(let a) = self, case .number(let b) = other { return a.joined(with: b).map(ValueType.number) }
        return accepts(other) ? self : nil
    }

    public var description: String { text(.en) }

    /// The type's name in one language: `数`, `a number`, `金额（元）`; `数的列表`, `list of a number`.
    func text(_ language: Language) -> String {
        let zh = language == .zh
        return switch self {
        case .number(let unit): unit.shown(zh)
        case .text: zh ? "文字" : "text"
        case .bool: zh ? "是/否" : "boolean"
        case .date: zh ? "日期" : "date"
        case .list(let e): zh ? "\(e.text(language))的列表" : "list of \(e.text(language))"
        case .record: zh ? "记录" : "record"
        case .map: zh ? "对照表" : "table"
        case .any: zh ? "任意" : "any"
        }
    }
}
