/// One relationship from a part (or the package) to another part or an external target.
public struct Relationship: Sendable, Equatable {
    public var id: String
    public var type: String
    /// The target as written in the `.rels` part.
    public var target: String
    public var isExternal: Bool
    /// The target part's name, resolved against the source part's folder (nil when external).
    public var targetPart: String?

    /// The type's last path segment (`officeDocument`, `header`, `footnotes`).
    public var kind: Substring {
        type.lastIndex(of: "/").map { type[type.index(after: $0)...] } ?? type[...]
    }

    /// Reads the relationships of the part named `source` (`""` for the package).
    public static func list(in document: MarkupDocument, source: String) -> [Relationship] {
        let folder = PartName.folder(of: source)
        return document.root.elements.compactMap { e in
            guard e.localName == "Relationship", let id = e[attribute: "Id"], let type = e[attribute: "Type"],
                  let target = e[attribute: "Target"] else { return nil }
            let external = e[attribute: "TargetMode"] == "External"
            return Relationship(
                id: id, type: type, target: target, isExternal: external,
                targetPart: external ? nil : PartName.resolve(target, against: folder))
        }
    }
}
