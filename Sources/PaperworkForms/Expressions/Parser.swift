/// Reads an expression into a syntax tree (precedence, lowest first: `if then else`, `or`, `and`,
/// `not`, comparisons and `in`, `+ -`, `* /`, unary `-`, indexing `[…]`).
struct Parser {
    private let tokens: [Token]
    private var i = 0

    static func parse(_ text: String) throws(ExpressionError) -> Syntax {
        var parser = Parser(tokens: try Lexer.tokens(text))
        let syntax = try parser.expression()
        guard parser.peek.kind == .end else { throw parser.unexpected(.operatorOrEnd) }
        return syntax
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[i] }

    private mutating func advance() -> Token {
        defer { if i < tokens.count - 1 { i += 1 } }
        return tokens[i]
    }

    private func unexpected(_ expected: ExpressionError.Expectation) -> ExpressionError {
        ExpressionError(.unexpected(found: Self.spelling(peek.kind), expected: expected), at: peek.at)
    }

    /// The token as written; nil at the end of the expression.
    static func spelling(_ kind: Token.Kind) -> String? {
        switch kind {
        case .number(let n): "\(n)"
        case .percent(let n): "\(n * 100)%"
        case .text(let s): "\"\(s)\""
        case .date(let d): d.iso
        case .name(let n): n
        case .keyword(let k): k.rawValue
        case .symbol(let s): s.rawValue
        case .end: nil
        }
    }

    private mutating func expect(_ symbol: Token.Symbol) throws(ExpressionError) {
        guard peek.kind == .symbol(symbol) else { throw unexpected(.token(symbol.rawValue)) }
        _ = advance()
    }

    private mutating func expect(_ keyword: Token.Keyword) throws(ExpressionError) {
        guard peek.kind == .keyword(keyword) else { throw unexpected(.token(keyword.rawValue)) }
        _ = advance()
    }

    private mutating func expression() throws(ExpressionError) -> Syntax {
        guard peek.kind == .keyword(.if) else { return try binary(level: 0) }
        let at = advance().at
        let condition = try expression()
        try expect(.then)
        let yes = try expression()
        try expect(.else)
        let no = try expression()
        return Syntax(kind: .condition(condition, yes, no), at: at)
    }

    /// The operators of each level of precedence, loosest first.
    private static let levels: [[BinaryOperator]] = [[.or], [.and], [], [.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual, .in, .notIn], [.plus, .minus], [.times, .divide]]

    private func binaryOperator() -> BinaryOperator? {
        switch peek.kind {
        case .keyword(.and): .and
        case .keyword(.or): .or
        case .keyword(.in): .in
        case .keyword(.not) where i + 1 < tokens.count && tokens[i + 1].kind == .keyword(.in): .notIn
        case .symbol(let s): BinaryOperator(rawValue: s.rawValue)
        default: nil
        }
    }

    private mutating func binary(level: Int) throws(ExpressionError) -> Syntax {
        if level == Self.levels.count { return try unary() }
        if level == 2 {
            guard peek.kind == .keyword(.not) else { return try binary(level: 3) }
            let at = advance().at
            return Syntax(kind: .not(try binary(level: 2)), at: at)
        }
        var left = try binary(level: level + 1)
        while let op = binaryOperator(), Self.levels[level].contains(op) {
            let at = advance().at
            if op == .notIn { _ = advance() }
            let right = try binary(level: level + 1)
            left = Syntax(kind: .binary(op, left, right), at: at)
            if level == 3 { break }
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        if peek.kind == .symbol(.minus) {
            let at = advance().at
            return Syntax(kind: .negate(try unary()), at: at)
        }
        var base = try primary()
        while peek.kind == .symbol(.openBracket) {
            let at = advance().at
            let index = try expression()
            try expect(.closeBracket)
            base = Syntax(kind: .index(base, index), at: at)
        }
        return base
    }

    private mutating func primary() throws(ExpressionError) -> Syntax {
        let token = peek
        switch token.kind {
        case .number(let n): _ = advance(); return Syntax(kind: .number(n), at: token.at)
        case .percent(let n): _ = advance(); return Syntax(kind: .percent(n), at: token.at)
        case .text(let s): _ = advance(); return Syntax(kind: .text(s), at: token.at)
        case .date(let d): _ = advance(); return Syntax(kind: .date(d), at: token.at)
        case .keyword(.true): _ = advance(); return Syntax(kind: .bool(true), at: token.at)
        case .keyword(.false): _ = advance(); return Syntax(kind: .bool(false), at: token.at)
        case .keyword(.null): _ = advance(); return Syntax(kind: .null, at: token.at)
        case .symbol(.open):
            _ = advance()
            let inner = try expression()
            try expect(.close)
            return inner
        case .name(let name):
            _ = advance()
            if peek.kind == .symbol(.open) { return try call(name, at: token.at) }
            return try path(first: name, at: token.at)
        default:
            throw unexpected(.valueFieldOrFunction)
        }
    }

    private mutating func call(_ name: String, at: Int) throws(ExpressionError) -> Syntax {
        _ = advance()
        var arguments: [Syntax] = []
        if peek.kind != .symbol(.close) {
            arguments.append(try expression())
            while peek.kind == .symbol(.comma) {
                _ = advance()
                arguments.append(try expression())
            }
        }
        try expect(.close)
        return Syntax(kind: .call(name, arguments), at: at)
    }

    /// `a.b.c`, `企业[].培训人数`: `[]` right after a segment marks a list's item.
    private mutating func path(first: String, at: Int) throws(ExpressionError) -> Syntax {
        var segments = [first]
        var itemAfter: Int?
        while true {
            if peek.kind == .symbol(.dot) {
                _ = advance()
                guard case .name(let next) = peek.kind else { throw unexpected(.fieldName) }
                _ = advance()
                segments.append(next)
            } else if peek.kind == .symbol(.openBracket), i + 1 < tokens.count, tokens[i + 1].kind == .symbol(.closeBracket), itemAfter == nil {
                _ = advance(); _ = advance()
                itemAfter = segments.count
            } else {
                return Syntax(kind: .path(segments, itemAfter: itemAfter), at: at)
            }
        }
    }
}
