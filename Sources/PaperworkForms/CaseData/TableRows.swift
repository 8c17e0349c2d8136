import PaperworkTemplate

/// The rows of a table as the items of a plain workbook template's row loop, each an object keyed by its
/// headings: read from the file each time they are written, so memory stays flat however long the table.
struct TableRows: ItemStream {
    let table: TableItems
    let count: Int

    init(table: TableItems) throws {
        self.table = table
        var count = 0
        try table.forEach { _, _ in count += 1 }
        self.count = count
    }

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        try table.forEach { _, cells in try body(table.map.record(cells)) }
    }

    /// The row in the data file of each of `items` (numbered from 1, as a loop counts them); nil for a JSON list's.
    func rows(of items: Set<Int>) throws -> [Int: Int?] {
        guard !items.isEmpty else { return [:] }
        var rows: [Int: Int?] = [:]
        var number = 0
        try table.forEach { row, _ in
            number += 1
            if items.contains(number) { rows[number] = row }
        }
        return rows
    }
}
