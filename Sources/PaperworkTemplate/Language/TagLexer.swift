/// One finding of the lexer in a run of text: a tag, or an escaped literal `{{`.
struct LexedItem: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case tag(Result<Tag, TagSyntaxError>, source: String)
        /// `\{{` — stands for a literal `{{`.
        case escapedBraces
    }

    /// Offsets in Unicode scalars: the whole `{{…}}` (or `\{{`).
    var start: Int
    var end: Int
    var kind: Kind
}

/// Finds `{{ … }}` tags in text. A backslash before `{{` makes the braces literal. A Jinja statement
/// (`{% for … %}`) is found too, as a tag that fails with its equivalent, so that it never passes through.
///
/// Braces typed with a Chinese input method (`｛｛名称｝｝`) count as well: users switch input modes
/// mid-word, and a tag that silently stays text would be a blank on paper.
enum TagLexer {
    static func isOpen(_ c: Unicode.Scalar) -> Bool { c == "{" || c == "｛" }
    static func isClose(_ c: Unicode.Scalar) -> Bool { c == "}" || c == "｝" }

    static func scan(_ s: [Unicode.Scalar]) -> [LexedItem] {
        var items: [LexedItem] = []
        var i = 0
        let n = s.count
        while i + 1 < n {
            if s[i] == "\\" && i + 2 < n && isOpen(s[i + 1]) && isOpen(s[i + 2]) {
                items.append(LexedItem(start: i, end: i + 3, kind: .escapedBraces))
                i += 3
                continue
            }
            if s[i] == "{" && s[i + 1] == "%" {
                var j = i + 2
                while j + 1 < n && !(s[j] == "%" && s[j + 1] == "}") { j += 1 }
                let end = j + 1 < n ? j + 2 : n
                let source = String(String.UnicodeScalarView(s[i..<end]))
                items.append(LexedItem(start: i, end: end, kind: .tag(.failure(ForeignSyntax.jinja(source)), source: source)))
                i = end
                continue
            }
            guard isOpen(s[i]) && isOpen(s[i + 1]) else { i += 1; continue }
            var j = i + 2
            var quote: [Unicode.Scalar]? = nil
            var close: Int? = nil
            while j < n {
                let c = s[j]
                if let q = quote {
                    if q.contains(c) { quote = nil }
                } else if TagParser.isQuote(c) {
                    quote = TagParser.closingQuote(for: c)
                } else if isClose(c) && j + 1 < n && isClose(s[j + 1]) {
                    close = j
                    break
                } else if isOpen(c) && j + 1 < n && isOpen(s[j + 1]) {
                    break
                }
                j += 1
            }
            guard let close else {
                let source = String(String.UnicodeScalarView(s[i..<min(j, n)]))
                items.append(LexedItem(start: i, end: min(j, n), kind: .tag(.failure(.unclosed), source: source)))
                i = max(j, i + 2)
                continue
            }
            let inner = String(String.UnicodeScalarView(s[(i + 2)..<close]))
            let parsed: Result<Tag, TagSyntaxError>
            do { parsed = .success(try TagParser.parse(inner)) } catch { parsed = .failure(error) }
            items.append(LexedItem(start: i, end: close + 2, kind: .tag(parsed, source: "{{" + inner + "}}")))
            i = close + 2
        }
        return items
    }
}
