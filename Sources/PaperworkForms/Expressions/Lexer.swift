import Foundation
import PaperworkTemplate

/// Splits an expression into tokens. Names are any run of letters, digits, `_` and non-ASCII
/// characters, so Chinese keys need no quotes; a segment after `.` may start with a digit
/// (`职工.2019年12月末`), and so may a name whose digits run into letters (`2019年2至4月营业收入`).
struct Lexer {
    private let chars: [Character]
    private var i = 0
    private var tokens: [Token] = []

    static func tokens(_ text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(chars: Array(text))
        try lexer.run()
        return lexer.tokens
    }

    private init(chars: [Character]) { self.chars = chars }

    private static func isNameCharacter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5A) || (a >= 0x61 && a <= 0x7A) || a == 0x5F }
        return !c.isWhitespace
    }

    private mutating func run() throws(ExpressionError) {
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            let afterDot = tokens.last?.kind == .symbol(.dot)
            if afterDot && Self.isNameCharacter(c) {
                tokens.append(Token(kind: .name(name()), at: start))
            } else if c.isASCII && c.isNumber {
                tokens.append(Token(kind: try numberOrName(), at: start))
            } else if c == "\"" || c == "'" {
                tokens.append(Token(kind: .text(try quoted(c)), at: start))
            } else if Self.isNameCharacter(c) {
                let word = name()
                tokens.append(Token(kind: Token.Keyword(rawValue: word).map(Token.Kind.keyword) ?? .name(word), at: start))
            } else {
                tokens.append(Token(kind: .symbol(try symbol()), at: start))
            }
        }
        tokens.append(Token(kind: .end, at: chars.count))
    }

    private mutating func name() -> String {
        let start = i
        while i < chars.count, Self.isNameCharacter(chars[i]) { i += 1 }
        return String(chars[start..<i])
    }

    /// `2020-04-30` a date, `0.055` or `5.5%` a number, `2019年12月末` a name.
    private mutating func numberOrName() throws(ExpressionError) -> Token.Kind {
        let start = i
        let word = name()
        if !word.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .name(word)
        }
        if word.count == 4, i < chars.count, chars[i] == "-" {
            var j = i
            while j < chars.count, chars[j] == "-" || (chars[j].isASCII && chars[j].isNumber) { j += 1 }
            let text = String(chars[start..<j])
            guard let date = CalendarDate.parse(text), text.split(separator: "-").count == 3 else {
                throw ExpressionError(.badDate(text), at: start)
            }
            i = j
            return .date(date)
        }
        var text = word
        if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
            i += 1
            text += "." + name()
        }
        guard let n = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else {
            throw ExpressionError(.badNumber(String(chars[start..<i])), at: start)
        }
        if i < chars.count, chars[i] == "%" {
            i += 1
            return .percent(n / 100)
        }
        return .number(n)
    }

    private mutating func quoted(_ quote: Character) throws(ExpressionError) -> String {
        let start = i
        i += 1
        var out = ""
        while i < chars.count, chars[i] != quote {
            out.append(chars[i])
            i += 1
        }
        guard i < chars.count else { throw ExpressionError(.unterminatedText, at: start) }
        i += 1
        return out
    }

    private mutating func symbol() throws(ExpressionError) -> Token.Symbol {
        let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
        if let s = Token.Symbol(rawValue: two) { i += 2; return s }
        if let s = Token.Symbol(rawValue: String(chars[i])) { i += 1; return s }
        var j = i
        while j < chars.count, !chars[j].isWhitespace, !Self.isNameCharacter(chars[j]), chars[j] != "(", chars[j] != ")" { j += 1 }
        throw ExpressionError(.unknownOperator(String(chars[i..<max(j, i + 1)])), at: i)
    }
}
