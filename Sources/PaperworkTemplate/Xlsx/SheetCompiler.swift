import Foundation
import PaperworkOOXML

/// Compiles one worksheet: its rows and cells, the tags in its cells, and its row loops.
struct SheetCompiler {
    let name: String
    let part: String
    /// The shared strings' `si` elements, runs and all.
    let sharedStrings: [MarkupElement]
    private(set) var tags: [TagOccurrence] = []
    private(set) var problems: [TemplateProblem] = []
    /// Styles of cells that hold a whole-cell value, which need quote and date variants.
    private(set) var valueStyles: Set<Int> = []

    init(name: String, part: String, sharedStrings: [MarkupElement]) {
        self.name = name
        self.part = part
        self.sharedStrings = sharedStrings
    }

    /// A marker of a row loop found in a cell.
    private struct Marker {
        var row: Int
        var column: Int
        var tag: Tag
        var tagIndex: Int
    }

    /// `pivotOutput`: the areas of the sheet's pivot tables, whose cells are the pivot's last output (the text of
    /// the template's cells, tags included), rebuilt by readers on refresh: they are copied as they are.
    mutating func compile(_ document: MarkupDocument, tableHeaders: Set<String>, pivotOutput: [AreaRef] = []) -> CompiledSheet? {
        var root = document.root
        root.children = []
        let children = document.root.children
        guard let dataIndex = children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "sheetData" } else { false } }),
              case .element(let sheetData) = children[dataIndex] else { return nil }
        var rows: [TemplateRow] = []
        var markers: [Marker] = []
        var sharedMasters: [String: (formula: String, row: Int, column: Int)] = [:]
        var nextRow = 1
        for rowElement in sheetData.elements where rowElement.localName == "row" {
            let number = rowElement[attribute: "r"].flatMap(Int.init) ?? nextRow
            nextRow = number + 1
            var attributes: [UInt8] = []
            for a in rowElement.attributes where a.name != "r" && a.name != "spans" {
                attributes += " \(a.name)=\"".utf8
                MarkupSerializer.appendEscapedAttribute(a.value, into: &attributes)
                attributes.append(UInt8(ascii: "\""))
            }
            var cells: [TemplateCell] = []
            var nextColumn = 0
            for c in rowElement.elements where c.localName == "c" {
                let column = c[attribute: "r"].flatMap(CellReference.parse)?.column ?? nextColumn
                nextColumn = column + 1
                let ref = CellReference.columnName(column) + String(number)
                let style = c[attribute: "s"].flatMap(Int.init) ?? 0
                let cellName = CellReference.columnName(column)
                let isPivotOutput = pivotOutput.contains { area in
                    guard let r1 = area.start.row, let c1 = area.start.column else { return false }
                    return (r1...(area.end?.row ?? r1)).contains(number) && (c1...(area.end?.column ?? c1)).contains(column)
                }
                if !isPivotOutput, let string = string(of: c), case let text = WorkbookReader.plainText(string), text.unicodeScalars.contains(where: TagLexer.isOpen),
                   !TagLexer.scan(Array(text.unicodeScalars)).isEmpty {
                    if tableHeaders.contains(ref) {
                        problems.append(TemplateProblem(kind: .tagInTableHeader, place: place(ref, text)))
                    }
                    let (content, found) = compileText(text, runs: string.elements.filter { $0.localName == "r" }, ref: ref, row: number, column: column)
                    markers += found
                    if case .value = content { valueStyles.insert(style) }
                    cells.append(TemplateCell(column: column, columnName: cellName, style: style, content: content))
                } else if let f = c.elements.first(where: { $0.localName == "f" }) {
                    var formula = f.textContent
                    if f[attribute: "t"] == "shared", let si = f[attribute: "si"] {
                        if !formula.isEmpty {
                            sharedMasters[si] = (formula, number, column)
                        } else if let master = sharedMasters[si] {
                            formula = Self.translate(master.formula, rows: number - master.row, columns: column - master.column)
                        }
                    }
                    var attrs: [UInt8] = []
                    for a in c.attributes where a.name == "s" {
                        attrs += " s=\"\(a.value)\"".utf8
                    }
                    cells.append(TemplateCell(column: column, columnName: cellName, style: style, content: .formula(formula, attributes: attrs)))
                } else {
                    var bytes: [UInt8] = []
                    var shell = c
                    shell.attributes.removeAll { $0.name == "r" }
                    MarkupSerializer.write(shell, into: &bytes)
                    bytes.removeFirst(1 + c.name.utf8.count)
                    let number = c[attribute: "t"] == nil || c[attribute: "t"] == "n"
                        ? c.elements.first { $0.localName == "v" }.flatMap { Decimal(string: $0.textContent, locale: .posix) }
                        : nil
                    cells.append(TemplateCell(column: column, columnName: cellName, style: style, content: .fixed(bytes, number: number)))
                }
            }
            rows.append(TemplateRow(number: number, attributes: attributes, cells: cells))
        }
        let loops = pairLoops(markers)
        var before: [MarkupNode] = [], after: [MarkupNode] = []
        for (i, node) in children.enumerated() where i != dataIndex {
            if i < dataIndex { before.append(node) } else { after.append(node) }
        }
        var data = sheetData
        data.children = []
        return CompiledSheet(name: name, part: part, root: root, before: before, sheetData: data, rows: rows, after: after,
                             loops: loops, tags: tags)
    }

    private func place(_ ref: String, _ text: String) -> Place {
        let excerpt = text.count > 30 ? String(text.prefix(30)) + "…" : text
        return Place(part: "\(name)!\(ref)", paragraph: 0, table: nil, row: nil, cell: nil, excerpt: excerpt)
    }

    /// The string of a text cell, shared or inline, runs and all.
    private func string(of c: MarkupElement) -> MarkupElement? {
        switch c[attribute: "t"] {
        case "s":
            guard let v = c.elements.first(where: { $0.localName == "v" }).flatMap({ Int($0.textContent) }),
                  v >= 0, v < sharedStrings.count else { return nil }
            return sharedStrings[v]
        case "inlineStr":
            return c.elements.first { $0.localName == "is" }
        default:
            return nil
        }
    }

    /// Compiles a cell's text; block tags whose partner stands in another cell are row-loop markers, taken out.
    private mutating func compileText(_ text: String, runs: [MarkupElement], ref: String, row: Int, column: Int) -> (TemplateCell.Content, [Marker]) {
        let scalars = Array(text.unicodeScalars)
        let items = TagLexer.scan(scalars)
        var depth: [(Int, BlockKind)] = []
        var paired = Set<Int>()
        for (i, item) in items.enumerated() {
            guard case .tag(.success(let tag), _) = item.kind else { continue }
            switch tag {
            case .open(let kind, _): depth.append((i, kind))
            case .close(let kind):
                if let last = depth.last, last.1 == kind { paired.insert(last.0); paired.insert(i); depth.removeLast() }
            default: break
            }
        }
        var markers: [Marker] = []
        var kept = String.UnicodeScalarView()
        var cursor = 0
        for (i, item) in items.enumerated() {
            guard case .tag(.success(let tag), let source) = item.kind, tag.isBlockTag, !paired.contains(i) else { continue }
            if case .otherwise = tag, !depth.isEmpty { continue }
            kept += scalars[cursor..<item.start]
            cursor = item.end
            let occurrence = TagOccurrence(parsed: .success(tag), source: source, place: place(ref, text), token: 0, piece: 0)
            tags.append(occurrence)
            markers.append(Marker(row: row, column: column, tag: tag, tagIndex: tags.count - 1))
        }
        kept += scalars[cursor...]
        let rest = String(kept)
        if rest.trimmed.isEmpty { return (.empty, markers) }
        let rich = markers.isEmpty && !runs.isEmpty
        let shell = rich
            ? MarkupDocument(root: MarkupElement("is", children: runs.map { .element(Self.plainRun($0)) }))
            : MarkupDocument(root: MarkupElement("is", children: [.element(MarkupElement(
                "t", attributes: [MarkupAttribute("xml:space", "preserve")], children: [.text(rest)]))]))
        let stream = Tokenizer.tokenize(shell, part: "\(name)!\(ref)", mode: rich ? .cellText : .plain)
        let layout = BlockLayout(stream, allowBlocks: true)
        let offset = tags.count
        tags += stream.tags
        guard layout.problems.isEmpty else { problems += layout.problems; return (.empty, markers) }
        let onlyOneTag = stream.tokens.allSatisfy { token in
            guard case .text(let pieces) = token else { return true }
            return pieces.allSatisfy { if case .literal(let l) = $0 { l.allSatisfy(\.isWhitespace) } else { true } }
        }
        if stream.tags.count == 1, case .success(.value(let expression)) = stream.tags[0].parsed, onlyOneTag {
            return (.value(expression, tag: offset), markers)
        }
        switch Emitter.emit(stream, layout) {
        case .failure(let problem): problems.append(problem); return (.empty, markers)
        case .success(let nodes): return (.text(nodes.map { $0.shifted(by: offset) }), markers)
        }
    }

    /// A rich-text run reduced to its properties and text, with names the tokenizer knows (`r`, `rPr`, `t`).
    private static func plainRun(_ run: MarkupElement) -> MarkupElement {
        var r = MarkupElement("r")
        for child in run.elements {
            switch child.localName {
            case "rPr":
                r.children.append(.element(unprefixed(child)))
            case "t":
                r.children.append(.element(MarkupElement("t", attributes: [MarkupAttribute("xml:space", "preserve")], children: [.text(child.textContent)])))
            default: break
            }
        }
        return r
    }

    /// The element with the spreadsheet prefix taken off its name and its children's, as the sheet's default namespace expects.
    private static func unprefixed(_ element: MarkupElement) -> MarkupElement {
        var e = element
        e.name = String(element.localName)
        e.children = element.children.map { if case .element(let c) = $0 { .element(unprefixed(c)) } else { $0 } }
        return e
    }

    /// Pairs the loop markers of the sheet in row order into row loops.
    private mutating func pairLoops(_ markers: [Marker]) -> [RowLoop] {
        var loops: [RowLoop] = []
        var open: Marker?
        for m in markers.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
            let place = tags[m.tagIndex].place
            switch m.tag {
            case .open(.each, let expression):
                if open != nil { problems.append(TemplateProblem(kind: .nestedRowLoops, place: place)); return [] }
                open = m
                _ = expression
            case .close(.each):
                guard let start = open, case .open(_, let expression) = start.tag else {
                    problems.append(TemplateProblem(kind: .unexpectedClose(.each), place: place)); continue
                }
                if expression.separator != nil { problems.append(TemplateProblem(kind: .separatorNotInline, place: tags[start.tagIndex].place)) }
                loops.append(RowLoop(first: start.row, last: m.row, expression: expression, tag: start.tagIndex))
                open = nil
            default:
                problems.append(TemplateProblem(kind: .blockAcrossCells, place: place))
            }
        }
        if let open { problems.append(TemplateProblem(kind: .unclosedBlock(.each), place: tags[open.tagIndex].place)) }
        return loops
    }

    /// A shared formula's text for a cell `rows` and `columns` away from its master.
    static func translate(_ formula: String, rows: Int, columns: Int) -> String {
        FormulaText.join(FormulaText.split(formula).map { piece in
            guard case .reference(let sheet, var area, let agg) = piece else { return piece }
            func move(_ c: inout AreaRef.Corner) {
                if let r = c.row, !c.absoluteRow { c.row = r + rows }
                if let col = c.column, !c.absoluteColumn { c.column = col + columns }
            }
            move(&area.start)
            if area.end != nil { move(&area.end!) }
            return .reference(sheet: sheet, area: area, insideAggregate: agg)
        })
    }
}

extension CompiledNode {
    /// The same node with its tag indexes moved by `offset`.
    func shifted(by offset: Int) -> CompiledNode {
        switch self {
        case .value(let e, let tag, let element):
            return .value(e, tag: tag + offset, textElement: element)
        case .block(let b):
            var moved = b
            moved.tag += offset
            moved.body = b.body.map { $0.shifted(by: offset) }
            moved.otherwise = b.otherwise.map { $0.shifted(by: offset) }
            return .block(moved)
        default:
            return self
        }
    }
}
