import PaperworkOOXML

/// A cell or area reference inside a formula or a range list, with its `$` marks.
struct AreaRef: Equatable {
    struct Corner: Equatable {
        /// 0-based column; nil for whole rows (`5:5`).
        var column: Int?
        /// 1-based row; nil for whole columns (`A:A`).
        var row: Int?
        var absoluteColumn = false
        var absoluteRow = false

        var text: String {
            var s = ""
            if let column { s += (absoluteColumn ? "$" : "") + CellReference.columnName(column) }
            if let row { s += (absoluteRow ? "$" : "") + String(row) }
            return s
        }

        static func parse(_ text: Substring) -> Corner? {
            var c = Corner()
            var i = text.startIndex
            func dollar() -> Bool {
                if i < text.endIndex && text[i] == "$" { i = text.index(after: i); return true }
                return false
            }
            let absC = dollar()
            var letters = 0, column = 0
            while i < text.endIndex, let a = text[i].asciiValue, (65...90).contains(a) || (97...122).contains(a) {
                guard letters < 3 else { return nil }
                column = column * 26 + Int((a & 0xDF) - 64); letters += 1; i = text.index(after: i)
            }
            if letters > 0 {
                guard letters <= 3 else { return nil }
                c.column = column - 1; c.absoluteColumn = absC
            } else if absC {
                c.absoluteRow = true
            }
            let absR = letters > 0 ? dollar() : c.absoluteRow
            var digits = 0, row = 0
            while i < text.endIndex, let d = text[i].wholeNumberValue, text[i].isASCII {
                guard digits < 7 else { return nil }
                row = row * 10 + d; digits += 1; i = text.index(after: i)
            }
            guard i == text.endIndex, letters + digits > 0, digits <= 7 else { return nil }
            if digits > 0 { guard row > 0 else { return nil }; c.row = row; c.absoluteRow = absR }
            return c
        }
    }

    var start: Corner
    var end: Corner?

    var text: String { start.text + (end.map { ":" + $0.text } ?? "") }

    /// `A1`, `$A$1:B5`, `5:5`, `A:A`; a lone column or row number is not a reference.
    static func parse(_ text: Substring) -> AreaRef? {
        if let colon = text.firstIndex(of: ":") {
            guard let a = Corner.parse(text[..<colon]), let b = Corner.parse(text[text.index(after: colon)...]),
                  (a.column == nil) == (b.column == nil), (a.row == nil) == (b.row == nil) else { return nil }
            return AreaRef(start: a, end: b)
        }
        guard let a = Corner.parse(text), a.column != nil, a.row != nil else { return nil }
        return AreaRef(start: a, end: nil)
    }

    var firstRow: Int? { start.row }
    var lastRow: Int? { end?.row ?? start.row }
}

/// Finds the references in formula text so that they can be rewritten, leaving strings,
/// function names and structured references alone.
enum FormulaText {
    /// A piece of a formula: text kept as is, or a reference with its sheet prefix as written.
    enum Piece {
        case text(String)
        case reference(sheet: String?, area: AreaRef, insideAggregate: Bool)
    }

    static let aggregates: Set<String> = ["SUM", "COUNT", "COUNTA", "AVERAGE", "MIN", "MAX", "PRODUCT", "SUMPRODUCT", "COUNTBLANK"]

    static func split(_ formula: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        let chars = Array(formula)
        var i = 0
        var calls: [String] = []
        func flush() { if !literal.isEmpty { pieces.append(.text(literal)); literal = "" } }
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count { if chars[j] == "\"" { if j + 1 < chars.count && chars[j + 1] == "\"" { j += 2; continue }; break }; j += 1 }
                literal += String(chars[i...min(j, chars.count - 1)]); i = j + 1; continue
            }
            if c == "[" {
                var depth = 0, j = i
                while j < chars.count { if chars[j] == "[" { depth += 1 } else if chars[j] == "]" { depth -= 1; if depth == 0 { break } }; j += 1 }
                literal += String(chars[i...min(j, chars.count - 1)]); i = j + 1; continue
            }
            if c == "(" { calls.append(lastWord(literal)); literal.append(c); i += 1; continue }
            if c == ")" { _ = calls.popLast(); literal.append(c); i += 1; continue }
            let startsToken = c == "'" || c == "$" || c.isLetter || c.isNumber || c == "_"
            let previous = i > 0 ? chars[i - 1] : " "
            let boundary = !(previous.isLetter || previous.isNumber || previous == "_" || previous == "." || previous == "$")
            guard startsToken && boundary else { literal.append(c); i += 1; continue }
            var j = i
            var sheet: String? = nil
            if c == "'" {
                var k = i + 1
                while k < chars.count { if chars[k] == "'" { if k + 1 < chars.count && chars[k + 1] == "'" { k += 2; continue }; break }; k += 1 }
                guard k + 1 < chars.count, chars[k + 1] == "!" else { literal.append(c); i += 1; continue }
                sheet = String(chars[i...k]); j = k + 2
            }
            var k = j
            while k < chars.count, chars[k].isLetter || chars[k].isNumber || "_.$:!".contains(chars[k]) { k += 1 }
            var token = String(chars[j..<k])
            if sheet == nil, let bang = token.firstIndex(of: "!") {
                sheet = String(token[...bang]); token = String(token[token.index(after: bang)...])
            } else if sheet != nil {
                sheet! += "!"
            }
            let followedByCall = k < chars.count && chars[k] == "("
            if !followedByCall, let area = AreaRef.parse(Substring(token)) {
                flush()
                let inAggregate = calls.last.map { aggregates.contains($0.uppercased()) } ?? false
                pieces.append(.reference(sheet: sheet, area: area, insideAggregate: inAggregate))
            } else {
                literal += String(chars[i..<k])
            }
            i = max(k, i + 1)
        }
        flush()
        return pieces
    }

    private static func lastWord(_ s: String) -> String {
        String(s.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }.reversed())
    }

    static func join(_ pieces: [Piece]) -> String {
        pieces.map {
            switch $0 {
            case .text(let t): t
            case .reference(let sheet, let area, _): (sheet ?? "") + area.text
            }
        }.joined()
    }

    /// The sheet a prefix names: `'My Sheet'!` → `My Sheet`, `Sheet1!` → `Sheet1`.
    static func sheetName(_ prefix: String) -> String {
        var s = String(prefix.dropLast())
        if s.hasPrefix("'") && s.hasSuffix("'") && s.count >= 2 { s = String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        return s
    }
}
