/// Tag-like text from other template engines — Jinja/docxtpl statements, poi-tl and Mustache prefixes —
/// recognised so that it is reported with this language's equivalent instead of passing through.
enum ForeignSyntax {
    /// The engine and the tag to use instead, for the inside of a `{{ … }}` that starts with another engine's prefix.
    static func prefixed(_ text: String) -> TagSyntaxError? {
        guard let first = text.unicodeScalars.first else { return nil }
        let name = String(text.unicodeScalars.dropFirst()).trimmed
        let shown = name.isEmpty ? "字段" : name
        switch first {
        case "?": return .foreign(engine: "poi-tl", equivalent: "{{#if \(shown)}} … {{/if}} 或 {{#each \(shown)}} … {{/each}}")
        case "*": return .foreign(engine: "poi-tl", equivalent: "{{#each \(shown)}} … {{/each}}")
        case "+": return .foreign(engine: "poi-tl", equivalent: nil)
        case "@" where name != "index" && name != "number": return .foreign(engine: "poi-tl", equivalent: nil)
        case "^": return .foreign(engine: "Mustache", equivalent: "{{#unless \(shown)}} … {{/unless}}")
        case ">": return .foreign(engine: "Mustache", equivalent: nil)
        case "!": return .foreign(engine: "Mustache", equivalent: "")
        case "&", "{", "=": return .foreign(engine: "Mustache", equivalent: "{{\(shown.trimmingBraces)}}")
        default: return nil
        }
    }

    /// The equivalent of a Jinja statement `{% … %}` (docxtpl's `{%tr`, `{%p`, `{%r`, `{%tc` included).
    static func jinja(_ source: String) -> TagSyntaxError {
        var inner = source.dropFirst(2)
        if inner.hasSuffix("%}") { inner = inner.dropLast(2) }
        if let level = ["tr", "tc", "p", "r"].first(where: { inner.hasPrefix($0 + " ") }) { inner = inner.dropFirst(level.count) }
        let words = inner.split(whereSeparator: \.isWhitespace).map(String.init)
        let equivalent: String?
        switch words.first {
        case "for" where words.count >= 4 && words[2] == "in":
            let loop = "{{#each \(words[3])}}"
            equivalent = loop + "（循环内直接写 {{字段}}，不写 \(words[1]).字段）"
        case "endfor": equivalent = "{{/each}}"
        case "if" where words.count == 2: equivalent = "{{#if \(words[1])}}"
        case "if": equivalent = "{{#if 字段}}（条件请在表单中算好）"
        case "elif": equivalent = "{{else}}{{#if …}}"
        case "else": equivalent = "{{else}}"
        case "endif": equivalent = "{{/if}}"
        default: equivalent = nil
        }
        return .foreign(engine: "Jinja", equivalent: equivalent)
    }
}

private extension String {
    var trimmingBraces: String {
        var s = Substring(self)
        while s.first == "{" { s = s.dropFirst() }
        while s.last == "}" { s = s.dropLast() }
        return String(s).trimmed
    }
}
