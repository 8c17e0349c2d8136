import PaperworkTemplate

/// Resident ID numbers (公民身份号码, GB 11643-1999).
public enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checks = Array("10X98765432")

    public enum Problem: Sendable, Equatable {
        case format
        case birthDate(String)
        case checkCharacter(expected: Character)
    }

    /// The 18-character form: trimmed, `x` upper-cased, a 15-digit number converted.
    public static func normalized(_ text: String) -> String {
        let s = String(text.uppercased().filter { !$0.isWhitespace })
        guard s.count == 15, s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber) else { return s }
        let first17 = String(s.prefix(6)) + "19" + String(s.dropFirst(6))
        return first17 + String(checkCharacter(first17))
    }

    /// The problem with a normalised number, or nil when it is valid and born no later than `today`.
    public static func problem(_ id: String, today: CalendarDate) -> Problem? {
        let chars = Array(id)
        guard chars.count == 18, chars.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }),
              chars[17].isNumber || chars[17] == "X" else { return .format }
        let birth = String(chars[6..<14])
        guard let date = CalendarDate.parse(birth), date <= today, date.year >= 1900 else { return .birthDate(birth) }
        let expected = checkCharacter(String(chars.prefix(17)))
        return chars[17] == expected ? nil : .checkCharacter(expected: expected)
    }

    static func checkCharacter(_ first17: String) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return checks[sum % 11]
    }
}
