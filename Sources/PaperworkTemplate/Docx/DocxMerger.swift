import Foundation
import PaperworkOOXML

/// Joins filled documents of one template into one, each starting on a new page, for printing in one go.
///
/// Each document's body becomes a section of the result; page numbers restart in each section and
/// “page X of Y” counts the pages of each document (`NUMPAGES` becomes `SECTIONPAGES`).
/// Headers and footers are those of the first document.
public enum DocxMerger {
    /// The documents joined, or nil when there are none; throws `.package` when one cannot be read.
    public static func merge(_ documents: [OOXMLPackage]) throws(TemplateError) -> OOXMLPackage? {
        do { return try joined(documents) } catch { throw .wrap(error) }
    }

    private static func joined(_ documents: [OOXMLPackage]) throws -> OOXMLPackage? {
        guard var result = documents.first else { return nil }
        let part = try result.mainDocumentPart()
        var merged = try result.xml(of: part)
        guard let bodyIndex = merged.root.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "body" } else { false } }),
              case .element(var body) = merged.root.children[bodyIndex] else { return result }
        let prefix = body.name.firstIndex(of: ":").map { String(body.name[...$0]) } ?? ""
        var children: [MarkupNode] = []
        var lastSection: MarkupElement?
        for (i, document) in documents.enumerated() {
            let doc = i == 0 ? merged : try document.xml(of: part)
            guard let b = doc.root.elements.first(where: { $0.localName == "body" }) else { continue }
            var content = b.children
            var section: MarkupElement?
            if let s = content.lastIndex(where: { if case .element(let e) = $0 { e.localName == "sectPr" } else { false } }),
               case .element(let e) = content[s] {
                section = restartingNumbers(e, prefix: prefix)
                content.remove(at: s)
            }
            if i > 0, let previous = lastSection {
                children.append(.element(MarkupElement(prefix + "p", children: [.element(MarkupElement(
                    prefix + "pPr", children: [.element(previous)]))])))
            }
            children += content
            lastSection = section
        }
        if let lastSection { children.append(.element(lastSection)) }
        body.children = children
        merged.root.children[bodyIndex] = .element(body)
        result.setPart(part, xml: merged)
        for kind in ["header", "footer"] {
            for p in try result.related(to: part, kind: kind) {
                let doc = try result.xml(of: p)
                let counted = countingSectionPages(doc.root)
                if counted != doc.root { result.setPart(p, xml: MarkupDocument(root: counted, prolog: doc.prolog)) }
            }
        }
        return result
    }

    /// Field codes that count the whole document's pages, turned into ones that count the section's.
    private static func countingSectionPages(_ element: MarkupElement) -> MarkupElement {
        var e = element
        if e.localName == "fldSimple", let instr = e.attributes.firstIndex(where: { $0.name.hasSuffix("instr") }) {
            e.attributes[instr].value = e.attributes[instr].value.replacingOccurrences(of: "NUMPAGES", with: "SECTIONPAGES")
        }
        e.children = e.children.map { node in
            switch node {
            case .element(let child): .element(countingSectionPages(child))
            case .text(let t) where e.localName == "instrText": .text(t.replacingOccurrences(of: "NUMPAGES", with: "SECTIONPAGES"))
            default: node
            }
        }
        return e
    }

    /// The section properties with page numbering starting again at 1, on a new page.
    private static func restartingNumbers(_ section: MarkupElement, prefix: String) -> MarkupElement {
        var s = section
        s.children.removeAll { if case .element(let e) = $0 { e.localName == "pgNumType" || e.localName == "type" } else { false } }
        let order = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
                     "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
                     "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
        let number = MarkupElement(prefix + "pgNumType", attributes: [MarkupAttribute(prefix + "start", "1")])
        let type = MarkupElement(prefix + "type", attributes: [MarkupAttribute(prefix + "val", "nextPage")])
        for (element, name) in [(type, "type"), (number, "pgNumType")] {
            let rank = order.firstIndex(of: name) ?? order.count
            let index = s.children.firstIndex { node in
                guard case .element(let e) = node else { return false }
                return (order.firstIndex(of: String(e.localName)) ?? order.count) > rank
            } ?? s.children.count
            s.children.insert(.element(element), at: index)
        }
        return s
    }
}
