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
        if text.utf8.count == 18 && text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return text }
        return String(text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "－" })
    }

    /// The problem with a normalised code, or nil when its check character is right.
    public static func problem(_ code: String) -> Problem? {
        let count = code.count
        guard count == 18 else { return .length(count) }
        switch check(code.unicodeScalars) {
        case .invalid(let scalar): return .character(Character(scalar))
        case .valid(let expected, let last): return last == expected ? nil : .checkCharacter(expected: alphabet[expected])
        }
    }

    /// The check character for 17 leading characters (for making test codes).
    public static func checkCharacter(for first17: String) -> Character? {
        guard first17.count == 17, case .valid(let expected, _) = check(first17.unicodeScalars) else { return nil }
        return alphabet[expected]
    }

    /// Each ASCII scalar's value in the alphabet, or -1.
    private static let values: [Int] = (0..<128).map { b in alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(b)))) ?? -1 }

    private enum Check { case invalid(Unicode.Scalar), valid(expected: Int, last: Int?) }

    /// The weighted sum of the first 17 characters, as the value the 18th should have (and the 18th's, if there is one).
    private static func check(_ scalars: String.UnicodeScalarView) -> Check {
        var sum = 0
        var last: Int?
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value < 128 ? values[Int(scalar.value)] : -1
            guard v >= 0 else { return .invalid(scalar) }
            if i < 17 { sum += v * weights[i] } else { last = v }
        }
        return .valid(expected: (31 - sum % 31) % 31, last: last)
    }

    /// True when the embedded organisation code (positions 9–17, GB 11714) checks out.
    public static func organisationCodeIsValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 18 else { return false }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<8 {
            let b = bytes[8 + i]
            switch b {
            case 0x30...0x39: sum += Int(b - 0x30) * weights[i]
            case 0x41...0x5A: sum += Int(b - 55) * weights[i]
            default: return false
            }
        }
        let check = 11 - sum % 11
        let expected = check == 10 ? UInt8(ascii: "X") : check == 11 ? UInt8(ascii: "0") : UInt8(0x30 + check)
        return bytes[16] == expected
    }
}
