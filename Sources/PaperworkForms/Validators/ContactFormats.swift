/// Phone numbers and e-mail addresses as Beijing offices write them.
public enum ContactFormats {
    /// A mobile (`1[3-9]` + 9 digits, optional `+86`) or a landline (`010-69043376`, `69043376`,
    /// other area codes `0xx(x)-` + 7–8 digits), with an optional extension after `-`, `转`, `ext`, `x` or `#`.
    public static func isPhone(_ text: String) -> Bool {
        let bytes = text.utf8
        if bytes.count == 11, bytes.allSatisfy({ (0x30...0x39).contains($0) }), bytes.first == 0x31 {
            return bytes.dropFirst().first.map { $0 >= 0x33 } ?? false
        }
        var s = text.filter { !$0.isWhitespace }
        if s.hasPrefix("+86") { s.removeFirst(3) } else if s.hasPrefix("86") && s.count == 13 { s.removeFirst(2) }
        if s.count == 11, s.hasPrefix("1"), s.allSatisfy(isDigit), let second = s.dropFirst().first, ("3"..."9").contains(second) {
            return true
        }
        return isLandline(s)
    }

    private static func isLandline(_ text: String) -> Bool {
        var s = Substring(text)
        for marker in ["转", "ext", "EXT", "x", "X", "#"] {
            if let r = s.firstRange(of: marker) {
                let ext = s[r.upperBound...]
                guard (1...6).contains(ext.count), ext.allSatisfy(isDigit) else { return false }
                s = s[..<r.lowerBound]
                break
            }
        }
        var parts = s.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3 {
            guard (1...6).contains(parts[2].count), parts[2].allSatisfy(isDigit) else { return false }
            parts.removeLast()
        }
        let area: Substring, local: Substring
        switch parts.count {
        case 1:
            if parts[0].hasPrefix("010") && parts[0].count == 11 { area = "010"; local = parts[0].dropFirst(3) } else {
                area = ""; local = parts[0]
            }
        case 2: area = parts[0]; local = parts[1]
        default: return false
        }
        guard local.allSatisfy(isDigit), let first = local.first, ("2"..."9").contains(first) else { return false }
        if area.isEmpty || area == "010" { return local.count == 8 }
        guard area.hasPrefix("0"), (3...4).contains(area.count), area.allSatisfy(isDigit) else { return false }
        return (7...8).contains(local.count)
    }

    /// `name@example.cn`: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && labels.last!.count >= 2
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
