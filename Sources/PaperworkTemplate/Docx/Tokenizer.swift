import PaperworkOOXML

/// Flattens a part into tokens and gathers every tag, even one split across runs, into the run where it starts.
///
/// Word, WPS and LibreOffice split text into runs at spell-check marks, revision ids, bookmarks and
/// formatting changes. The text of all `w:t` of a paragraph is joined, tags are found in the joined
/// text, and each tag's text is moved into the `w:t` where it begins; the other runs keep the rest.
struct Tokenizer {
    /// `word`: WordprocessingML; `drawing`: DrawingML text (chart titles: `a:p`, `a:t`; a chart's plain strings,
    /// `c:v`, each a paragraph of its own); `plain`: every text
    /// node is a slot; `cellText`: a spreadsheet rich string (`is` of `r` runs).
    enum Mode { case word, drawing, plain, cellText }

    static let drawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let chartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart"

    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]

    let part: String
    let mode: Mode
    /// The notes of the part's Word fields, by the index their marker attribute holds.
    var fieldNotes: [FieldNote] = []
    private(set) var stream = TokenStream()
    private var namespaces: [[String: String]] = [[:]]
    private var paragraphs: [(ordinal: Int, slots: [Int])] = []
    private var paragraphCount = 0
    private var tables: [(ordinal: Int, row: Int, cell: Int)] = []
    private var tableCount = 0

    init(part: String, mode: Mode) {
        self.part = part
        self.mode = mode
    }

    static func tokenize(_ document: MarkupDocument, part: String, mode: Mode, fieldNotes: [FieldNote] = []) -> TokenStream {
        var t = Tokenizer(part: part, mode: mode)
        t.fieldNotes = fieldNotes
        t.stream.breaksLines = mode == .word
        t.walk(document.root, parent: -1)
        return t.stream
    }

    private mutating func append(_ token: Token, parent: Int, role: Role = .other) -> Int {
        stream.tokens.append(token)
        stream.parent.append(parent)
        stream.match.append(-1)
        stream.role.append(role)
        return stream.tokens.count - 1
    }

    private mutating func walk(_ element: MarkupElement, parent: Int) {
        var scope = namespaces.last!
        for a in element.attributes where a.name == "xmlns" || a.name.hasPrefix("xmlns:") {
            scope[a.name == "xmlns" ? "" : String(a.name.dropFirst(6))] = a.value
        }
        namespaces.append(scope)
        defer { namespaces.removeLast() }
        let role = self.role(of: element, scope: scope, parent: parent)
        var shell = element
        shell.children = []
        if let note = element[attribute: WordFields.marker].flatMap(Int.init), note < fieldNotes.count {
            shell[attribute: WordFields.marker] = nil
            if field(fieldNotes[note], shell: shell, role: role, parent: parent) { return }
        }
        if element.children.isEmpty && role != .paragraph && role != .cell {
            _ = append(.empty(shell), parent: parent, role: role)
            return
        }
        let me = append(.open(shell), parent: parent, role: role)
        enter(role)
        for child in element.children {
            switch child {
            case .element(let e):
                walk(e, parent: me)
            case .text(let text) where mode == .plain || role == .text:
                let slot = append(.text([.literal(text)]), parent: me)
                if mode == .plain {
                    paragraphCount += 1
                    gather(slots: [slot], ordinal: 0)
                } else if !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].slots.append(slot)
                } else if mode == .drawing {
                    paragraphCount += 1  // text of its own, in no paragraph: a chart's plain string (`c:v`)
                    gather(slots: [slot], ordinal: paragraphCount)
                }
            default:
                _ = append(.leaf(child), parent: me)
            }
        }
        let close = append(.close(element.name), parent: parent)
        stream.match[me] = close
        stream.match[close] = me
        leave(role)
    }

    /// Acts on a field's note where the field stands; true when the element was written as a value slot.
    private mutating func field(_ note: FieldNote, shell: MarkupElement, role: Role, parent: Int) -> Bool {
        let table = tables.last
        func place(_ code: String) -> Place {
            Place(part: part, paragraph: paragraphs.last?.ordinal ?? 0, table: table?.ordinal, row: table?.row, cell: table?.cell, excerpt: code)
        }
        switch note {
        case let .merge(expression, code):
            let me = append(.open(shell), parent: parent, role: role)
            let slot = append(.text([.tag(stream.tags.count)]), parent: me)
            stream.tags.append(TagOccurrence(parsed: .success(.value(expression)), source: "{{\(expression)}}", place: place(code),
                                             token: slot, piece: 0, field: code))
            let close = append(.close(shell.name), parent: parent)
            stream.match[me] = close
            stream.match[close] = me
            return true
        case let .choice(expression, code, yes, no):
            let tag = stream.tags.count
            let token = append(.choice(expression, tag: tag, yes: yes, no: no), parent: parent)
            stream.tags.append(TagOccurrence(parsed: .success(.value(expression)), source: "{{\(expression)}}", place: place(code),
                                             token: token, piece: 0, field: code))
            return true
        case let .unsupported(code, type, equivalent):
            stream.fieldProblems.append(TemplateProblem(kind: .unsupportedField(type: type, equivalent: equivalent), place: place(code)))
        case let .tagInResult(code):
            stream.fieldProblems.append(TemplateProblem(kind: .tagInFieldResult, place: place(code)))
        case let .acrossParagraphs(code):
            stream.fieldProblems.append(TemplateProblem(kind: .fieldAcrossParagraphs, place: place(code)))
        }
        return false
    }

    private mutating func enter(_ role: Role) {
        switch role {
        case .paragraph:
            paragraphCount += 1
            paragraphs.append((paragraphCount, []))
        case .table:
            tableCount += 1
            tables.append((tableCount, 0, 0))
        case .row where !tables.isEmpty:
            tables[tables.count - 1].row += 1
            tables[tables.count - 1].cell = 0
        case .cell where !tables.isEmpty:
            tables[tables.count - 1].cell += 1
        default: break
        }
    }

    private mutating func leave(_ role: Role) {
        switch role {
        case .paragraph:
            let p = paragraphs.removeLast()
            gather(slots: p.slots, ordinal: p.ordinal)
        case .table:
            tables.removeLast()
        default: break
        }
    }

    private func role(of element: MarkupElement, scope: [String: String], parent: Int) -> Role {
        if mode == .cellText {
            switch element.localName {
            case "is", "text": return .paragraph  // a cell's inline string; a cell comment's text
            case "t": return .text
            default: return .other
            }
        }
        guard mode == .word || mode == .drawing else { return .other }
        let colon = element.name.firstIndex(of: ":")
        let prefix = colon.map { String(element.name[..<$0]) } ?? ""
        guard let uri = scope[prefix] else { return .other }
        if mode == .drawing {
            if uri == Self.chartNamespace && element.localName == "v" { return inChartText(parent) ? .text : .other }
            guard uri == Self.drawingNamespace else { return .other }
            switch element.localName {
            case "p": return .paragraph
            case "t": return .text
            default: return .other
            }
        }
        guard Self.wordNamespaces.contains(uri) else { return .other }
        switch element.localName {
        case "p": return .paragraph
        case "t": return .text
        case "tr": return .row
        case "tbl": return .table
        case "tc": return .cell
        default: return .other
        }
    }

    /// True when a chart's `c:v` is text (in a `c:tx`: a series name typed, or its cell's cached text), not one of
    /// the values a series plots (`c:cat`, `c:val`), whose caches copy the loop's cells.
    private func inChartText(_ parent: Int) -> Bool {
        var p = parent
        while p >= 0, case .open(let e) = stream.tokens[p] {
            switch e.localName {
            case "tx": return true
            case "cat", "val", "xVal", "yVal", "bubbleSize", "plotArea", "chart": return false
            default: p = stream.parent[p]
            }
        }
        return false
    }

    /// Finds the tags in the joined text of `slots` and moves each one into the slot where it starts.
    private mutating func gather(slots: [Int], ordinal: Int) {
        var texts: [[Unicode.Scalar]] = []
        for slot in slots {
            guard case .text(let pieces) = stream.tokens[slot], case .literal(let s)? = pieces.first else { return }
            texts.append(Array(s.unicodeScalars))
        }
        let joined = Array(texts.joined())
        guard joined.contains(where: TagLexer.isOpen) else { return }
        let items = TagLexer.scan(joined)
        guard !items.isEmpty else { return }
        let excerpt = String(String.UnicodeScalarView(joined.prefix(30))) + (joined.count > 30 ? "…" : "")
        let table = tables.last
        let place = Place(part: part, paragraph: ordinal, table: table?.ordinal, row: table?.row, cell: table?.cell, excerpt: excerpt)
        var start = 0
        for (k, slot) in slots.enumerated() {
            let end = start + texts[k].count
            defer { start = end }
            let touching = items.filter { $0.end > start && $0.start < end }
            guard !touching.isEmpty else { continue }
            var pieces: [Piece] = []
            var cursor = start
            func literal(_ from: Int, _ to: Int) {
                guard to > from else { return }
                let text = String(String.UnicodeScalarView(joined[from..<to]))
                if case .literal(let previous)? = pieces.last {
                    pieces[pieces.count - 1] = .literal(previous + text)
                } else {
                    pieces.append(.literal(text))
                }
            }
            for item in touching {
                if item.start >= start {
                    literal(cursor, item.start)
                    switch item.kind {
                    case .escapedBraces:
                        if case .literal(let previous)? = pieces.last { pieces[pieces.count - 1] = .literal(previous + "{{") } else {
                            pieces.append(.literal("{{"))
                        }
                    case .tag(let parsed, let source):
                        stream.tags.append(TagOccurrence(parsed: parsed, source: source, place: place, token: slot, piece: pieces.count))
                        pieces.append(.tag(stream.tags.count - 1))
                    }
                }
                cursor = min(item.end, end)
            }
            literal(cursor, end)
            stream.tokens[slot] = .text(pieces)
            preserveSpace(around: slot)
        }
    }

    private mutating func preserveSpace(around slot: Int) {
        let t = stream.parent[slot]
        guard mode != .plain, t >= 0, case .open(var element) = stream.tokens[t], element.localName == "t" else { return }
        element[attribute: "xml:space"] = "preserve"
        stream.tokens[t] = .open(element)
    }
}
