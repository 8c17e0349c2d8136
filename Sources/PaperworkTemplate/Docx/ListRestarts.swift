import PaperworkOOXML

/// Numbered lists that start again in each joined document, as they do in each document alone.
///
/// Joined as they are, the documents' paragraphs would share one list (`w:numId`), and the second letter's
/// clauses would be numbered 4, 5, 6 after the first's 1, 2, 3. So document `i` (from 0) uses list
/// `n + i × stride` wherever it used list `n` — `stride` is one more than the numbering part's greatest list number —
/// and the numbering part gets those lists: the same list definition (`w:abstractNumId`), each level started again
/// (`w:lvlOverride/w:startOverride`), as Word's "restart numbering" writes it.
/// A paragraph that takes its list from its style (no `w:numPr` of its own) is given the style's list and level as its own
/// in the documents after the first, so that it is started again too.
enum ListRestarts {
    /// One more than the greatest list number of the main part's numbering part; nil when there is none.
    static func stride(of document: OOXMLPackage, mainPart: String) throws(PackageError) -> Int? {
        guard let part = try document.related(to: mainPart, kind: "numbering").first else { return nil }
        let numbers = try document.xml(of: part).root.elements.filter { $0.localName == "num" }.compactMap { value($0, "numId").flatMap { Int($0) } }
        return (numbers.max() ?? 0) + 1
    }

    /// The lists paragraph styles number their paragraphs with (`w:pPr/w:numPr` of the style or of a style it is
    /// based on), by style id, with the level; a style whose list is 0 numbers nothing.
    static func styleLists(of document: OOXMLPackage, mainPart: String) throws(PackageError) -> [String: (list: Int, level: Int)] {
        guard let part = try document.related(to: mainPart, kind: "styles").first else { return [:] }
        var own: [String: (list: Int?, level: Int?, basedOn: String?)] = [:]
        for style in try document.xml(of: part).root.elements where style.localName == "style" && value(style, "type") == "paragraph" {
            guard let id = value(style, "styleId") else { continue }
            let numbering = style.elements.first { $0.localName == "pPr" }?.elements.first { $0.localName == "numPr" }
            let list = numbering?.elements.first { $0.localName == "numId" }.flatMap { value($0, "val") }.flatMap { Int($0) }
            let level = numbering?.elements.first { $0.localName == "ilvl" }.flatMap { value($0, "val") }.flatMap { Int($0) }
            let basedOn = style.elements.first { $0.localName == "basedOn" }.flatMap { value($0, "val") }
            own[id] = (list, level, basedOn)
        }
        func resolved(_ id: String, _ seen: Set<String>) -> (list: Int, level: Int)? {
            guard let style = own[id], !seen.contains(id) else { return nil }
            let inherited = style.basedOn.flatMap { resolved($0, seen.union([id])) }
            guard let list = style.list ?? inherited?.list, list != 0 else { return nil }
            return (list, style.level ?? inherited?.level ?? 0)
        }
        return own.keys.reduce(into: [:]) { result, id in result[id] = resolved(id, []) }
    }

    /// The numbering part given, for documents 1 to `documents - 1`, their own copy of each of `lists`.
    static func restart(_ lists: Set<Int>, documents: Int, stride: Int, in result: inout OOXMLPackage, mainPart: String) throws(PackageError) {
        guard !lists.isEmpty, documents > 1, let part = try result.related(to: mainPart, kind: "numbering").first else { return }
        var numbering = try result.xml(of: part)
        let elements = numbering.root.elements
        let definitions = Dictionary(elements.filter { $0.localName == "abstractNum" }.compactMap { e in value(e, "abstractNumId").map { ($0, e) } },
                                     uniquingKeysWith: { first, _ in first })
        var added: [MarkupNode] = []
        for list in lists.sorted() {
            guard let num = elements.first(where: { $0.localName == "num" && value($0, "numId") == String(list) }) else { continue }
            let definition = num.elements.first { $0.localName == "abstractNumId" }.flatMap { value($0, "val") }.flatMap { definitions[$0] }
            let restarted = startingAgain(num, definition)
            for i in 1..<documents {
                var copy = restarted
                if let id = copy.attributes.firstIndex(where: { local($0.name) == "numId" }) { copy.attributes[id].value = String(list + i * stride) }
                added.append(.element(copy))
            }
        }
        let lastList = numbering.root.children.lastIndex { if case .element(let e) = $0 { e.localName == "num" } else { false } }
        numbering.root.children.insert(contentsOf: added, at: lastList.map { $0 + 1 } ?? numbering.root.children.count)
        result.setPart(part, xml: numbering)
    }

    /// The list with every level of its definition started again at the level's first number.
    private static func startingAgain(_ num: MarkupElement, _ definition: MarkupElement?) -> MarkupElement {
        let prefix = num.name.firstIndex(of: ":").map { String(num.name[...$0]) } ?? ""
        var result = num
        for level in definition?.elements.filter({ $0.localName == "lvl" }) ?? [] {
            guard let ilvl = value(level, "ilvl") else { continue }
            let start = level.elements.first { $0.localName == "start" }.flatMap { value($0, "val") } ?? "0"
            let startOverride = MarkupNode.element(MarkupElement(prefix + "startOverride", attributes: [MarkupAttribute(prefix + "val", start)]))
            if let k = result.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "lvlOverride" && value(e, "ilvl") == ilvl } else { false } }),
               case .element(var override) = result.children[k] {
                guard !override.elements.contains(where: { $0.localName == "startOverride" }) else { continue }
                override.children.insert(startOverride, at: 0)
                result.children[k] = .element(override)
            } else {
                result.children.append(.element(MarkupElement(prefix + "lvlOverride", attributes: [MarkupAttribute(prefix + "ilvl", ilvl)],
                                                              children: [startOverride])))
            }
        }
        return result
    }

    private static func local(_ name: String) -> Substring {
        name.firstIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }

    /// The value of the attribute whose local name is `name`, whatever its prefix.
    private static func value(_ element: MarkupElement, _ name: String) -> String? {
        element.attributes.first { local($0.name) == name && !$0.name.hasPrefix("xmlns") }?.value
    }
}
