/// Part names as zip entry names: no leading slash, `/` separators, `.` and `..` resolved.
public enum PartName {
    /// `"/word/document.xml"` → `"word/document.xml"`.
    public static func normalized(_ name: String) -> String {
        resolve(name.hasPrefix("/") ? String(name.dropFirst()) : name, against: "")
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
