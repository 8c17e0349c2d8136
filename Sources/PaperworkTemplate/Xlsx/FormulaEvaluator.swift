import Foundation
import PaperworkOOXML

/// Computes the cached value of plain formulas — sums, counts, averages, minima, maxima, rounding and
/// arithmetic over cells — in decimal, so that viewers that do not recalculate show the right numbers.
indirect enum FormulaExpression {
    case number(Decimal)
    case reference(AreaRef)
    case unary(Character, FormulaExpression)
    case binary(Character, FormulaExpression, FormulaExpression)
    case call(String, [FormulaExpression])

    static let functions: Set<String> = ["SUM", "COUNT", "COUNTA", "AVERAGE", "MIN", "MAX", "ROUND", "ABS"]

    /// Parses the pieces of a moved formula; nil when it uses anything beyond plain arithmetic and aggregates.
    static func parse(_ pieces: [FormulaText.Piece]) -> FormulaExpression? {
        var tokens: [Token] = []
        for piece in pieces {
            switch piece {
            case .reference(let sheet, let area, _):
                guard sheet == nil else { return nil }
                tokens.append(.reference(area))
            case .text(let text):
                guard let lexed = lex(text) else { return nil }
                tokens += lexed
            }
        }
        var parser = Parser(tokens: tokens)
        guard let e = parser.expression(), parser.position == tokens.count else { return nil }
        return e
    }

    enum Token {
        case number(Decimal), reference(AreaRef), op(Character), name(String), open, close, comma
    }

    private static func lex(_ text: String) -> [Token]? {
        var out: [Token] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == " " || (c == "=" && out.isEmpty && i == 0) { i += 1; continue }
            if "+-*/".contains(c) { out.append(.op(c)); i += 1; continue }
            if c == "(" { out.append(.open); i += 1; continue }
            if c == ")" { out.append(.close); i += 1; continue }
            if c == "," { out.append(.comma); i += 1; continue }
            if c.isNumber || c == "." {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." { j += 1 }
                guard let n = Decimal(string: String(chars[i..<j]), locale: .posix) else { return nil }
                out.append(.number(n)); i = j; continue
            }
            if c.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "." { j += 1 }
                let name = String(chars[i..<j]).uppercased()
                guard functions.contains(name) else { return nil }
                out.append(.name(name)); i = j; continue
            }
            return nil
        }
        return out
    }

    private struct Parser {
        let tokens: [Token]
        var position = 0

        mutating func expression() -> FormulaExpression? {
            guard var left = term() else { return nil }
            while position < tokens.count, case .op(let o) = tokens[position], o == "+" || o == "-" {
                position += 1
                guard let right = term() else { return nil }
                left = .binary(o, left, right)
            }
            return left
        }

        mutating func term() -> FormulaExpression? {
            guard var left = factor() else { return nil }
            while position < tokens.count, case .op(let o) = tokens[position], o == "*" || o == "/" {
                position += 1
                guard let right = factor() else { return nil }
                left = .binary(o, left, right)
            }
            return left
        }

        mutating func factor() -> FormulaExpression? {
            guard position < tokens.count else { return nil }
            let t = tokens[position]
            position += 1
            switch t {
            case .number(let n): return .number(n)
            case .reference(let a): return .reference(a)
            case .op(let o) where o == "-" || o == "+": return factor().map { .unary(o, $0) }
            case .open:
                guard let e = expression(), position < tokens.count, case .close = tokens[position] else { return nil }
                position += 1
                return e
            case .name(let name):
                guard position < tokens.count, case .open = tokens[position] else { return nil }
                position += 1
                var args: [FormulaExpression] = []
                if position < tokens.count, case .close = tokens[position] { position += 1; return .call(name, args) }
                while true {
                    guard let a = expression() else { return nil }
                    args.append(a)
                    guard position < tokens.count else { return nil }
                    if case .comma = tokens[position] { position += 1; continue }
                    if case .close = tokens[position] { position += 1; return .call(name, args) }
                    return nil
                }
            default: return nil
            }
        }
    }

    /// Every reference the expression reads.
    var references: [AreaRef] {
        switch self {
        case .number: []
        case .reference(let a): [a]
        case .unary(_, let e): e.references
        case .binary(_, let a, let b): a.references + b.references
        case .call(_, let args): args.flatMap(\.references)
        }
    }

    /// The references read by MIN or MAX: their ranges must also keep their least and greatest values.
    var extremeReferences: [AreaRef] {
        switch self {
        case .number, .reference: []
        case .unary(_, let e): e.extremeReferences
        case .binary(_, let a, let b): a.extremeReferences + b.extremeReferences
        case .call(let name, let args): name == "MIN" || name == "MAX" ? args.flatMap(\.references) : args.flatMap(\.extremeReferences)
        }
    }

    /// The value, given what each reference holds; nil when something cannot be computed.
    func evaluate(_ cells: (AreaRef) -> RangeTotals?) -> Decimal? {
        switch self {
        case .number(let n): return n
        case .reference(let a):
            guard let t = cells(a) else { return nil }
            return a.end == nil ? t.sum : nil
        case .unary(let o, let e): return e.evaluate(cells).map { o == "-" ? -$0 : $0 }
        case .binary(let o, let a, let b):
            guard let x = a.evaluate(cells), let y = b.evaluate(cells) else { return nil }
            switch o {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            default: return y == 0 ? nil : x / y
            }
        case .call(let name, let args):
            var totals = RangeTotals()
            var plain: [Decimal] = []
            for arg in args {
                if case .reference(let a) = arg, a.end != nil || name != "ROUND" {
                    guard let t = cells(a) else { return nil }
                    totals.merge(t)
                } else {
                    guard let v = arg.evaluate(cells) else { return nil }
                    plain.append(v)
                    totals.add(v)
                }
            }
            switch name {
            case "SUM": return totals.sum
            case "COUNT": return Decimal(totals.count)
            case "COUNTA": return Decimal(totals.countA)
            case "AVERAGE": return totals.count == 0 ? nil : totals.sum / Decimal(totals.count)
            case "MIN": return totals.count == 0 ? 0 : totals.min
            case "MAX": return totals.count == 0 ? 0 : totals.max
            case "ABS": return plain.count == 1 ? abs(plain[0]) : nil
            case "ROUND":
                guard plain.count == 2 else { return nil }
                return DecimalFormat.rounded(plain[0], places: NSDecimalNumber(decimal: plain[1]).intValue)
            default: return nil
            }
        }
    }
}

/// What a range holds, as far as aggregates need it.
struct RangeTotals {
    var sum = Decimal(0)
    var count = 0
    var countA = 0
    var min = Decimal(0)
    var max = Decimal(0)
    /// False for a range no MIN or MAX reads: its least and greatest values are then not followed.
    var keepsExtremes = true

    mutating func add(_ n: Decimal) {
        if count == 0 {
            min = n; max = n; sum = n
        } else {
            if keepsExtremes {
                if DecimalMath.less(n, min) { min = n }
                if DecimalMath.less(max, n) { max = n }
            }
            sum = DecimalMath.sum(sum, n)
        }
        count += 1; countA += 1
    }

    mutating func addText() { countA += 1 }

    mutating func merge(_ o: RangeTotals) {
        guard o.count > 0 || o.countA > 0 else { return }
        if o.count > 0 {
            if count == 0 { min = o.min; max = o.max } else { min = Swift.min(min, o.min); max = Swift.max(max, o.max) }
        }
        sum += o.sum; count += o.count; countA += o.countA
    }
}
