import Foundation
import PaperworkOOXML

/// Writes one filled worksheet, row by row, into a temporary file: memory stays flat however long the lists.
struct SheetRenderer {
    let sheet: CompiledSheet
    let mover: ReferenceMover
    let styles: StyleVariants
    /// The items of each loop, in loop order.
    let items: [LoopItems]
    var renderer: Renderer
    private var totals = CellTotals()
    private var buffer: [UInt8] = []
    private let sink: DeflatedPart
    private var lastRow = 0
    private let rowName: String
    private let cellName: String
    /// `<row r="`, `<c r="` and `</c>`, with the sheet's prefix.
    private let rowOpen: [UInt8]
    private let cellOpen: [UInt8]
    private let cellClose: [UInt8]
    /// `</v></c>` and `</t></is></c>`: what closes a number and a text cell.
    private let numberClose: [UInt8]
    private let textClose: [UInt8]
    /// ` s="N"` for each style index written so far.
    private var styleAttributes: [[UInt8]] = []
    /// The digits of the row being written.
    private var rowDigits: [UInt8] = []

    init(sheet: CompiledSheet, mover: ReferenceMover, styles: StyleVariants, items: [LoopItems],
         data: TemplateValue, options: RenderOptions) throws {
        self.sheet = sheet
        self.mover = mover
        self.styles = styles
        self.items = items
        self.renderer = Renderer(tags: sheet.tags, data: data, options: options, capacity: 4096)
        self.sink = try DeflatedPart(effort: .quick)
        let prefix = sheet.sheetData.name.firstIndex(of: ":").map { String(sheet.sheetData.name[...$0]) } ?? ""
        rowName = prefix + "row"
        cellName = prefix + "c"
        rowOpen = Array("<\(rowName) r=\"".utf8)
        cellOpen = Array("<\(cellName) r=\"".utf8)
        cellClose = Array("</\(cellName)>".utf8)
        numberClose = Array("</v>".utf8) + cellClose
        textClose = Array("</t></is>".utf8) + cellClose
    }

    /// Fills the sheet; returns the file and the data problems found.
    mutating func render() throws -> (DeflatedPart, [TemplateProblem]) {
        let map = mover.maps[sheet.name]
        watchFormulaInputs(map)
        buffer += MarkupSerializer.declaration
        MarkupSerializer.writeStartTag(sheet.root, selfClosing: false, into: &buffer)
        for node in mover.nodes(sheet.before, on: sheet.name) { MarkupSerializer.write(node, into: &buffer) }
        MarkupSerializer.writeStartTag(sheet.sheetData, selfClosing: false, into: &buffer)
        var i = 0
        while i < sheet.rows.count {
            let row = sheet.rows[i]
            if let (index, loop) = sheet.loops.enumerated().first(where: { $0.element.first <= row.number && row.number <= $0.element.last }) {
                let body = sheet.rows[i...].prefix { $0.number <= loop.last }
                let mapped = map?.loop(containing: row.number)
                var copy = 0
                try items[index].forEach { item in
                    guard copy < items[index].count else { throw XlsxInternalError.itemCount(sheet: sheet.name, expected: items[index].count) }
                    renderer.enter(item, index: copy)
                    renderer.rowItem = copy + 1
                    for r in body { try write(r, number: map?.row(r.number, copy: copy) ?? r.number, copy: copy, loop: mapped) }
                    renderer.rowItem = nil
                    renderer.leave()
                    copy += 1
                }
                guard copy == items[index].count else { throw XlsxInternalError.itemCount(sheet: sheet.name, expected: items[index].count) }
                i += body.count
            } else {
                if let number = map?.first(row.number) ?? Optional(row.number) { try write(row, number: number, copy: nil, loop: nil) }
                i += 1
            }
        }
        MarkupSerializer.writeEndTag(sheet.sheetData.name, into: &buffer)
        var after = mover.nodes(sheet.after, on: sheet.name)
        if let pages = PageBreaks(sheet: sheet, after: after), let loop = sheet.loops.first {
            let rows = pages.breaks(items: items[0].count).map { map?.row(loop.last, copy: $0 - 1) ?? loop.last }
            after = PageBreaks.insert(rows, into: after, prefix: String(rowName.dropLast(3)))
        }
        try Self.checkMerges(after, sheet: sheet.name)
        for node in after { MarkupSerializer.write(node, into: &buffer) }
        MarkupSerializer.writeEndTag(sheet.root.name, into: &buffer)
        sink.write(buffer)
        try sink.finish()
        return (sink, renderer.problems)
    }

    /// Registers the areas that formulas outside loops read, so their totals build up as rows are written.
    private mutating func watchFormulaInputs(_ map: RowMap?) {
        for row in sheet.rows where map?.loop(containing: row.number) == nil {
            for cell in row.cells {
                guard case .formula(let text, _) = cell.content,
                      let e = FormulaExpression.parse(FormulaText.split(mover.formula(text, on: sheet.name))) else { continue }
                let extremes = Set(e.extremeReferences.map(\.text))
                for area in e.references { totals.watch(area, extremes: extremes.contains(area.text)) }
            }
        }
    }

    private mutating func write(_ row: TemplateRow, number: Int, copy: Int?, loop: RowMap.Loop?) throws {
        guard number > lastRow else { throw XlsxInternalError.rowsOutOfOrder(sheet: sheet.name, row: number) }
        lastRow = number
        rowDigits.removeAll(keepingCapacity: true)
        rowDigits.append(decimal: number)
        buffer += rowOpen
        buffer += rowDigits
        buffer.append(UInt8(ascii: "\""))
        buffer += row.attributes
        buffer.append(UInt8(ascii: ">"))
        for cell in row.cells {
            buffer += cellOpen
            buffer.append(utf8: cell.columnName)
            buffer += rowDigits
            buffer.append(UInt8(ascii: "\""))
            switch cell.content {
            case .fixed(let bytes, let value):
                buffer += bytes
                totals.record(row: number, column: cell.column, number: value)
            case .empty:
                buffer.append(utf8: " s=\"\(cell.style)\"/>")
            case .formula(let text, let attributes):
                let moved = mover.formula(text, on: sheet.name, copy: copy, loop: loop)
                buffer += attributes
                buffer.append(utf8: "><f>")
                MarkupSerializer.appendEscapedText(moved, into: &buffer)
                buffer.append(utf8: "</f>")
                let value = FormulaExpression.parse(FormulaText.split(moved))?.evaluate { [totals] area in
                    totals.totals(area, beforeRow: number, column: cell.column)
                }
                if let value {
                    buffer.append(utf8: "<v>\(DecimalFormat.plain(value))</v>")
                }
                buffer.append(utf8: "</\(cellName)>")
                totals.record(row: number, column: cell.column, number: value)
            case .value(let expression, let tag):
                writeValue(expression, tag: tag, cell: cell, row: number)
            case .text(let nodes):
                renderer.render(nodes)
                let bytes = renderer.takeOutput()
                if bytes.count > 32767, let tag = Self.firstTag(nodes), case let length = Self.visibleLength(bytes), length > 32767 {
                    renderer.report(.textTooLong(path: "\(sheet.name)!\(cell.columnName)\(number)", length: length), tag: tag)
                }
                let style = Self.looksLikeFormula(markup: bytes) ? styles.quote[cell.style] ?? cell.style : cell.style
                buffer.append(utf8: " s=\"\(style)\" t=\"inlineStr\">")
                buffer += bytes
                buffer.append(utf8: "</\(cellName)>")
                totals.record(row: number, column: cell.column, number: nil)
            }
            if buffer.count > 1 << 20 { sink.write(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        buffer.append(utf8: "</\(rowName)>")
    }

    private mutating func writeValue(_ expression: TagExpression, tag: Int, cell: TemplateCell, row: Int) {
        var path: String { expression.path.description }
        let evaluated = renderer.evaluate(expression, tag: tag)
        guard var value = evaluated, value != .null else {
            if evaluated == .null && !renderer.options.optionalPaths.contains(path) {
                renderer.report(.missingValue(path: path), tag: tag)
            }
            buffer.append(utf8: " s=\"\(cell.style)\"/>")
            return
        }
        if case .string(let s) = value {
            if !expression.filters.isEmpty || styles.textStyles.contains(cell.style) {
                writeText(s, path: path, tag: tag, cell: cell, row: row)
                return
            }
            if renderer.options.typesFromText {
                switch TypedText.infer(s) {
                case .number(let n): value = .number(n)
                case .date(let d): writeDate(d, cell: cell, row: row); return
                case .none: break
                }
            }
        }
        switch value {
        case .number(let n):
            appendStyle(cell.style)
            buffer.append(utf8: "><v>")
            DecimalFormat.appendPlain(n, into: &buffer)
            buffer += numberClose
            totals.record(row: row, column: cell.column, number: n)
        case .bool(let b):
            buffer.append(utf8: " s=\"\(cell.style)\" t=\"b\"><v>\(b ? 1 : 0)</v></\(cellName)>")
            totals.record(row: row, column: cell.column, number: nil)
        case .string(let s) where s.utf8.count == 10 && s.utf8.dropFirst(4).first == UInt8(ascii: "-"):
            guard let date = CalendarDate.parse(s) else { fallthrough }
            writeDate(date, cell: cell, row: row)
        case .string(let s):
            writeText(s, path: path, tag: tag, cell: cell, row: row)
        default:
            renderer.report(.notText(path: path, kind: value.kind), tag: tag)
            buffer.append(utf8: " s=\"\(cell.style)\"/>")
        }
    }

    /// Writes a date as its serial number, in the cell's date style.
    private mutating func writeDate(_ date: CalendarDate, cell: TemplateCell, row: Int) {
        buffer.append(utf8: " s=\"\(styles.date[cell.style] ?? cell.style)\"><v>\(date.excelSerial)</v></\(cellName)>")
        totals.record(row: row, column: cell.column, number: nil)
    }

    /// Writes a text value as an inline string; text that starts like a formula gets the `quotePrefix` style.
    private mutating func writeText(_ s: String, path: String, tag: Int, cell: TemplateCell, row: Int) {
        if let bad = MarkupSerializer.firstInvalidScalar(in: s) {
            renderer.report(.invalidCharacter(path: path, scalar: bad.value), tag: tag)
        } else if s.utf8.count > 32767, s.count > 32767 {
            renderer.report(.textTooLong(path: path, length: s.count), tag: tag)
        }
        let style = Self.looksLikeFormula(s) ? styles.quote[cell.style] ?? cell.style : cell.style
        appendStyle(style)
        buffer.append(utf8: Self.needsPreserve(s) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
        MarkupSerializer.appendEscapedText(s, into: &buffer)
        buffer += textClose
        totals.record(row: row, column: cell.column, number: nil)
    }

    private mutating func appendStyle(_ style: Int) {
        if style >= styleAttributes.count {
            styleAttributes += (styleAttributes.count...style).map { Array(" s=\"\($0)\"".utf8) }
        }
        buffer += styleAttributes[style]
    }

    /// True when text has white space a reader would trim without `xml:space="preserve"`: at either end, tabs or line breaks.
    static func needsPreserve(_ text: String) -> Bool {
        if text.hasWhiteSpaceAtEnds { return true }
        let hasBreak = text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
        return hasBreak ?? text.utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The characters a reader sees in rendered cell markup: tags skipped, each entity one character.
    static func visibleLength(_ bytes: [UInt8]) -> Int {
        var count = 0
        var inTag = false, inEntity = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">") where inTag: inTag = false
            case UInt8(ascii: "&") where !inTag: inEntity = true; count += 1
            case UInt8(ascii: ";") where inEntity: inEntity = false
            default:
                if !inTag && !inEntity && (b & 0xC0) != 0x80 { count += 1 }
            }
        }
        return count
    }

    /// The first tag of a cell's nodes, to place a problem about the whole cell.
    static func firstTag(_ nodes: [CompiledNode]) -> Int? {
        for node in nodes {
            switch node {
            case .value(_, let tag, _): return tag
            case .block(let b): return b.tag
            default: continue
            }
        }
        return nil
    }

    /// Refuses merged ranges that overlap, which Excel would offer to repair.
    static func checkMerges(_ nodes: [MarkupNode], sheet: String) throws {
        var areas: [(r1: Int, r2: Int, c1: Int, c2: Int, text: String)] = []
        for case .element(let e) in nodes where e.localName == "mergeCells" {
            for m in e.elements {
                guard let ref = m[attribute: "ref"], let a = AreaRef.parse(Substring(ref)), let r1 = a.start.row, let c1 = a.start.column else { continue }
                areas.append((r1, a.end?.row ?? r1, c1, a.end?.column ?? c1, ref))
            }
        }
        areas.sort { $0.r1 < $1.r1 }
        var active: [(r1: Int, r2: Int, c1: Int, c2: Int, text: String)] = []
        for a in areas {
            active.removeAll { $0.r2 < a.r1 }
            if let b = active.first(where: { $0.c1 <= a.c2 && a.c1 <= $0.c2 }) {
                throw XlsxInternalError.overlappingMerges(sheet: sheet, ranges: b.text + " " + a.text)
            }
            active.append(a)
        }
    }

    /// True when a value starts like a formula: `= + - @`, tab, line break, or their full-width forms.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        if first < 0x80 { return "=+-@\t\n\r".utf8.contains(first) }
        return first == 0xEF && startsWithWideFormulaSign(text.utf8)
    }

    /// True when rendered cell markup (inside `<is><t …>`) starts like a formula, as `looksLikeFormula`.
    static func looksLikeFormula(markup bytes: [UInt8]) -> Bool {
        var start = bytes[...]
        if start.starts(with: "<is>".utf8), let close = start.firstIndex(of: UInt8(ascii: ">")).flatMap({ i in
            start[start.index(after: i)...].firstIndex(of: UInt8(ascii: ">")) }) {
            start = start[start.index(after: close)...]
        }
        guard let first = start.first else { return false }
        if first < 0x80 { return "=+-@\t\n".utf8.contains(first) || start.starts(with: "&#13;".utf8) }
        return startsWithWideFormulaSign(start)
    }

    private static func startsWithWideFormulaSign<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        ["＝", "＋", "－", "＠"].contains { bytes.starts(with: $0.utf8) }
    }
}


/// A check before writing found something Excel would repair: a bug, reported instead of a broken file.
enum XlsxInternalError: LocalizedFailure {
    case rowsOutOfOrder(sheet: String, row: Int)
    case overlappingMerges(sheet: String, ranges: String)
    case itemCount(sheet: String, expected: Int)

    func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.rowsOutOfOrder(s, r), .zh): "内部错误：工作表 \(s) 第 \(r) 行顺序错误，未写出文件"
        case let (.rowsOutOfOrder(s, r), .en): "internal error: sheet \(s), row \(r) out of order; nothing written"
        case let (.overlappingMerges(s, r), .zh): "内部错误：工作表 \(s) 的合并单元格 \(r) 重叠，未写出文件"
        case let (.overlappingMerges(s, r), .en): "internal error: sheet \(s) has overlapping merges \(r); nothing written"
        case let (.itemCount(s, n), .zh): "内部错误：工作表 \(s) 的列表项数与预计的 \(n) 项不符（数据文件是否在填写时被改动？），未写出文件"
        case let (.itemCount(s, n), .en): "internal error: sheet \(s) got a different number of list items than the \(n) expected (was the data file changed meanwhile?); nothing written"
        }
    }
}
