/// A node of an XML tree held as Swift values: no C pointer outlives the parser.
public enum MarkupNode: Sendable, Equatable {
    case element(MarkupElement)
    case text(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// An attribute as written in the source, namespace declarations included (`xmlns:w="…"`).
public struct MarkupAttribute: Sendable, Equatable {
    /// The qualified name, prefix and all, as the producing program wrote it (`w:val`, `xml:space`).
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An element with its qualified name, attributes in source order and children.
public struct MarkupElement: Sendable, Equatable {
    /// The qualified name as written (`w:p`, `Relationship`).
    public var name: String
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]

    public init(_ name: String, attributes: [MarkupAttribute] = [], children: [MarkupNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The name without its prefix (`p` for `w:p`).
    public var localName: Substring {
        guard let colon = name.firstIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The value of the attribute with this qualified name, if present.
    public subscript(attribute name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let i = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[i].value = newValue } else { attributes.remove(at: i) }
            } else if let newValue {
                attributes.append(MarkupAttribute(name, newValue))
            }
        }
    }

    /// The child elements, in order.
    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The concatenated text of this element and its descendants.
    public var textContent: String {
        var out = ""
        func walk(_ nodes: [MarkupNode]) {
            for node in nodes {
                switch node {
                case .text(let t): out += t
                case .element(let e): walk(e.children)
                default: break
                }
            }
        }
        walk(children)
        return out
    }
}

/// A parsed XML document: the root element and what stands around it.
public struct MarkupDocument: Sendable, Equatable {
    /// Comments and processing instructions before the root element.
    public var prolog: [MarkupNode]
    public var root: MarkupElement

    public init(root: MarkupElement, prolog: [MarkupNode] = []) {
        self.root = root
        self.prolog = prolog
    }
}
