import Foundation
import PaperworkOOXML

/// The text of a workbook outside its cells: chart titles and text boxes (`xl/charts/*`, `xl/drawings/*`),
/// cell comments (`xl/comments*.xml`) and threaded comments, and the document title. Their tags are filled
/// like the cells'; blocks act inside one title or comment only.
///
/// Comments stay on their cells when a row loop moves the rows: their `ref` and the legacy drawing that
/// shows them move by the sheet's row map. A chart or drawing that a row loop moves is compiled again
/// from its moved markup when filled.
struct WorkbookTextParts: Sendable {
    private struct Entry: Sendable {
        var name: String
        var mode: Tokenizer.Mode
        /// The sheet of a comments part, whose row map moves its `ref`s.
        var commentsOf: String?
        var compiled: CompiledPart?
    }

    private var entries: [Entry] = []
    /// The legacy (VML) drawings that show the comments, by sheet.
    private var commentShapes: [(part: String, sheet: String)] = []
    private(set) var tags: [TagOccurrence] = []
    private(set) var problems: [TemplateProblem] = []
    /// Every part read for tags, with or without any: the others are scanned for tags left as they are.
    private(set) var names: Set<String> = []

    /// Reads the text parts of the sheets (name, part) and of the package.
    init(_ package: OOXMLPackage, sheets: [(name: String, part: String)]) throws {
        var found: [(String, Tokenizer.Mode, String?)] = []
        for sheet in sheets {
            for drawing in try package.related(to: sheet.part, kind: "drawing") {
                found.append((drawing, .drawing, nil))
                found += try package.related(to: drawing, kind: "chart").map { ($0, .drawing, nil) }
            }
            found += try package.related(to: sheet.part, kind: "comments").map { ($0, .cellText, sheet.name) }
            found += try package.related(to: sheet.part, kind: "threadedComment").map { ($0, .plain, sheet.name) }
            commentShapes += try package.related(to: sheet.part, kind: "vmlDrawing").map { ($0, sheet.name) }
        }
        found += try package.related(to: "", kind: "core-properties").map { ($0, .plain, nil) }
        for (name, mode, commentsOf) in found where names.insert(name).inserted {
            var entry = Entry(name: name, mode: mode, commentsOf: commentsOf)
            let bytes = try package.data(of: name)
            if PartsLeftAsTheyAre.mayHoldTags(bytes) {
                let document: MarkupDocument
                do { document = try MarkupParser.parse(bytes, part: name) } catch { throw PackageError.xml(file: package.label, error) }
                let (compiled, occurrences, partProblems) = Self.compile(document, entry)
                tags += occurrences
                problems += partProblems
                entry.compiled = compiled
            }
            if entry.compiled != nil || commentsOf != nil { entries.append(entry) }
        }
    }

    private static func compile(_ document: MarkupDocument, _ entry: Entry) -> (CompiledPart?, [TagOccurrence], [TemplateProblem]) {
        var bindings: [ControlBinding] = []
        return CompiledPart.compile(document, part: entry.name, mode: entry.mode, size: 0, bindings: &bindings)
    }

    /// Fills the parts with tags into `output` and moves the comments of sheets with row loops; a chart or
    /// drawing in `moved` is compiled again from `output`'s markup (its references already moved). Returns
    /// the data problems.
    func render(_ data: TemplateValue, options: RenderOptions, mover: ReferenceMover, moved: Set<String>,
                into output: inout OOXMLPackage) throws -> [TemplateProblem] {
        var problems: [TemplateProblem] = []
        for entry in entries {
            var compiled = entry.compiled
            if let sheet = entry.commentsOf, mover.maps[sheet] != nil {
                var document = try output.xml(of: entry.name)
                document.root = Self.movingRefs(document.root, mover, sheet) ?? document.root
                guard compiled != nil else { output.setPart(entry.name, xml: document); continue }
                compiled = Self.compile(document, entry).0
            } else if moved.contains(entry.name) {
                compiled = Self.compile(try output.xml(of: entry.name), entry).0
            }
            guard let compiled else { continue }
            let filled = compiled.render(data, options: options)
            problems += filled.problems
            if filled.problems.isEmpty { output.setPart(entry.name, bytes: filled.bytes) }
        }
        for (part, sheet) in commentShapes {
            guard let map = mover.maps[sheet] else { continue }
            let text = String(decoding: try output.data(of: part), as: UTF8.self)
            output.setPart(part, bytes: Array(Self.movingShapes(Self.withoutVanishedShapes(text, map), map).utf8))
        }
        return problems
    }

    /// Every comment's `ref` moved to where its cell went; nil for a comment whose row went with an empty loop
    /// (left in place, it would land on the row that moved up into its place, or on another comment's cell).
    private static func movingRefs(_ element: MarkupElement, _ mover: ReferenceMover, _ sheet: String) -> MarkupElement? {
        var e = element
        if e.localName == "comment" || e.localName == "threadedComment", let ref = e[attribute: "ref"] {
            if let row = AreaRef.parse(Substring(ref))?.start.row, mover.maps[sheet]?.first(row) == nil { return nil }
            e[attribute: "ref"] = mover.cell(ref, on: sheet)
        }
        e.children = e.children.compactMap { if case .element(let c) = $0 { movingRefs(c, mover, sheet).map(MarkupNode.element) } else { $0 } }
        return e
    }

    /// The legacy drawing without the shapes of comments whose row went with an empty loop.
    static func withoutVanishedShapes(_ text: String, _ map: RowMap) -> String {
        guard let shape = try? NSRegularExpression(pattern: #"<([A-Za-z0-9_]+):shape\b[\s\S]*?</\1:shape>\s*"#),
              let row = try? NSRegularExpression(pattern: #"<[A-Za-z0-9_]+:Row>\s*([0-9]+)\s*</"#) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in shape.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            guard let found = row.firstMatch(in: text, range: match.range), let n = Int(ns.substring(with: found.range(at: 1))),
                  map.first(n + 1) == nil else { continue }
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    /// The comment shapes of a legacy drawing moved down with their cells: `Row` (from 0) and the rows of
    /// `Anchor` (its third and seventh numbers) in each `ClientData`, whatever its prefix. The drawing is
    /// edited as text: Excel's VML is not always well-formed XML.
    static func movingShapes(_ text: String, _ map: RowMap) -> String {
        guard let clientData = try? NSRegularExpression(pattern: #"<([A-Za-z0-9_]+):ClientData\b[\s\S]*?</\1:ClientData>"#) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in clientData.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            last = match.range.location + match.range.length
            let prefix = ns.substring(with: match.range(at: 1))
            var data = ns.substring(with: match.range)
            let (rowOpen, rowClose) = ("<\(prefix):Row>", "</\(prefix):Row>")
            if let row = number(in: data, between: rowOpen, rowClose), let moved = map.first(row + 1).map({ $0 - 1 }), moved != row {
                data = data.replacingOccurrences(of: rowOpen + String(row) + rowClose, with: rowOpen + String(moved) + rowClose)
                let (anchorOpen, anchorClose) = ("<\(prefix):Anchor>", "</\(prefix):Anchor>")
                if let anchor = self.text(in: data, between: anchorOpen, anchorClose) {
                    var numbers = anchor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    if numbers.count == 8, let top = Int(numbers[2]), let bottom = Int(numbers[6]) {
                        numbers[2] = String(top + moved - row)
                        numbers[6] = String(bottom + moved - row)
                        data = data.replacingOccurrences(of: anchorOpen + anchor + anchorClose, with: anchorOpen + numbers.joined(separator: ", ") + anchorClose)
                    }
                }
            }
            out += data
        }
        return out + ns.substring(from: last)
    }

    private static func text(in s: String, between start: String, _ end: String) -> String? {
        guard let a = s.range(of: start), let b = s[a.upperBound...].range(of: end) else { return nil }
        return String(s[a.upperBound..<b.lowerBound])
    }

    private static func number(in s: String, between start: String, _ end: String) -> Int? {
        text(in: s, between: start, end).flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
