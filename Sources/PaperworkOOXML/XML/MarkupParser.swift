import CLibXML2

private let libxmlInitialised: Void = { xmlInitParser() }()

/// Parses XML with libxml2 under safe options and copies the result into Swift values.
///
/// No network access, no DTD loading, no entity substitution; a document that declares a
/// DOCTYPE is refused before libxml2 sees it, so entity bombs and external entities never run.
public enum MarkupParser {
    /// The most bytes of text libxml2 reads in one text node (its `XML_MAX_TEXT_LENGTH`). Parts are parsed without
    /// `XML_PARSE_HUGE`, which keeps this guard against hostile files; what this program writes stays below it.
    public static let textNodeLimit = 10_000_000

    /// Parses `bytes`; `part` names the document in errors (`word/document.xml`).
    public static func parse(_ bytes: [UInt8], part: String) throws(XMLError) -> MarkupDocument {
        _ = libxmlInitialised
        if declaresDoctype(bytes) { throw .doctype(part: part) }
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(part: part) }
        guard !bytes.isEmpty else { throw .malformed(part: part, line: 1, column: 0, cause: .emptyPart) }
        guard let ctxt = xmlNewParserCtxt() else { throw .malformed(part: part, line: 0, column: 0, cause: .outOfMemory) }
        defer { xmlFreeParserCtxt(ctxt) }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        var errors = XMLErrorRecord()
        let doc = XMLErrorRecord.recording(into: &errors) {
            bytes.withUnsafeBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    xmlCtxtReadMemory(ctxt, $0, Int32(buf.count), nil, nil, Int32(bitPattern: options))
                }
            }
        }
        guard let doc else { throw errors.error(part: part) }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil { throw .doctype(part: part) }
        var prolog: [MarkupNode] = []
        var root: MarkupElement?
        var node = doc.pointee.children
        while let n = node {
            if n.pointee.type == XML_ELEMENT_NODE {
                root = convertElement(n)
            } else if root == nil, let converted = convertLeaf(n) {
                prolog.append(converted)
            }
            node = n.pointee.next
        }
        guard let root else { throw .malformed(part: part, line: 1, column: 0, cause: .noRootElement) }
        return MarkupDocument(root: root, prolog: prolog)
    }

    /// True when a `<!DOCTYPE` stands before the root element.
    static func declaresDoctype(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        var i = 0
        let n = bytes.count
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            guard i + 1 < n else { return false }
            switch bytes[i + 1] {
            case UInt8(ascii: "?"):
                i = skip(bytes, from: i + 2, past: Array("?>".utf8))
            case UInt8(ascii: "!"):
                if bytes[i...].starts(with: Array("<!--".utf8)) {
                    i = skip(bytes, from: i + 4, past: Array("-->".utf8))
                } else {
                    return bytes[i...].starts(with: doctype)
                }
            default:
                return false
            }
        }
        return false
    }

    private static func skip(_ bytes: [UInt8], from start: Int, past marker: [UInt8]) -> Int {
        var i = start
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0] && bytes[i..<(i + marker.count)].elementsEqual(marker) {
                return i + marker.count
            }
            i += 1
        }
        return bytes.count
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>, _ ns: UnsafeMutablePointer<xmlNs>?) -> String {
        let local = String(cString: name)
        guard let prefix = ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    static func convertElement(_ node: xmlNodePtr) -> MarkupElement {
        var attributes: [MarkupAttribute] = []
        var nsDef = node.pointee.nsDef
        while let ns = nsDef {
            let href = ns.pointee.href.map { String(cString: $0) } ?? ""
            if let prefix = ns.pointee.prefix {
                attributes.append(MarkupAttribute("xmlns:" + String(cString: prefix), href))
            } else {
                attributes.append(MarkupAttribute("xmlns", href))
            }
            nsDef = ns.pointee.next
        }
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            attributes.append(MarkupAttribute(qualifiedName(a.pointee.name, a.pointee.ns), value))
            attr = a.pointee.next
        }
        var children: [MarkupNode] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                children.append(.element(convertElement(c)))
            } else if let leaf = convertLeaf(c) {
                if case .text(let t) = leaf, case .text(let previous)? = children.last {
                    children[children.count - 1] = .text(previous + t)
                } else {
                    children.append(leaf)
                }
            }
            child = c.pointee.next
        }
        return MarkupElement(qualifiedName(node.pointee.name, node.pointee.ns), attributes: attributes, children: children)
    }

    private static func convertLeaf(_ node: xmlNodePtr) -> MarkupNode? {
        let content = node.pointee.content.map { String(cString: $0) } ?? ""
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text(content)
        case XML_COMMENT_NODE: return .comment(content)
        case XML_PI_NODE: return .processingInstruction(target: String(cString: node.pointee.name), data: content)
        default: return nil
        }
    }
}
