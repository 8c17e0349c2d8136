import Foundation

/// File names for a batch: safe on every system, at most 120 characters, unique within the batch.
public enum FileNames {
    /// No path separators, no `..`, no control or reserved characters, no leading dots or spaces.
    public static func safe(_ raw: String, limit: Int = 120) -> String {
        var s = ""
        for scalar in raw.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "/\\:*?\"<>|".unicodeScalars.contains(scalar) {
                s += "_"
            } else {
                s.unicodeScalars.append(scalar)
            }
        }
        while s.contains("..") { s = s.replacingOccurrences(of: "..", with: ".") }
        s = String(s.drop { $0 == "." || $0 == " " || $0 == "_" })
        while let last = s.last, last == "." || last == " " { s.removeLast() }
        if s.count > limit { s = String(s.prefix(limit)) }
        return s.isEmpty ? "document" : s
    }

    /// Names with a numbered suffix where two would clash (`名称`, `名称-2`, …), compared without case.
    public static func unique(_ names: [String], fileExtension: String) -> [String] {
        var taken = Set<String>()
        return names.map { base in
            var candidate = base
            var n = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = "-\(n)"
                candidate = String(base.prefix(120 - suffix.count)) + suffix
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate + "." + fileExtension
        }
    }
}
