import PaperworkOOXML

/// The parts of a package the engine does not fill, when they hold tag-like text: a warning each, so that
/// nothing passes through silently (SmartArt, embedded objects' text, a part of a kind not known here).
enum PartsLeftAsTheyAre {
    /// A warning for each XML part outside `filled` (and the custom XML parts) that holds a tag.
    static func warnings(in package: OOXMLPackage, besides filled: Set<String>) throws -> [TemplateProblem] {
        var warnings: [TemplateProblem] = []
        for item in package.inventory where item.part.hasSuffix(".xml") && !filled.contains(item.part) && !item.part.hasPrefix("customXml/") {
            let bytes = try package.data(of: item.part)
            guard mayHoldTags(bytes), let document = try? MarkupParser.parse(bytes, part: item.part) else { continue }
            let text = Array(document.root.textContent.unicodeScalars)
            guard let tag = TagLexer.scan(text).first(where: { if case .tag = $0.kind { true } else { false } }),
                  case .tag(_, let source) = tag.kind else { continue }
            warnings.append(TemplateProblem(kind: .partNotFilled, place: Place(part: item.part, paragraph: 0, table: nil, row: nil, cell: nil, excerpt: source)))
        }
        return warnings
    }

    /// True when the bytes hold `{` or a full-width `｛` (UTF-8 EF BD 9B), so that the part is worth parsing.
    static func mayHoldTags(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "{")) { return true }
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0xEF && bytes[i + 1] == 0xBD && bytes[i + 2] == 0x9B { return true }
            i += 1
        }
        return false
    }
}
