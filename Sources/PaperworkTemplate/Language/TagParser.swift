import Foundation
import PaperworkOOXML

/// Parses the text between `{{` and `}}`.
enum TagParser {
    static func parse(_ source: String) throws(TagSyntaxError) -> Tag {
        let text = halfWidthSyntax(source).trimmed
        guard !text.isEmpty else { throw .empty }
        if let foreign = ForeignSyntax.prefixed(text) { throw foreign }
        if text == "else" { return .otherwise }
        if text.hasPrefix("/") {
            let name = text.dropFirst().trimmed
            guard let kind = BlockKind(rawValue: name) else { throw .unknownBlock("/" + name) }
            return .close(kind)
        }
        if text.hasPrefix("#") {
            let body = text.dropFirst()
            let name = String(body.prefix { !$0.isWhitespace })
            guard let kind = BlockKind(rawValue: name) else { throw .unknownBlock("#" + name) }
            var rest = String(body.dropFirst(name.count))
            let separator = kind == .each ? try takeSeparator(&rest) : nil
            var expression = try expression(rest)
            expression.separator = separator
            return .open(kind, expression)
        }
        return .value(try expression(text))
    }

    /// Takes a trailing `sep="、"` off an `#each` tag's text: what goes between the items of an inline loop.
    private static func takeSeparator(_ rest: inout String) throws(TagSyntaxError) -> String? {
        let scalars = Array(rest.unicodeScalars)
        guard let last = scalars.last, isQuote(last) else { return nil }
        var i = scalars.count - 2
        while i >= 0 && !isQuote(scalars[i]) { i -= 1 }
        guard i >= 4 else { return nil }
        var j = i - 1
        while j >= 0 && isSpace(scalars[j]) { j -= 1 }
        guard j >= 4, scalars[j] == "=", isSpace(scalars[j - 4]), String(String.UnicodeScalarView(scalars[(j - 3)..<j])) == "sep" else { return nil }
        rest = String(String.UnicodeScalarView(scalars[..<(j - 4)]))
        return String(String.UnicodeScalarView(scalars[(i + 1)..<(scalars.count - 1)]))
    }

    /// The full-width punctuation of a Chinese input method, outside quotes, as the ASCII the language uses:
    /// `｜` `＃` `／` `（` `）` `，` `＠` and the ideographic space.
    static func halfWidthSyntax(_ text: String) -> String {
        let map: [Unicode.Scalar: Unicode.Scalar] = ["｜": "|", "＃": "#", "／": "/", "（": "(", "）": ")", "，": ",", "＠": "@", "\u{3000}": " "]
        var out = String.UnicodeScalarView()
        var quote: [Unicode.Scalar]? = nil
        for c in text.unicodeScalars {
            if let q = quote {
                if q.contains(c) { quote = nil }
                out.append(c)
            } else if isQuote(c) {
                quote = closingQuote(for: c)
                out.append(c)
            } else {
                out.append(map[c] ?? c)
            }
        }
        return String(out)
    }

    static func expression(_ text: String) throws(TagSyntaxError) -> TagExpression {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.skipSpaces()
        let pathText = scanner.take { !isSpace($0) && $0 != "|" && $0 != "(" && $0 != ")" && !isQuote($0) }
        guard !pathText.isEmpty else { throw .badPath(text.trimmed) }
        let path = try self.path(pathText)
        var filters: [FilterCall] = []
        scanner.skipSpaces()
        while !scanner.atEnd {
            guard scanner.peek == "|" else { throw .stray(scanner.rest) }
            scanner.advance()
            scanner.skipSpaces()
            let name = scanner.take { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            guard !name.isEmpty else { throw .badFilter(scanner.rest.isEmpty ? "|" : scanner.rest) }
            scanner.skipSpaces()
            var arguments: [FilterArgument] = []
            if scanner.peek == "(" {
                scanner.advance()
                arguments = try self.arguments(&scanner, filter: name)
            }
            filters.append(FilterCall(name: name, arguments: arguments))
            scanner.skipSpaces()
        }
        return TagExpression(path: path, filters: filters)
    }

    static func path(_ text: String) throws(TagSyntaxError) -> ValuePath {
        if text == "@index" { return .index }
        if text == "@number" { return .number }
        let keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard keys.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("@") && !$0.contains("{") && !$0.contains("}") }) else {
            throw .badPath(text)
        }
        if keys[0] == "this" { return .this(keys.dropFirst().map { FieldKey($0) }) }
        return .keys(keys.map { FieldKey($0) })
    }

    private static func arguments(_ scanner: inout Scanner, filter: String) throws(TagSyntaxError) -> [FilterArgument] {
        var result: [FilterArgument] = []
        scanner.skipSpaces()
        if scanner.peek == ")" { scanner.advance(); return result }
        while true {
            scanner.skipSpaces()
            guard let c = scanner.peek else { throw .badArgument(filter + "(") }
            if isQuote(c) {
                scanner.advance()
                let closing = closingQuote(for: c)
                var value = ""
                while let d = scanner.peek, !closing.contains(d) {
                    scanner.advance()
                    if d == "\\", let escaped = scanner.peek { scanner.advance(); value.unicodeScalars.append(escaped) } else {
                        value.unicodeScalars.append(d)
                    }
                }
                guard scanner.peek != nil else { throw .badArgument(filter + "(\"" + value) }
                scanner.advance()
                result.append(.string(value))
            } else {
                let literal = scanner.take { $0 != "," && $0 != ")" && !isSpace($0) }
                guard let n = Decimal(string: literal, locale: .posix), !literal.isEmpty,
                      literal.allSatisfy({ "0123456789.-".contains($0) }) else { throw .badArgument(literal) }
                result.append(.number(n))
            }
            scanner.skipSpaces()
            if scanner.peek == "," { scanner.advance(); continue }
            if scanner.peek == ")" { scanner.advance(); return result }
            throw .badArgument(filter + "(" + scanner.rest)
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// Straight and typographic quotes: Word turns `"` into `“ ”` as one types.
    static func isQuote(_ c: Unicode.Scalar) -> Bool { "\"'“”‘’「『".unicodeScalars.contains(c) }

    static func closingQuote(for c: Unicode.Scalar) -> [Unicode.Scalar] {
        switch c {
        case "“", "”": ["”", "“"]
        case "‘", "’": ["’", "‘"]
        case "「": ["」"]
        case "『": ["』"]
        default: [c]
        }
    }
}

/// A cursor over Unicode scalars.
struct Scanner {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { position >= scalars.count }
    var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
    var rest: String { String(String.UnicodeScalarView(scalars[position...])) }

    mutating func advance() { position += 1 }

    mutating func skipSpaces() {
        while let c = peek, TagParser.isSpace(c) { advance() }
    }

    mutating func take(while accept: (Unicode.Scalar) -> Bool) -> String {
        let start = position
        while let c = peek, accept(c) { advance() }
        return String(String.UnicodeScalarView(scalars[start..<position]))
    }
}
