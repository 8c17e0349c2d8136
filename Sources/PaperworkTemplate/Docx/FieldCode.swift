/// A Word field instruction split into its type, arguments and switches:
/// ` MERGEFIELD 企业名称 \@ "yyyy年M月d日" \* MERGEFORMAT `.
struct FieldCode: Sendable, Equatable {
    struct Switch: Sendable, Equatable {
        /// The character after the backslash: `@`, `#`, `*`, `b`, `f`, `m`, `v`.
        var name: Character
        var value: String?
    }

    /// The field type in capitals: `MERGEFIELD`, `DATE`, `IF`.
    var type: String
    var arguments: [String]
    var switches: [Switch]
    /// The instruction as written, trimmed.
    var text: String

    /// Switches that take an argument.
    private static let valued: Set<Character> = ["@", "#", "*", "b", "f"]

    init(_ instruction: String) {
        text = instruction.trimmed
        var words: [(text: String, quoted: Bool)] = []
        var scanner = Scanner(Array(text.unicodeScalars))
        while true {
            scanner.skipSpaces()
            guard let c = scanner.peek else { break }
            if TagParser.isQuote(c) {
                scanner.advance()
                let closing = TagParser.closingQuote(for: c)
                let value = scanner.take { !closing.contains($0) }
                scanner.advance()
                words.append((value, true))
            } else if c == "\\" {
                scanner.advance()
                if let n = scanner.peek { scanner.advance(); words.append(("\\" + String(n), false)) }
            } else {
                words.append((scanner.take { !TagParser.isSpace($0) && !TagParser.isQuote($0) && $0 != "\\" }, false))
            }
        }
        type = words.first.map { $0.text.uppercased() } ?? ""
        var arguments: [String] = []
        var switches: [Switch] = []
        var i = 1
        while i < words.count {
            let w = words[i]
            i += 1
            if !w.quoted, w.text.hasPrefix("\\"), let name = w.text.dropFirst().first {
                var value: String?
                if Self.valued.contains(name), i < words.count, !(words[i].text.hasPrefix("\\") && !words[i].quoted) {
                    value = words[i].text
                    i += 1
                }
                switches.append(Switch(name: name, value: value))
            } else {
                arguments.append(w.text)
            }
        }
        self.arguments = arguments
        self.switches = switches
    }

    func value(of name: Character) -> String? {
        switches.first { $0.name == name }?.value
    }
}
