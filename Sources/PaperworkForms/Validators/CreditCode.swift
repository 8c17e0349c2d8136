/// Unified social credit codes (统一社会信用代码, GB 32100-2015).
public enum CreditCode {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Sendable, Equatable {
        case length(Int)
        case character(Character)
        case checkCharacter(expected: Character)
    }

    /// Trims, upper-cases and drops spaces and hyphens.
    public static func normalized(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "－" })
    }

    /// The problem with a normalised code, or nil when its check character is right.
    public static func problem(_ code: String) -> Problem? {
        let chars = Array(code)
        guard chars.count == 18 else { return .length(chars.count) }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return .character(c) }
            if i < 17 { sum += v * weights[i] }
        }
        let expected = alphabet[(31 - sum % 31) % 31]
        return chars[17] == expected ? nil : .checkCharacter(expected: expected)
    }

    /// The check character for 17 leading characters (for making test codes).
    public static func checkCharacter(for first17: String) -> Character? {
        let chars = Array(first17)
        guard chars.count == 17 else { return nil }
        var sum = 0
        for (i, c) in chars.enumerated() {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            sum += v * weights[i]
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// True when the embedded organisation code (positions 9–17, GB 11714) checks out.
    public static func organisationCodeIsValid(_ code: String) -> Bool {
        let chars = Array(code)
        guard chars.count == 18 else { return false }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<8 {
            let c = chars[8 + i]
            guard let v = c.wholeNumberValue ?? (c.isASCII && c.isLetter ? Int(c.asciiValue! - 55) : nil) else { return false }
            sum += v * weights[i]
        }
        let check = 11 - sum % 11
        let expected: Character = check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
        return chars[16] == expected
    }
}
