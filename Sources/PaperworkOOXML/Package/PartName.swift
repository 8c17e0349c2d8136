/// Part names as zip entry names: no leading slash, `/` separators, `.` and `..` resolved.
public enum PartName {
    /// `"/word/document.xml"` → `"word/document.xml"`.
    public static func normalized(_ name: String) -> String {
        resolve(name.hasPrefix("/") ? String(name.dropFirst()) : name, against: "")
    }

    /// Whether two part names are the same name: part names compare without regard to case (ECMA-376 Part 2, 6.2.2.3).
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        if x.count == y.count && x.elementsEqual(y, by: { $0 == $1 || ($0 | 0x20 == $1 | 0x20 && ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) {
            return true
        }
        if x.allSatisfy({ $0 < 0x80 }) && y.allSatisfy({ $0 < 0x80 }) { return false }
        return a.lowercased() == b.lowercased()
    }

    /// Whether a name as written in the package (`/word/document.xml`, `/word/../word/x.xml`) names `part`.
    static func names(_ written: String, _ part: String) -> Bool {
        let plain = written.hasPrefix("/") ? String(written.dropFirst()) : written
        if same(plain, part) { return true }
        guard plain.contains("./") || plain.contains("//") || plain.hasSuffix("/.") || plain.hasSuffix("/..") else { return false }
        return same(normalized(written), part)
    }

    /// The `_rels` part that holds a part's relationships (`""` is the package itself).
    public static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// The folder of a part, with a trailing slash, or `""` at the root.
    public static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// Resolves a relationship target relative to a source folder.
    public static func resolve(_ target: String, against folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var stack: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { _ = stack.popLast(); continue }
            stack.append(segment)
        }
        return stack.joined(separator: "/")
    }
}
