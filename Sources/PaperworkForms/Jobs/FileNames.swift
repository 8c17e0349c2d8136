import Foundation
import PaperworkOOXML

/// File names for a batch: safe on every system, within the file system's byte limit, unique within the batch.
public enum FileNames {
    /// The most bytes (UTF-8) a name may take, extension and `-2` suffix included. File systems count 255 bytes;
    /// the rest is room for the atomic write's temporary name.
    public static let byteLimit = 240

    /// No path separators, no `..`, no control or reserved characters, no leading dots or spaces.
    public static func safe(_ raw: String) -> String {
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
        s = trimmingEnd(s)
        return s.isEmpty ? "document" : s
    }

    /// Names with their extension, cut to `byteLimit` bytes, with a numbered suffix where two would clash
    /// (`名称`, `名称-2`, …), compared without case after cutting.
    public static func unique(_ names: [String], fileExtension: String) -> [String] {
        let ending = "." + fileExtension
        var taken = Set<String>()
        return names.map { base in
            var n = 1
            while true {
                let suffix = n == 1 ? "" : "-\(n)"
                let stem = trimmingEnd(base.prefix(utf8Bytes: byteLimit - ending.utf8.count - suffix.utf8.count))
                let candidate = (stem.isEmpty ? "document" : stem) + suffix + ending
                if taken.insert(candidate.lowercased()).inserted { return candidate }
                n += 1
            }
        }
    }

    private static func trimmingEnd(_ s: String) -> String {
        var s = s
        while let last = s.last, last == "." || last == " " { s.removeLast() }
        return s
    }
}
