import PaperworkOOXML

/// A Word template read backwards: its body's paragraphs as patterns, in order, with the loops and the
/// `{{#if}}` blocks that may repeat or leave them out. Aligned with a filled document's body (tables by
/// order, rows of a row loop counted, cells by position, paragraphs by their literal text), it gives the
/// text of every value tag where the document now shows it — for any template, without knowing its form.
public struct DocxMapping: Sendable {
    /// A loop a value is read in: its list's keys and the item's number, from 0.
    public struct LoopPosition: Sendable, Equatable {
        public var list: [FieldKey]
        public var index: Int
    }

    /// The text a value tag's place holds in a document.
    public struct Read: Sendable {
        public var slot: ParagraphPattern.Slot
        public var loops: [LoopPosition]
        public var text: String
        public var place: Place
        /// The template paragraph, its loop passes and the tag's position in it: equal for the same tag of two documents.
        public var key: String
    }

    /// What a document shows against a template: the values read, and the paragraphs whose literal text no
    /// longer fits their template paragraph (edited by hand), by the same keys.
    public struct Reading: Sendable {
        public var reads: [Read] = []
        public var paragraphs: [String: DocxText.Paragraph] = [:]
        public var unmatched: [String: (template: String, visible: DocxText.Paragraph)] = [:]
    }

    indirect enum Unit: Sendable {
        case paragraph(id: Int, text: String, pattern: ParagraphPattern, optional: Bool)
        case table([Row])
        case loop([FieldKey], [Unit])
    }

    struct Row: Sendable {
        var cells: [[Unit]]
        var loop: [FieldKey]?
    }

    let units: [Unit]

    /// The mapping of a template package's main document; throws `.package` when it cannot be read.
    public init(template: OOXMLPackage) throws(TemplateError) {
        var id = 0
        units = Self.units(try DocxText(template).blocks, id: &id)
    }

    /// Reads a document filled from the template.
    public func read(_ document: DocxText) -> Reading {
        var reading = Reading()
        var v = 0
        Self.align(units, document.blocks, v: &v, loops: [], into: &reading)
        return reading
    }

    // MARK: building

    private static func units(_ blocks: [DocxText.Block], id: inout Int) -> [Unit] {
        var stack: [(each: [FieldKey]?, units: [Unit])] = [(nil, [])]
        var ifs = 0
        for block in blocks {
            switch block {
            case .paragraph(let p):
                let pattern = ParagraphPattern(p.text)
                if pattern.isTagOnly {
                    if let list = pattern.opens, !pattern.closes { stack.append((list, [])); continue }
                    if pattern.closes && pattern.opens == nil, stack.count > 1, let top = stack.popLast() {
                        stack[stack.count - 1].units.append(.loop(top.each ?? [], top.units))
                        continue
                    }
                    switch pattern.blockIf {
                    case .open?: ifs += 1
                    case .close?: ifs = max(0, ifs - 1)
                    default: break
                    }
                    continue
                }
                id += 1
                stack[stack.count - 1].units.append(.paragraph(id: id, text: p.text, pattern: pattern, optional: ifs > 0))
            case .table(let rows):
                let built = rows.map { cells -> Row in
                    let first = cells.first?.first.map { ParagraphPattern($0.text) }
                    let last = cells.last?.last.map { ParagraphPattern($0.text) }
                    let loop = first?.repeatsInline == false && last?.closes == true ? first?.opens : nil
                    return Row(cells: cells.map { units($0.map(DocxText.Block.paragraph), id: &id) }, loop: loop)
                }
                stack[stack.count - 1].units.append(.table(built))
            }
        }
        while stack.count > 1, let top = stack.popLast() { stack[stack.count - 1].units.append(.loop(top.each ?? [], top.units)) }
        return stack[0].units
    }

    // MARK: aligning

    private static func align(_ units: [Unit], _ blocks: [DocxText.Block], v: inout Int, loops: [LoopPosition], into reading: inout Reading) {
        for unit in units {
            switch unit {
            case let .paragraph(id, text, pattern, optional):
                alignParagraph(id: id, text: text, pattern: pattern, optional: optional, blocks, v: &v, loops: loops, into: &reading)
            case .table(let rows):
                var j = v
                while j < blocks.count, j < v + 8, case .paragraph = blocks[j] { j += 1 }
                guard j < blocks.count, case .table(let visible) = blocks[j] else { continue }
                alignRows(rows, visible, loops: loops, into: &reading)
                v = j + 1
            case .loop(let list, let inner):
                var index = 0
                while v < blocks.count {
                    let before = v
                    var attempt = reading
                    align(inner, blocks, v: &v, loops: loops + [LoopPosition(list: list, index: index)], into: &attempt)
                    let matched = attempt.reads.count > reading.reads.count && attempt.unmatched.count == reading.unmatched.count
                    guard v > before, matched else { v = before; break }
                    reading = attempt
                    index += 1
                }
            }
        }
    }

    private static func alignParagraph(id: Int, text: String, pattern: ParagraphPattern, optional: Bool, _ blocks: [DocxText.Block],
                                       v: inout Int, loops: [LoopPosition], into reading: inout Reading) {
        let key = ([String(id)] + loops.map { String($0.index) }).joined(separator: "#")
        if text.isEmpty {
            if v < blocks.count, case .paragraph(let p) = blocks[v], p.text.isEmpty { v += 1 }
            return
        }
        let window = optional || !pattern.hasLiterals ? 1 : 8
        var j = v
        while j < blocks.count, j < v + window, case .paragraph(let p) = blocks[j] {
            if !pattern.hasSlots, p.text == text {
                reading.paragraphs[key] = p
                v = j + 1
                return
            }
            if pattern.hasSlots, let found = pattern.match(p.text) {
                reading.paragraphs[key] = p
                for (n, (slot, value)) in found.enumerated() {
                    reading.reads.append(Read(slot: slot, loops: loops, text: value, place: p.place, key: key + "/" + String(n)))
                }
                v = j + 1
                return
            }
            j += 1
        }
        guard !optional, v < blocks.count, case .paragraph(let p) = blocks[v] else { return }
        reading.paragraphs[key] = p
        reading.unmatched[key] = (text, p)
        v += 1
    }

    private static func alignRows(_ rows: [Row], _ visible: [[[DocxText.Paragraph]]], loops: [LoopPosition], into reading: inout Reading) {
        let fixed = rows.filter { $0.loop == nil }.count
        var repeats = max(0, visible.count - fixed)
        var r = 0
        for row in rows {
            var passes: [[LoopPosition]] = [loops]
            if let list = row.loop {
                passes = (0..<repeats).map { loops + [LoopPosition(list: list, index: $0)] }
                repeats = 0
            }
            for pass in passes where r < visible.count {
                for (c, cell) in row.cells.enumerated() where c < visible[r].count {
                    var v = 0
                    align(cell, visible[r][c].map(DocxText.Block.paragraph), v: &v, loops: pass, into: &reading)
                }
                r += 1
            }
        }
    }
}
