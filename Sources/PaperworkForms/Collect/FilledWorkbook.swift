import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// A workbook filled from a list template, read backwards through the template's mapping: the cells
/// above and below the loop give the header's values, every row between the loop's first row and the
/// row that ends it (`合计`, or the sign-off) is an item. Rows added, deleted or edited by hand are
/// read as they now stand; the sheet is read row by row, never held as a tree.
struct FilledWorkbook {
    /// A value read from the sheet, with its cell.
    struct Read {
        var path: [FieldKey]
        var value: TemplateValue
        var place: String
    }

    let file: String
    let reader: WorkbookReader
    let mapping: SheetMapping
    let loop: SheetMapping.Loop
    let part: String
    /// The template's file, which a workbook whose headings differ was not made from.
    let template: String

    init(file: String, package: OOXMLPackage, template: OOXMLPackage) throws {
        self.file = file
        self.template = template.label
        reader = try WorkbookReader(package)
        let mappings = try SheetMapping.mappings(of: template)
        guard let mapping = mappings.first(where: { $0.loop != nil }), let loop = mapping.loop else {
            throw ExtractError.noRowLoop(template: template.label)
        }
        self.mapping = mapping
        self.loop = loop
        guard let part = reader.sheets.first(where: { $0.name == mapping.sheet })?.part ?? (reader.sheets.count == 1 ? reader.sheets[0].part : nil) else {
            throw ExtractError.sheetMissing(file: file, sheet: mapping.sheet)
        }
        self.part = part
    }

    /// The list's key in the case (`企业`).
    var list: [FieldKey] { loop.list }

    /// Calls `above` with the values above the loop before the first item, `item` with each item row (its
    /// number and the values of its cells, by field path and cell); returns the header's values, above and below.
    /// With `checkHeadings` (a workbook without embedded data), a workbook whose heading row does not hold the
    /// template's headings — most of them — is refused before any of its rows is taken as an item.
    func read(checkHeadings: Bool = false, above: ([Read]) throws -> Void, _ item: (_ row: Int, _ values: [Read]) throws -> Void) throws -> [Read] {
        enum Phase { case above, items, below }
        var phase = Phase.above
        var offset = 0
        var header: [Read] = []
        let height = loop.last - loop.first + 1
        let below = mapping.cells.filter { $0.row > loop.last }
        var pending: [Read] = []
        var pendingRow = 0
        func readCells(_ cells: [SheetMapping.Cell], in row: SheetRow, rowInTemplate: Int) -> [Read] {
            cells.filter { $0.row == rowInTemplate }.flatMap { cell in
                row.cells[cell.column].map { Self.values(of: $0, pattern: cell.pattern, place: place(row.number, cell.column)) } ?? []
            }
        }
        var headings = checkHeadings ? mapping.headings : nil
        try reader.rows(ofSheet: part) { row in
            if let h = headings, row.number >= h.row {
                try self.check(headings: h, in: row.number == h.row ? row : nil)
                headings = nil
            }
            if phase != .below && row.number >= loop.first {
                if let shift = endShift(row, below: below) { phase = .below; offset = shift }
            }
            switch phase {
            case .above where row.number < loop.first:
                header += readCells(mapping.cells, in: row, rowInTemplate: row.number)
            case .above, .items:
                if phase == .above { try above(header) }
                phase = .items
                let within = (row.number - loop.first) % height
                pending += loop.cells.filter { $0.row == within }.flatMap { cell in
                    row.cells[cell.column].map { Self.values(of: $0, pattern: cell.pattern, place: place(row.number, cell.column)) } ?? []
                }
                if within == 0 { pendingRow = row.number }
                if within == height - 1 {
                    if !pending.isEmpty { try item(pendingRow, pending) }
                    pending = []
                }
            case .below:
                header += readCells(below, in: row, rowInTemplate: row.number - offset)
            }
        }
        if let h = headings { try check(headings: h, in: nil) }
        if !pending.isEmpty { try item(pendingRow, pending) }
        if phase == .above { try above(header) }
        return header
    }

    /// Refuses the workbook when its heading row holds half of the template's headings or fewer.
    private func check(headings: (row: Int, texts: [Int: String]), in row: SheetRow?) throws {
        let found = headings.texts.filter { column, text in
            if case .text(let t)? = row?.cells[column] { t.trimmed == text.trimmed } else { false }
        }
        guard found.count * 2 <= headings.texts.count else { return }
        let expected = headings.texts.sorted { $0.key < $1.key }.map { $0.value.split(whereSeparator: \.isNewline).joined().trimmed }
        throw ExtractError.otherTemplate(file: file, template: template, sheet: mapping.sheet, row: headings.row, headings: expected)
    }

    /// How far the rows below the loop moved, when this row is the first of them: it holds the fixed
    /// texts of the row that ends the items, or a sign-off cell's literals.
    private func endShift(_ row: SheetRow, below: [SheetMapping.Cell]) -> Int? {
        if let end = mapping.end, !end.texts.isEmpty, end.texts.allSatisfy({ column, text in
            if case .text(let t)? = row.cells[column] { return t.trimmed == text.trimmed }
            return false
        }) {
            return row.number - end.row
        }
        for cell in below where cell.pattern.pieces.contains(where: { if case .literal = $0 { true } else { false } }) {
            if case .text(let t)? = row.cells[cell.column], cell.pattern.match(t) != nil { return row.number - cell.row }
        }
        return nil
    }

    private func place(_ row: Int, _ column: Int) -> String {
        "\(mapping.sheet)!\(CellReference.columnName(column))\(row)"
    }

    /// The values a cell gives through its pattern: a whole-value cell typed, text matched against the literals.
    static func values(of cell: CellValue, pattern: TextPattern, place: String) -> [Read] {
        if pattern.isWholeValue, case .value(.keys(let keys), let filters) = pattern.pieces[0],
           filters.allSatisfy({ !TextPattern.oneWay.contains($0) }) {
            return [Read(path: keys, value: value(cell), place: place)]
        }
        let text: String
        switch value(cell) {
        case .string(let s): text = s
        case let other: text = other.displayText
        }
        return (pattern.match(text) ?? []).compactMap { match in
            guard case .keys(let keys) = match.path else { return nil }
            return Read(path: keys, value: .string(match.text), place: place)
        }
    }

    /// A cell's value as a case file's reader gives it: dates as ISO text, numbers at Excel's precision.
    static func value(_ cell: CellValue) -> TemplateValue {
        switch cell {
        case .text(let s): .string(s)
        case .number(let n, let isDate):
            isDate ? (CalendarDate(excelSerial: NSDecimalNumber(decimal: n).intValue).map { .string($0.iso) } ?? .number(n))
                : .number(RowReader.excelPrecision(n))
        case .bool(let b): .bool(b)
        case .error(let e): .string(e)
        }
    }
}
