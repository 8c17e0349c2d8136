import Foundation
import PaperworkOOXML

/// The text of a template cell as literals and values: `填报人：{{填报人}}` read backwards gives 填报人's text.
public struct TextPattern: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        case literal(String)
        /// A value tag's path and its filters' names.
        case value(ValuePath, filters: [String])
    }

    public var pieces: [Piece]

    /// Filters whose output cannot be read back into the value (`壹万元整`, `二〇二〇年五月十四日`).
    public static let oneWay: Set<String> = ["rmb_upper", "date_upper"]

    /// True when the cell is one value tag and nothing else, so that the cell holds the value typed.
    public var isWholeValue: Bool {
        pieces.count == 1 && { if case .value = pieces[0] { true } else { false } }()
    }

    /// The text of each value, when `text` is what the pattern makes; nil when the literals are not there.
    /// A value of a one-way filter is left out.
    public func match(_ text: String) -> [(path: ValuePath, text: String)]? {
        var rest = Substring(text)
        var found: [(ValuePath, String)] = []
        var i = 0
        while i < pieces.count {
            switch pieces[i] {
            case .literal(let l):
                guard rest.hasPrefix(l) else { return nil }
                rest = rest.dropFirst(l.count)
            case .value(let path, let filters):
                var next: String?
                if i + 1 < pieces.count, case .literal(let l) = pieces[i + 1] { next = l }
                let value: Substring
                if let next, let r = rest.range(of: next) {
                    value = rest[..<r.lowerBound]
                } else if next != nil {
                    return nil
                } else {
                    value = rest
                }
                rest = rest[value.endIndex...]
                if filters.allSatisfy({ !Self.oneWay.contains($0) }) { found.append((path, String(value))) }
            }
            i += 1
        }
        return rest.isEmpty ? found : nil
    }
}

/// Where a list template puts its values, for reading filled workbooks backwards.
public struct SheetMapping: Sendable {
    /// A template cell that holds tags.
    public struct Cell: Sendable {
        /// The row in the template (for a loop's cells, counted from the loop's first row, from 0).
        public var row: Int
        /// The column, from 0.
        public var column: Int
        public var pattern: TextPattern
    }

    /// A row loop: its rows in the template, the list it repeats, and the cells of its rows.
    public struct Loop: Sendable {
        public var first: Int
        public var last: Int
        public var list: [FieldKey]
        public var cells: [Cell]
    }

    public var sheet: String
    public var part: String
    public var loop: Loop?
    /// Cells with tags above and below the loop (a title, a sign-off).
    public var cells: [Cell]
    /// The fixed texts of the first row below the loop that has any (`合计`): where the items end.
    public var end: (row: Int, texts: [Int: String])?
    /// The fixed texts of the last row above the loop that has any (its headings, `企业名称`, `收入`), by which a
    /// workbook made from this template is known.
    public var headings: (row: Int, texts: [Int: String])?

    /// Reads the mapping of every sheet of a template; throws `.package` when a sheet cannot be read.
    public static func mappings(of package: OOXMLPackage) throws(TemplateError) -> [SheetMapping] {
        do { return try readMappings(of: package) } catch { throw .wrap(error) }
    }

    private static func readMappings(of package: OOXMLPackage) throws -> [SheetMapping] {
        let reader = try WorkbookReader(package)
        var result: [SheetMapping] = []
        for (name, part) in reader.sheets {
            var cells: [Cell] = []
            var fixed: [Int: [Int: String]] = [:]
            var above: [Int: [Int: String]] = [:]
            var loopCells: [Cell] = []
            var open: (row: Int, list: [FieldKey])?
            var loop: Loop?
            try reader.rows(ofSheet: part) { row in
                for (column, value) in row.cells.sorted(by: { $0.key < $1.key }) {
                    guard case .text(let text) = value else { continue }
                    let (pattern, opens, closes) = Self.pattern(text)
                    if let list = opens, open == nil, loop == nil { open = (row.number, list) }
                    let cell = Cell(row: row.number, column: column, pattern: pattern)
                    if pattern.pieces.contains(where: { if case .value = $0 { true } else { false } }) {
                        if let o = open { loopCells.append(Cell(row: row.number - o.row, column: column, pattern: pattern)) } else { cells.append(cell) }
                    } else if open == nil && loop != nil && !text.trimmed.isEmpty {
                        fixed[row.number, default: [:]][column] = text
                    } else if open == nil && loop == nil && opens == nil && !text.trimmed.isEmpty {
                        above[row.number, default: [:]][column] = text
                    }
                    if closes, let o = open {
                        loop = Loop(first: o.row, last: row.number, list: o.list, cells: loopCells)
                        open = nil
                    }
                }
            }
            let end = fixed.keys.min().map { (row: $0, texts: fixed[$0] ?? [:]) }
            let headings = above.keys.filter { row in loop.map { row < $0.first } ?? false }.max().map { (row: $0, texts: above[$0] ?? [:]) }
            result.append(SheetMapping(sheet: name, part: part, loop: loop, cells: cells, end: end, headings: headings))
        }
        return result
    }

    /// The pattern of a cell's text, the list a `{{#each}}` in it opens, and whether it closes one.
    static func pattern(_ text: String) -> (TextPattern, opens: [FieldKey]?, closes: Bool) {
        let scalars = Array(text.unicodeScalars)
        var pieces: [TextPattern.Piece] = []
        var literal = String.UnicodeScalarView()
        var opens: [FieldKey]?
        var closes = false
        var cursor = 0
        func flush() {
            if !literal.isEmpty { pieces.append(.literal(String(literal))); literal = String.UnicodeScalarView() }
        }
        for item in TagLexer.scan(scalars) {
            literal += scalars[cursor..<item.start]
            cursor = item.end
            switch item.kind {
            case .escapedBraces: literal += "{{".unicodeScalars
            case .tag(.success(.value(let e)), _): flush(); pieces.append(.value(e.path, filters: e.filters.map(\.name)))
            case .tag(.success(.open(.each, let e)), _): if case .keys(let keys) = e.path { opens = keys }
            case .tag(.success(.close(.each)), _): closes = true
            case .tag: break
            }
        }
        literal += scalars[cursor...]
        flush()
        return (TextPattern(pieces: pieces), opens, closes)
    }
}
