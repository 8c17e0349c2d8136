import PaperworkOOXML

/// Extra cell formats the fill needs beside each template style: the same style with `quotePrefix`
/// (so text that looks like a formula stays text) and with a date format (for dates in a cell without one).
struct StyleVariants: Sendable {
    var quote: [Int: Int] = [:]
    var date: [Int: Int] = [:]
    /// Styles whose number format already shows a date.
    var dateStyles: Set<Int> = []
    /// Styles formatted as Text (`@`): what fills them stays text.
    var textStyles: Set<Int> = []

    /// `yyyy年m月d日`, the format of dates in official papers.
    static let chineseDate = "yyyy\"年\"m\"月\"d\"日\""

    /// Adds the variants of `styles` to the styles part, returning the new part and the index maps.
    static func make(_ document: MarkupDocument, for styles: Set<Int>) -> (MarkupDocument, StyleVariants) {
        var doc = document
        var variants = StyleVariants()
        variants.dateStyles = WorkbookReader.dateStyles(doc)
        variants.textStyles = textStyles(doc)
        guard let xfsIndex = doc.root.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "cellXfs" } else { false } }),
              case .element(var xfs) = doc.root.children[xfsIndex] else { return (doc, variants) }
        let prefix = xfs.name.firstIndex(of: ":").map { String(xfs.name[...$0]) } ?? ""
        var existing = xfs.elements
        let dateFormat = addDateFormat(&doc, prefix: prefix)
        for s in styles.sorted() where s < existing.count {
            var q = existing[s]
            q[attribute: "quotePrefix"] = "1"
            q[attribute: "applyNumberFormat"] = nil
            existing.append(q)
            variants.quote[s] = existing.count - 1
            if variants.dateStyles.contains(s) {
                variants.date[s] = s
            } else {
                var d = existing[s]
                d[attribute: "numFmtId"] = String(dateFormat)
                d[attribute: "applyNumberFormat"] = "1"
                existing.append(d)
                variants.date[s] = existing.count - 1
            }
        }
        xfs.children = existing.map { .element($0) }
        xfs[attribute: "count"] = String(existing.count)
        if let i = doc.root.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "cellXfs" } else { false } }) {
            doc.root.children[i] = .element(xfs)
        }
        return (doc, variants)
    }

    /// Indexes of cell formats that show their value as Text: built-in format 49, or a format whose code is `@`.
    private static func textStyles(_ doc: MarkupDocument) -> Set<Int> {
        var textFormats: Set<Int> = [49]
        for section in doc.root.elements where section.localName == "numFmts" {
            for f in section.elements where f[attribute: "formatCode"] == "@" {
                if let id = f[attribute: "numFmtId"].flatMap(Int.init) { textFormats.insert(id) }
            }
        }
        var result: Set<Int> = []
        for section in doc.root.elements where section.localName == "cellXfs" {
            for (i, xf) in section.elements.enumerated() {
                if let id = xf[attribute: "numFmtId"].flatMap(Int.init), textFormats.contains(id) { result.insert(i) }
            }
        }
        return result
    }

    private static func addDateFormat(_ doc: inout MarkupDocument, prefix: String) -> Int {
        var numFmts = doc.root.elements.first { $0.localName == "numFmts" } ?? MarkupElement(prefix + "numFmts")
        if let found = numFmts.elements.first(where: { $0[attribute: "formatCode"] == chineseDate }),
           let id = found[attribute: "numFmtId"].flatMap(Int.init) { return id }
        let id = max(163, numFmts.elements.compactMap { $0[attribute: "numFmtId"].flatMap(Int.init) }.max() ?? 163) + 1
        numFmts.children.append(.element(MarkupElement(prefix + "numFmt", attributes: [
            MarkupAttribute("numFmtId", String(id)), MarkupAttribute("formatCode", chineseDate),
        ])))
        numFmts[attribute: "count"] = String(numFmts.elements.count)
        if let i = doc.root.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "numFmts" } else { false } }) {
            doc.root.children[i] = .element(numFmts)
        } else {
            doc.root.children.insert(.element(numFmts), at: 0)
        }
        return id
    }
}
