import PaperworkOOXML

/// Maps a mail-merge field's name (`承租方名称`) to the dotted key of the data (`乙方.名称`), or nil to use
/// the name itself. A form supplies its labels and aliases this way; the template engine knows no forms.
public typealias FieldNameResolver = @Sendable (String) -> String?

/// What the engine found in a Word field, for the tokenizer to act on where the field stands.
enum FieldNote: Sendable {
    /// A `MERGEFIELD`, replaced by a value in the formatting of its result.
    case merge(TagExpression, code: String)
    /// `NEXT`, `IF`, `ASK` and the like: the engine fills one record per document and has its own blocks.
    case unsupported(code: String, type: String, equivalent: String)
    /// Another field (`DATE`, `PAGE`) whose cached result holds a tag: Word recalculates the field and the value vanishes.
    case tagInResult(code: String)
    /// A check box content control: the control's markup checked (`yes`) or unchecked (`no`), by the value's truth.
    case choice(TagExpression, code: String, yes: [UInt8], no: [UInt8])
    /// A merge field that begins in one paragraph and ends outside the paragraphs that follow it (in a table, or never).
    case acrossParagraphs(code: String)
}

/// Finds Word fields in a part, simple (`w:fldSimple`) and complex (`w:fldChar` begin … separate … end),
/// and rewrites mail-merge fields into one run that holds a value.
///
/// The rewritten run keeps the run properties of the field's result (its `«企业名称»` text), so the value
/// takes the field's formatting; the field itself goes, so Word does not merge again. Elements that
/// need a note at their place carry the `marker` attribute with the note's index, which the tokenizer
/// takes off.
struct WordFields {
    static let marker = "paperwork-field"
    /// Elements that may stand between paragraphs and mark a range rather than hold text.
    private static let rangeMarks: Set<String> = ["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                                                  "permStart", "permEnd", "proofErr"]
    /// Field types the engine reports rather than passing through.
    static let unsupported: Set<String> = ["NEXT", "NEXTIF", "IF", "ASK", "FILLIN", "SKIPIF", "MERGEREC", "MERGESEQ"]

    var notes: [FieldNote] = []
    /// Where data-bound content controls store their values.
    var bindings: [ControlBinding] = []
    let resolve: FieldNameResolver?

    /// The document with its merge fields and content controls rewritten, the notes its markers point to,
    /// and the custom XML places its bound controls name.
    static func rewrite(_ document: MarkupDocument, resolve: FieldNameResolver?) -> (MarkupDocument, [FieldNote], [ControlBinding]) {
        var fields = WordFields(resolve: resolve)
        var doc = document
        doc.root = fields.rewrite(document.root)
        return (doc, fields.notes, fields.bindings)
    }

    /// True when the bytes may hold a field instruction (`w:instr` or `w:instrText`).
    static func mayHoldFields(_ bytes: [UInt8]) -> Bool {
        let needle = Array("instr".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    private mutating func rewrite(_ element: MarkupElement) -> MarkupElement {
        var e = element
        e.children = rewrite(children: element.children)
        return e
    }

    private mutating func rewrite(children: [MarkupNode]) -> [MarkupNode] {
        var out: [MarkupNode] = []
        var i = 0
        while i < children.count {
            guard case .element(let c) = children[i] else { out.append(children[i]); i += 1; continue }
            if c.localName == "p", let (joined, last) = fieldAcrossParagraphs(children, from: i) {
                out.append(.element(rewrite(joined)))
                i = last + 1
            } else if c.localName == "fldSimple", let instruction = c.attributes.first(where: { $0.name.hasSuffix("instr") })?.value {
                let runs = c.elements.filter { $0.localName == "r" }
                out.append(contentsOf: field(FieldCode(instruction), nested: [], result: runs, begin: c,
                                             prefix: prefix(of: c), span: [.element(rewrite(c))]))
                i += 1
            } else if c.localName == "r", fieldChars(c).first == "begin", let end = endOfField(children, from: i) {
                let span = Array(children[i...end])
                let (instruction, nested, result) = parts(of: span)
                out.append(contentsOf: field(FieldCode(instruction), nested: nested, result: result, begin: c,
                                             prefix: prefix(of: c), span: span))
                i = end + 1
            } else if c.localName == "sdt", let filled = control(c) {
                out.append(.element(filled))
                i += 1
            } else if c.localName == "sdt", let typed = withTypedTags(c) {
                out.append(.element(rewrite(typed)))
                i += 1
            } else {
                out.append(.element(rewrite(c)))
                i += 1
            }
        }
        return out
    }

    /// A paragraph whose field ends in a later paragraph: for a merge field, the paragraphs it spans joined
    /// into the first (the field's value takes the place of the paragraph marks inside it, as Word merges it)
    /// and the index of the last; for a merge or unsupported field that ends outside the sibling paragraphs,
    /// the first paragraph with the field's begin marked for a note; nil for other fields, left as they are.
    private mutating func fieldAcrossParagraphs(_ children: [MarkupNode], from start: Int) -> (MarkupElement, Int)? {
        guard case .element(let first) = children[start], let begin = unclosedBegin(first) else { return nil }
        var span = Array(first.children[begin...])
        var depth = 0
        var last: Int?
        scan: for j in start..<children.count {
            guard case .element(let p) = children[j] else { continue }
            if Self.rangeMarks.contains(String(p.localName)) { continue }
            guard p.localName == "p" else { break }
            if j > start { span.append(contentsOf: p.children) }
            for case .element(let run) in (j == start ? Array(p.children[begin...]) : p.children) where run.localName == "r" {
                for kind in fieldChars(run) {
                    if kind == "begin" { depth += 1 } else if kind == "end" { depth -= 1 }
                }
                if depth == 0 { last = j; break scan }
            }
        }
        let code = FieldCode(parts(of: span).0)
        if let last, code.type == "MERGEFIELD" {
            var joined = first
            for case .element(let p) in children[(start + 1)...last] {
                if Self.rangeMarks.contains(String(p.localName)) { joined.children.append(.element(p)); continue }
                joined.children.append(contentsOf: p.children.filter { if case .element(let e) = $0, e.localName == "pPr" { false } else { true } })
            }
            return (joined, last)
        }
        let note: FieldNote
        if last == nil && code.type == "MERGEFIELD" {
            note = .acrossParagraphs(code: code.text)
        } else if Self.unsupported.contains(code.type) {
            note = .unsupported(code: code.text, type: code.type, equivalent: equivalent(code, nested: parts(of: span).1))
        } else {
            return nil
        }
        notes.append(note)
        var marked = first
        if case .element(var run) = marked.children[begin] {
            run[attribute: Self.marker] = String(notes.count - 1)
            marked.children[begin] = .element(run)
        }
        return (marked, start)
    }

    /// The index of the run in a paragraph that begins the outermost field left open at its end, if any.
    private func unclosedBegin(_ paragraph: MarkupElement) -> Int? {
        var open: [Int] = []
        for (index, node) in paragraph.children.enumerated() {
            guard case .element(let run) = node, run.localName == "r" else { continue }
            for kind in fieldChars(run) {
                if kind == "begin" { open.append(index) } else if kind == "end" { _ = open.popLast() }
            }
        }
        return open.first
    }

    /// What one field becomes: a value run for a merge field; the field as it was, marked when it needs a note.
    private mutating func field(_ code: FieldCode, nested: [FieldCode], result: [MarkupElement], begin: MarkupElement,
                                prefix: String, span: [MarkupNode]) -> [MarkupNode] {
        if code.type == "MERGEFIELD", let name = code.arguments.first {
            notes.append(.merge(expression(name, code), code: code.text))
            var run = MarkupElement(prefix + "r")
            if let properties = (result.first { $0.elements.contains { $0.localName == "t" } } ?? result.first ?? begin)
                .elements.first(where: { $0.localName == "rPr" }) {
                run.children.append(.element(properties))
            }
            run.children.append(.element(MarkupElement(prefix + "t", attributes: [
                MarkupAttribute("xml:space", "preserve"), MarkupAttribute(Self.marker, String(notes.count - 1)),
            ])))
            let marks = span.filter { if case .element(let e) = $0 { Self.rangeMarks.contains(String(e.localName)) } else { false } }
            return [.element(run)] + marks
        }
        let note: FieldNote
        if Self.unsupported.contains(code.type) {
            note = .unsupported(code: code.text, type: code.type, equivalent: equivalent(code, nested: nested))
        } else if holdsTag(result) {
            note = .tagInResult(code: code.text)
        } else {
            return span
        }
        notes.append(note)
        var marked = span
        if case .element(var first) = marked[0] {
            first[attribute: Self.marker] = String(notes.count - 1)
            marked[0] = .element(first)
        }
        return marked
    }

    /// The value a merge field stands for, with its switches as filters.
    private func expression(_ name: String, _ code: FieldCode) -> TagExpression {
        let key = resolve?(name) ?? name
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        let path = ValuePath.keys(parts.contains(where: \.isEmpty) ? [FieldKey(key)] : parts.map { FieldKey(String($0)) })
        var filters: [FilterCall] = []
        if let picture = code.value(of: "@") {
            filters.append(FilterCall(name: "date", arguments: [.string(picture.replacingOccurrences(of: "'", with: ""))]))
        } else if let picture = code.value(of: "#"), NumberPicture.isPicture(picture) {
            filters.append(FilterCall(name: "format", arguments: [.string(picture)]))
        }
        for letterCase in code.switches.filter({ $0.name == "*" }).compactMap({ $0.value.flatMap(LetterCase.init(wordSwitch:)) }) {
            filters.append(FilterCall(name: letterCase.rawValue, arguments: []))
        }
        let before = code.value(of: "b"), after = code.value(of: "f")
        if before != nil || after != nil {
            filters.append(FilterCall(name: "wrap", arguments: [.string(before ?? ""), .string(after ?? "")]))
        }
        return TagExpression(path: path, filters: filters)
    }

    /// The tag-language way to do what an unsupported field does.
    private func equivalent(_ code: FieldCode, nested: [FieldCode]) -> String {
        let name = nested.first { $0.type == "MERGEFIELD" }?.arguments.first ?? code.arguments.first ?? "字段"
        switch code.type {
        case "NEXT", "NEXTIF": return "{{#each 列表}} … {{/each}}"
        case "SKIPIF": return "{{#unless \(name)}} … {{/unless}}"
        case "IF": return "{{#if \(name)}} … {{else}} … {{/if}}"
        case "MERGEREC", "MERGESEQ": return "{{@number}}"
        default: return "{{\(name)}}"
        }
    }

    func holdsTag(_ runs: [MarkupElement]) -> Bool {
        let text = runs.map(\.textContent).joined()
        return TagLexer.scan(Array(text.unicodeScalars)).contains { if case .tag = $0.kind { true } else { false } }
    }

    func prefix(of e: MarkupElement) -> String {
        e.name.firstIndex(of: ":").map { String(e.name[...$0]) } ?? ""
    }

    /// The `fldCharType`s of a run's field characters, in order.
    private func fieldChars(_ run: MarkupElement) -> [String] {
        run.elements.filter { $0.localName == "fldChar" }.compactMap { c in
            c.attributes.first { $0.name.hasSuffix("fldCharType") }?.value
        }
    }

    /// The index of the sibling that ends the field begun at `start`, nested fields counted; nil when it ends elsewhere.
    private func endOfField(_ children: [MarkupNode], from start: Int) -> Int? {
        var depth = 0
        for j in start..<children.count {
            guard case .element(let c) = children[j] else { continue }
            guard c.localName == "r" else { continue }
            for kind in fieldChars(c) {
                if kind == "begin" { depth += 1 } else if kind == "end" { depth -= 1; if depth == 0 { return j } }
            }
        }
        return nil
    }

    /// A complex field's instruction, the instructions of fields nested in it, and the runs of its result.
    private func parts(of span: [MarkupNode]) -> (String, [FieldCode], [MarkupElement]) {
        var depth = 0
        var separated = false
        var instruction = ""
        var nested: [String] = []
        var result: [MarkupElement] = []
        for node in span {
            guard case .element(let run) = node else { continue }
            var inResult = false
            for child in run.elements {
                switch child.localName {
                case "fldChar":
                    switch child.attributes.first(where: { $0.name.hasSuffix("fldCharType") })?.value {
                    case "begin": depth += 1; if depth > 1 && !separated { nested.append("") }
                    case "separate": if depth == 1 { separated = true }
                    case "end": depth -= 1
                    default: break
                    }
                case "instrText":
                    if depth == 1 && !separated { instruction += child.textContent } else if depth > 1 && !separated && !nested.isEmpty {
                        nested[nested.count - 1] += child.textContent
                    }
                case "t":
                    if separated && depth == 1 { inResult = true }
                default: break
                }
            }
            if inResult { result.append(run) }
        }
        return (instruction, nested.map(FieldCode.init), result)
    }
}
