import PaperworkOOXML

/// Moves every reference of a workbook through the row maps of its sheets.
struct ReferenceMover: Sendable {
    /// Row maps by sheet name; sheets without loops are absent.
    let maps: [String: RowMap]

    /// A formula written on `sheet` (in copy `copy` of `loop`, for formulas in loop rows), with its references moved.
    func formula(_ text: String, on sheet: String?, copy: Int? = nil, loop: RowMap.Loop? = nil) -> String {
        guard !maps.isEmpty else { return text }
        var vanished = false
        let moved = FormulaText.join(FormulaText.split(text).map { piece in
            guard case .reference(let prefix, let area, let agg) = piece else { return piece }
            let target = prefix.map(FormulaText.sheetName) ?? sheet
            guard let target, let map = maps[target] else { return piece }
            let local = prefix == nil || target == sheet
            let moved = local ? map.move(area, copy: copy, sameLoopAs: loop, expand: agg) : map.move(area, expand: agg)
            guard let moved else {
                guard agg else { return .text("0") }
                vanished = true
                return .text(FormulaText.emptyRange)
            }
            return .reference(sheet: prefix, area: moved, insideAggregate: agg)
        })
        return vanished ? FormulaText.withoutEmptyRanges(moved) : moved
    }

    /// A chart series reference (`'清单'!$B$4:$B$4`), moved; a reference into a loop grows over all its
    /// copies, a reference wholly inside an empty loop stays as it was.
    func series(_ text: String) -> String {
        FormulaText.join(FormulaText.split(text).map { piece in
            guard case .reference(let prefix?, let area, _) = piece, let map = maps[FormulaText.sheetName(prefix)],
                  let moved = map.move(area, expand: true) else { return piece }
            return .reference(sheet: prefix, area: moved, insideAggregate: true)
        })
    }

    /// True when the text refers to a sheet that has row loops.
    func touches(_ text: String) -> Bool {
        FormulaText.split(text).contains { piece in
            if case .reference(let prefix?, _, _) = piece { maps[FormulaText.sheetName(prefix)] != nil } else { false }
        }
    }

    /// True when every reference of the text stands above the first row loop of its sheet: rows that no loop moves
    /// or copies, whose cached text stays true once filled (a title taken from the heading cell).
    func staysAbove(_ text: String) -> Bool {
        FormulaText.split(text).allSatisfy { piece in
            guard case .reference(let prefix?, let area, _) = piece, let map = maps[FormulaText.sheetName(prefix)] else { return true }
            guard let first = map.loops.first?.first, let top = area.start.row else { return false }
            return max(top, area.end?.row ?? top) < first
        }
    }

    /// A list of ranges (`A1:B2 D5`), moved; ranges that reach a loop grow over all its copies.
    func sqref(_ text: String, on sheet: String) -> String? {
        guard let map = maps[sheet] else { return text }
        let moved = text.split(separator: " ").compactMap { part -> String? in
            guard let area = AreaRef.parse(part) else { return String(part) }
            return map.move(area, expand: true)?.text
        }
        return moved.isEmpty ? nil : moved.joined(separator: " ")
    }

    /// A single cell (`activeCell`, `topLeftCell`), moved to its first copy.
    func cell(_ text: String, on sheet: String) -> String {
        guard let map = maps[sheet], let area = AreaRef.parse(Substring(text)) else { return text }
        return map.move(area, expand: false)?.text ?? text
    }

    /// The nodes after (or before) `sheetData`, with every range, formula and break moved.
    func nodes(_ nodes: [MarkupNode], on sheet: String) -> [MarkupNode] {
        guard maps[sheet] != nil else { return nodes }
        return nodes.compactMap { node in
            guard case .element(let e) = node else { return node }
            return element(e, on: sheet).map(MarkupNode.element)
        }
    }

    /// Merged ranges or hyperlinks: one inside a loop's rows is repeated for every copy (none for an
    /// empty list); one outside moves, a merge growing with a loop it spans.
    private func perCopy(_ elements: [MarkupElement], on map: RowMap, expand: Bool) -> [MarkupNode] {
        var out: [MarkupNode] = []
        for child in elements {
            guard let ref = child[attribute: "ref"], let area = AreaRef.parse(Substring(ref)),
                  let r1 = area.firstRow, let r2 = area.lastRow else { out.append(.element(child)); continue }
            if let loop = map.loop(containing: r1), r2 <= loop.last {
                for copy in 0..<loop.count {
                    var m = child
                    m[attribute: "ref"] = map.move(area, copy: copy, sameLoopAs: loop, expand: false)?.text
                    out.append(.element(m))
                }
            } else if let moved = map.move(area, expand: expand) {
                var m = child
                m[attribute: "ref"] = moved.text
                out.append(.element(m))
            }
        }
        return out
    }

    private func element(_ source: MarkupElement, on sheet: String) -> MarkupElement? {
        var e = source
        let map = maps[sheet]!
        switch e.localName {
        case "mergeCells", "hyperlinks":
            let children = perCopy(e.elements, on: map, expand: e.localName == "mergeCells")
            guard !children.isEmpty else { return nil }
            e.children = children
            if e.localName == "mergeCells" { e[attribute: "count"] = String(children.count) }
            return e
        case "dimension", "autoFilter":
            if let ref = e[attribute: "ref"] { e[attribute: "ref"] = sqref(ref, on: sheet) ?? ref }
        case "pane":
            if let ref = e[attribute: "topLeftCell"] { e[attribute: "topLeftCell"] = cell(ref, on: sheet) }
        case "selection":
            if let ref = e[attribute: "activeCell"] { e[attribute: "activeCell"] = cell(ref, on: sheet) }
            if let ref = e[attribute: "sqref"] { e[attribute: "sqref"] = sqref(ref, on: sheet) ?? ref }
        case "brk":
            if let id = e[attribute: "id"].flatMap(Int.init), let moved = map.last(id) { e[attribute: "id"] = String(moved) }
        case "formula", "formula1", "formula2", "f":
            e.children = [.text(formula(e.textContent, on: sheet))]
            return e
        case "sqref":
            guard let moved = sqref(e.textContent, on: sheet) else { return nil }
            e.children = [.text(moved)]
            return e
        default:
            break
        }
        if let ref = e[attribute: "sqref"], e.localName != "selection" {
            guard let moved = sqref(ref, on: sheet) else { return nil }
            e[attribute: "sqref"] = moved
        }
        e.children = e.children.compactMap { child in
            guard case .element(let c) = child else { return child }
            return element(c, on: sheet).map(MarkupNode.element)
        }
        return e
    }
}
