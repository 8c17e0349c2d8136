/// The `[Content_Types].xml` part: content types by extension and by part name.
public struct ContentTypes: Sendable, Equatable {
    /// Extension (lower-case, no dot) → content type.
    public var defaults: [String: String]
    /// Part name (no leading slash) → content type, in source order.
    public var overrides: [(part: String, type: String)]

    public static func == (a: ContentTypes, b: ContentTypes) -> Bool {
        a.defaults == b.defaults && a.overrides.elementsEqual(b.overrides) { $0 == $1 }
    }

    /// Reads the parsed `[Content_Types].xml`.
    public init(_ document: MarkupDocument) {
        defaults = [:]
        overrides = []
        for element in document.root.elements {
            switch element.localName {
            case "Default":
                if let ext = element[attribute: "Extension"], let type = element[attribute: "ContentType"] {
                    defaults[ext.lowercased()] = type
                }
            case "Override":
                if let name = element[attribute: "PartName"], let type = element[attribute: "ContentType"] {
                    overrides.append((PartName.normalized(name), type))
                }
            default: break
            }
        }
        self.document = document
    }

    private var document: MarkupDocument

    /// The content type of a part: its override, else its extension's default.
    public func type(of part: String) -> String? {
        if let o = overrides.first(where: { PartName.same($0.part, part) }) { return o.type }
        guard let dot = part.lastIndex(of: "."), !part[dot...].contains("/") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }

    /// Sets or removes the override for a part, keeping every other entry as written.
    public mutating func setOverride(_ part: String, type: String?) {
        overrides.removeAll { PartName.same($0.part, part) }
        document.root.children.removeAll {
            if case .element(let e) = $0, e.localName == "Override", let name = e[attribute: "PartName"] { return PartName.names(name, part) }
            return false
        }
        guard let type else { return }
        overrides.append((part, type))
        document.root.children.append(.element(MarkupElement(
            "Override", attributes: [MarkupAttribute("PartName", "/" + part), MarkupAttribute("ContentType", type)])))
    }

    /// The part's bytes, as Office writes them.
    public func serialized() -> [UInt8] { MarkupSerializer.serialize(document) }
}
