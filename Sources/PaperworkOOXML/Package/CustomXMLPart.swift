/// Custom XML data parts (ECMA-376 Part 1, 22.5): data a program keeps inside a document, which Word
/// and Excel carry through when the file is edited and saved.
///
/// The data goes in `customXml/itemN.xml`; its properties part `customXml/itemPropsN.xml` names the
/// data store item by a GUID and the schema by its namespace; the main document part (or the
/// workbook part) points to the item with a `customXml` relationship, which is what keeps it alive
/// through an Office save.
/// A custom XML item of a package: its part, its properties part (when it has one) and its root's namespace.
public struct CustomXMLItem: Sendable, Equatable {
    public let part: String
    public let properties: String?
    public let namespace: String
}

extension OOXMLPackage {
    static let customXMLType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
    static let customXMLPropsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
    static let customXMLPropsContentType = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The custom XML items of the package whose root element is in `namespace`, in part-name order:
    /// those the main part points to, then any other `customXml/item*.xml` (a program that dropped the relationship).
    public func customXMLParts(namespace: String) throws(PackageError) -> [String] {
        let main = try mainDocumentPart()
        let related = try relationships(of: main).filter { $0.type == Self.customXMLType }.compactMap(\.targetPart)
        let loose = partNames.filter { Self.isCustomXMLItem($0) }
        var result: [String] = []
        for part in (related + loose.sorted()) where contains(part) && !result.contains(part) {
            // The root's start tag is enough to tell whose part it is; a long list's records are not parsed here.
            let read = { (try? rootElement(of: part)).flatMap(Self.namespaceOfRoot) }
            let found = isSource(part) ? sourceParts.rootNamespace(of: part, read: read) : read()
            if found == namespace { result.append(part) }
        }
        return result
    }

    /// Adds a custom XML item holding `bytes` (an XML document whose root is in `namespace`), or
    /// replaces the item already holding that namespace. `itemID` is the data store GUID, `{…}`.
    public mutating func setCustomXMLPart(_ bytes: [UInt8], namespace: String, itemID: String) throws(PackageError) {
        fill(try customXMLItem(namespace: namespace), with: bytes, itemID: itemID)
    }

    /// Adds a custom XML item written as it was produced (a long list's records), or replaces the one holding `namespace`.
    public mutating func setCustomXMLPart(file: DeflatedPart, namespace: String, itemID: String) throws(PackageError) {
        let item = try customXMLItem(namespace: namespace)
        setPart(item.part, file: file)
        name(item, itemID)
    }

    /// The custom XML item holding `namespace`; when there is none, one is added holding `placeholder` (an XML
    /// document whose root is in `namespace`), with its properties part, its relationships and the main part's
    /// relationship to it. A batch adds it to the template once, and each document then only fills it
    /// (`fill(_:with:itemID:)`).
    public mutating func customXMLItem(namespace: String, placeholder: [UInt8] = []) throws(PackageError) -> CustomXMLItem {
        if let existing = try customXMLParts(namespace: namespace).first {
            return CustomXMLItem(part: existing, properties: try related(to: existing, kind: "customXmlProps").first, namespace: namespace)
        }
        var n = 1
        while contains("customXml/item\(n).xml") || contains("customXml/itemProps\(n).xml") { n += 1 }
        let item = "customXml/item\(n).xml", props = "customXml/itemProps\(n).xml"
        setPart(item, bytes: placeholder, contentType: contentType(of: item) == nil ? "application/xml" : nil)
        setPart(props, bytes: [], contentType: Self.customXMLPropsContentType)
        setPart(PartName.relationshipsPart(of: item), xml: MarkupDocument(root: MarkupElement(
            "Relationships", attributes: [MarkupAttribute("xmlns", Self.relationshipsNamespace)],
            children: [.element(MarkupElement("Relationship", attributes: [
                MarkupAttribute("Id", "rId1"), MarkupAttribute("Type", Self.customXMLPropsType), MarkupAttribute("Target", "itemProps\(n).xml"),
            ]))])))
        let (relsPart, bytes) = try mainRelationships(adding: item)
        setPart(relsPart, bytes: bytes)
        return CustomXMLItem(part: item, properties: props, namespace: namespace)
    }

    /// Puts `bytes` into a custom XML item of this package and names its data store item `itemID` (`{…}`).
    public mutating func fill(_ item: CustomXMLItem, with bytes: [UInt8], itemID: String) {
        setPart(item.part, bytes: bytes)
        name(item, itemID)
    }

    /// Writes the item's properties part (when it has one) naming its data store item `itemID`.
    private mutating func name(_ item: CustomXMLItem, _ itemID: String) {
        if let properties = item.properties { setPart(properties, bytes: Self.properties(itemID: itemID, namespace: item.namespace)) }
    }

    /// The main part's `.rels` part, and its bytes with one more relationship: to the custom XML item.
    private func mainRelationships(adding item: String) throws(PackageError) -> (String, [UInt8]) {
        let main = try mainDocumentPart()
        let relsPart = PartName.relationshipsPart(of: main)
        guard isSource(relsPart) else { return (relsPart, try relationships(relsPart, adding: item, from: main)) }
        return (relsPart, try sourceParts.extended(relsPart + "\n" + item) { () throws(PackageError) in
            try relationships(relsPart, adding: item, from: main)
        })
    }

    private func relationships(_ relsPart: String, adding item: String, from main: String) throws(PackageError) -> [UInt8] {
        var rels = contains(relsPart) ? try xml(of: relsPart)
            : MarkupDocument(root: MarkupElement("Relationships", attributes: [MarkupAttribute("xmlns", Self.relationshipsNamespace)]))
        let ids = Set(rels.root.elements.compactMap { $0[attribute: "Id"] })
        var id = 1
        while ids.contains("rId\(id)") { id += 1 }
        let prefix = rels.root.name.firstIndex(of: ":").map { String(rels.root.name[...$0]) } ?? ""
        rels.root.children.append(.element(MarkupElement(prefix + "Relationship", attributes: [
            MarkupAttribute("Id", "rId\(id)"), MarkupAttribute("Type", Self.customXMLType),
            MarkupAttribute("Target", Self.relativeTarget(item, from: main)),
        ])))
        return MarkupSerializer.serialize(rels)
    }

    /// Removes the custom XML item holding `namespace`, its properties and the main part's relationship to it.
    public mutating func removeCustomXMLParts(namespace: String) throws(PackageError) {
        let parts = try customXMLParts(namespace: namespace)
        guard !parts.isEmpty else { return }
        let main = try mainDocumentPart()
        let relsPart = PartName.relationshipsPart(of: main)
        if contains(relsPart) {
            var rels = try xml(of: relsPart)
            let folder = PartName.folder(of: main)
            rels.root.children.removeAll {
                guard case .element(let e) = $0, e[attribute: "Type"] == Self.customXMLType, let target = e[attribute: "Target"] else { return false }
                return parts.contains(PartName.resolve(target, against: folder))
            }
            setPart(relsPart, xml: rels)
        }
        for part in parts {
            for props in try related(to: part, kind: "customXmlProps") { removePart(props) }
            removePart(PartName.relationshipsPart(of: part))
            removePart(part)
        }
    }

    /// `customXml/item1.xml` as seen from `word/document.xml`: `../customXml/item1.xml`.
    private static func relativeTarget(_ part: String, from source: String) -> String {
        String(repeating: "../", count: PartName.folder(of: source).split(separator: "/").count) + part
    }

    /// The root element of a part, without its children: the XML up to the end of the root's start tag, looked
    /// for in the part's first bytes (the whole part is inflated only when the tag is longer than those).
    private func rootElement(of part: String) throws -> MarkupElement {
        let head = try head(of: part)
        if head.count < Self.streamPrefix { return try Self.rootElement(in: head, part: part) }
        do { return try Self.rootElement(in: head, part: part) } catch { return try Self.rootElement(in: data(of: part), part: part) }
    }

    private static func rootElement(in bytes: [UInt8], part: String) throws -> MarkupElement {
        var i = 0, inTag = false, quote: UInt8? = nil
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote { if b == q { quote = nil } }
            else if inTag && (b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")) { quote = b }
            else if b == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "!") { inTag = true }
            else if inTag && b == UInt8(ascii: ">") {
                let selfClosed = bytes[i - 1] == UInt8(ascii: "/")
                return try MarkupParser.parse(Array(bytes[..<i]) + Array((selfClosed ? ">" : "/>").utf8), part: part).root
            }
            i += 1
        }
        throw XMLError.malformed(part: part, line: 1, column: 0, cause: .noRootElement)
    }

    private static func isCustomXMLItem(_ part: String) -> Bool {
        let lower = part.lowercased()
        return lower.hasPrefix("customxml/item") && lower.hasSuffix(".xml") && !lower.hasPrefix("customxml/itemprops")
    }

    /// The namespace URI of an element's own prefix (or of the default namespace when it has none).
    private static func namespaceOfRoot(_ root: MarkupElement) -> String? {
        let prefix = root.name.firstIndex(of: ":").map { String(root.name[..<$0]) }
        let declaration = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        return root[attribute: declaration]
    }

    /// `itemPropsN.xml`: the data store item's GUID and the schema it follows.
    private static func properties(itemID: String, namespace: String) -> [UInt8] {
        var bytes = MarkupSerializer.declaration + Array("<ds:datastoreItem ds:itemID=\"".utf8)
        MarkupSerializer.appendEscapedAttribute(itemID, into: &bytes)
        bytes += Array("\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\"><ds:schemaRefs><ds:schemaRef ds:uri=\"".utf8)
        MarkupSerializer.appendEscapedAttribute(namespace, into: &bytes)
        bytes += Array("\"/></ds:schemaRefs></ds:datastoreItem>".utf8)
        return bytes
    }
}
