import Foundation

/// Aggregates over a range that vanished with an empty loop: the range is left out of its function's arguments,
/// and a function left with none becomes what Excel and LibreOffice answer for a range of empty cells — so an
/// empty list totals 0 and counts 0 (`COUNT(0)` would count the 0 and answer 1).
extension FormulaText {
    /// Stands where a vanished range was, until ``withoutEmptyRanges(_:)`` takes it out; XML text never holds it.
    static let emptyRange = "\u{0}"

    /// What each aggregate answers over empty cells only: 0, except an average, which has nothing to divide by.
    static let emptyValues: [String: String] = [
        "SUM": "0", "COUNT": "0", "COUNTA": "0", "COUNTBLANK": "0", "MIN": "0", "MAX": "0", "PRODUCT": "0", "SUMPRODUCT": "0",
        "AVERAGE": "#DIV/0!",
    ]

    /// `formula` with every ``emptyRange`` that is a whole argument of an aggregate left out (the function replaced
    /// by its empty value when no argument is left); one standing anywhere else reads as 0, as before.
    static func withoutEmptyRanges(_ formula: String) -> String {
        var reader = ArgumentReader(chars: Array(formula))
        return reader.sequence(nested: false).replacingOccurrences(of: emptyRange, with: "0")
    }

    private struct ArgumentReader {
        let chars: [Character]
        var i = 0

        /// Reads up to the end, or (when `nested`) up to a `,` or `)` of this level, rewriting the calls inside.
        mutating func sequence(nested: Bool) -> String {
            var out = ""
            while i < chars.count {
                let c = chars[i]
                if nested && (c == "," || c == ")") { break }
                switch c {
                case "\"", "'": out += quoted(until: c)
                case "[": out += quoted(until: "]")
                case "{": out += quoted(until: "}")
                case "(":
                    i += 1
                    let name = String(out.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }.reversed())
                    out.removeLast(name.count)
                    out += call(name)
                default:
                    out.append(c); i += 1
                }
            }
            return out
        }

        /// The arguments of a call whose `(` was just read, up to its `)`, rewritten with its name.
        private mutating func call(_ name: String) -> String {
            var arguments: [String] = []
            while i < chars.count {
                arguments.append(sequence(nested: true))
                guard i < chars.count else { break }
                i += 1
                if chars[i - 1] == ")" { break }
            }
            guard let empty = FormulaText.emptyValues[name.uppercased()],
                  arguments.contains(where: { $0.trimmingCharacters(in: .whitespaces) == FormulaText.emptyRange }) else {
                return name + "(" + arguments.joined(separator: ",") + ")"
            }
            let kept = arguments.filter { $0.trimmingCharacters(in: .whitespaces) != FormulaText.emptyRange }
            return kept.isEmpty ? empty : name + "(" + kept.joined(separator: ",") + ")"
        }

        /// A string, quoted sheet name, structured reference or array constant, copied as it is (`""` and `''` escaped).
        private mutating func quoted(until close: Character) -> String {
            var out = String(chars[i])
            i += 1
            while i < chars.count {
                out.append(chars[i])
                i += 1
                if chars[i - 1] == close {
                    guard close == "\"" || close == "'", i < chars.count, chars[i] == close else { break }
                    out.append(chars[i]); i += 1
                }
            }
            return out
        }
    }
}
