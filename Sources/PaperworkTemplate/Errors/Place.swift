/// Where a tag stands in a template, in terms a user of Word can find.
public struct Place: Sendable, Equatable, Hashable, Codable {
    /// The part: `word/document.xml`, `word/header1.xml`.
    public var part: String
    /// The paragraph's number in the part, from 1 (0 when not in a paragraph).
    public var paragraph: Int
    /// The innermost table, row and cell, from 1, when the tag is in a table.
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// The start of the paragraph's text, to recognise it.
    public var excerpt: String

    /// `word/document.xml 第 3 段（表格 1 第 2 行第 3 列）「…」`.
    public func description(_ zh: Bool) -> String {
        var s = part
        if zh {
            if paragraph > 0 { s += " 第 \(paragraph) 段" }
            if let table, let row, let cell { s += "（表格 \(table) 第 \(row) 行第 \(cell) 列）" }
            if !excerpt.isEmpty { s += "「\(excerpt)」" }
        } else {
            if paragraph > 0 { s += ", paragraph \(paragraph)" }
            if let table, let row, let cell { s += " (table \(table), row \(row), cell \(cell))" }
            if !excerpt.isEmpty { s += " “\(excerpt)”" }
        }
        return s
    }
}
