/// The letter case of Word's `\* Upper`, `\* Lower`, `\* Caps` and `\* FirstCap` switches, as filters.
/// Letters without case (Chinese) are left as they are.
enum LetterCase: String {
    case upper, lower
    /// The first letter of each word capitalized, the others as written.
    case caps
    /// The first letter of the text capitalized, the others as written.
    case firstCap = "first_cap"

    /// The filter a Word `\*` switch argument stands for (`Upper` → `upper`), or nil for other switches.
    init?(wordSwitch: String) {
        switch wordSwitch.lowercased() {
        case "upper": self = .upper
        case "lower": self = .lower
        case "caps": self = .caps
        case "firstcap": self = .firstCap
        default: return nil
        }
    }

    func apply(_ text: String) -> String {
        switch self {
        case .upper: return text.uppercased()
        case .lower: return text.lowercased()
        case .firstCap:
            guard let i = text.firstIndex(where: \.isLetter) else { return text }
            return text[..<i] + text[i].uppercased() + text[text.index(after: i)...]
        case .caps:
            var out = ""
            var atWordStart = true
            for c in text {
                out += atWordStart && c.isLetter ? c.uppercased() : String(c)
                atWordStart = c.isWhitespace
            }
            return out
        }
    }
}
