import PaperworkTemplate

/// The rows of a table below its heading row, as the items of a list form's list: read again each time
/// they are needed instead of being held, so that a 100,000-row list costs no more memory than one row.
public struct TableItems: Sendable {
    let reader: RowReader
    /// The number of the heading row in the file; items are the rows below it.
    let headingRow: Int
    let map: ColumnMap
    /// False for the items of a JSON list, which stand on no row of a table.
    var numbered = true

    /// Calls `body` with each item's row in the file (nil when not `numbered`) and its cells (`map` says where
    /// each goes); note rows (`说明…`, `注：…`) are skipped.
    func forEach(_ body: (_ row: Int?, _ cells: [TemplateValue]) throws -> Void) throws {
        try reader.forEach { number, cells in
            if number > headingRow && !Self.isNote(cells) { try body(numbered ? number : nil, cells) }
            return true
        }
    }

    /// True when the table has at least one item.
    func hasItems() throws -> Bool {
        var found = false
        try reader.forEach { number, cells in
            found = number > headingRow && !Self.isNote(cells)
            return !found
        }
        return found
    }

    /// A row of notes under a data-entry sheet's headings, or its sample row (`示例：…`), not an item.
    static func isNote(_ cells: [TemplateValue]) -> Bool {
        guard let first = cells.first(where: { $0 != .null })?.displayText else { return false }
        return first.utf8.starts(with: "说明".utf8) || first.utf8.starts(with: "注：".utf8) || first.utf8.starts(with: "示例：".utf8)
    }
}
