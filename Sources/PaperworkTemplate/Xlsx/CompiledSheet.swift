import Foundation
import PaperworkOOXML

/// A cell of a template row, ready to be written for any row number.
struct TemplateCell: Sendable {
    enum Content: Sendable {
        /// Copied as is: the bytes after `r="…"`, and the number it holds, if any.
        case fixed([UInt8], number: Decimal?)
        /// A formula from the template, moved by the row map when written.
        case formula(String, attributes: [UInt8])
        /// The whole text is one value: the cell takes the value's type.
        case value(TagExpression, tag: Int)
        /// Text with tags, written as an inline string.
        case text([CompiledNode])
        /// An empty cell that keeps its style (a loop marker was all it held).
        case empty
    }

    var column: Int
    var columnName: String
    /// The template cell's style index.
    var style: Int
    var content: Content
}

/// A row of a template sheet.
struct TemplateRow: Sendable {
    var number: Int
    /// The row's attributes other than `r` and `spans`, serialised.
    var attributes: [UInt8]
    var cells: [TemplateCell]
}

/// A row loop: the rows from `first` to `last` repeat once per item of `expression`.
struct RowLoop: Sendable {
    var first: Int
    var last: Int
    var expression: TagExpression
    var tag: Int
}

/// A worksheet compiled for filling.
struct CompiledSheet: Sendable {
    var name: String
    var part: String
    /// The worksheet element without children (namespaces and all).
    var root: MarkupElement
    var before: [MarkupNode]
    var sheetData: MarkupElement
    var rows: [TemplateRow]
    var after: [MarkupNode]
    var loops: [RowLoop]
    var tags: [TagOccurrence]
}
