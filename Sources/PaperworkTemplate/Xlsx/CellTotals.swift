import Foundation

/// Running totals of the ranges that formulas read, filled as cells are written, so that a
/// totals row below a 100,000-row loop gets its cached value without keeping the rows.
struct CellTotals {
    private struct Watch {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
        var totals = RangeTotals()
    }

    private var watches: [Watch] = []
    private var byKey: [String: Int] = [:]
    /// The watches of each column, by column index.
    private var byColumn: [[Int]] = []
    /// Values written in the current row, by column index, for formulas that read their own row.
    private var currentRow = 0
    private var rowValues: [RangeTotals?] = []
    private var rowColumns: [Int] = []

    /// Starts following an area; `extremes` when a MIN or MAX reads it.
    mutating func watch(_ area: AreaRef, extremes: Bool) {
        if let known = byKey[area.text] {
            if extremes { watches[known].totals.keepsExtremes = true }
            return
        }
        guard let r1 = area.start.row, let c1 = area.start.column else { return }
        let r2 = area.end?.row ?? r1, c2 = area.end?.column ?? c1
        var totals = RangeTotals()
        totals.keepsExtremes = extremes
        watches.append(Watch(rows: min(r1, r2)...max(r1, r2), columns: min(c1, c2)...max(c1, c2), totals: totals))
        let index = watches.count - 1
        byKey[area.text] = index
        for c in min(c1, c2)...max(c1, c2) {
            if c >= byColumn.count { byColumn += repeatElement([], count: c - byColumn.count + 1) }
            byColumn[c].append(index)
        }
    }

    /// Records a written cell: a number, or text (which only COUNTA sees).
    mutating func record(row: Int, column: Int, number: Decimal?) {
        if row != currentRow {
            currentRow = row
            for c in rowColumns { rowValues[c] = nil }
            rowColumns.removeAll(keepingCapacity: true)
        }
        var cell = RangeTotals()
        if let number { cell.add(number) } else { cell.addText() }
        if column >= rowValues.count { rowValues += repeatElement(nil, count: column - rowValues.count + 1) }
        rowValues[column] = cell
        rowColumns.append(column)
        guard column < byColumn.count else { return }
        for i in byColumn[column] where watches[i].rows.contains(row) {
            if let number { watches[i].totals.add(number) } else { watches[i].totals.addText() }
        }
    }

    /// What an area holds, when every cell of it has been written before (`row`, `column`).
    func totals(_ area: AreaRef, beforeRow row: Int, column: Int) -> RangeTotals? {
        guard let r1 = area.start.row, let c1 = area.start.column else { return nil }
        if area.end == nil && r1 == row && r1 == currentRow && c1 < column { return (c1 < rowValues.count ? rowValues[c1] : nil) ?? RangeTotals() }
        guard max(r1, area.end?.row ?? r1) < row, let i = byKey[area.text] else { return nil }
        return watches[i].totals
    }
}
