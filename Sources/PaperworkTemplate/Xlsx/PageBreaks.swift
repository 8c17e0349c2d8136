import Foundation
import PaperworkOOXML

/// Manual row breaks that keep a list's last rows on one printed page with the rows after it (totals, sign-off).
///
/// A spreadsheet has no "keep with next". When a sheet prints at a fixed scale (not fit-to-page), the rows a page
/// holds follow from its paper, margins, scale and row heights — counted as Excel does, with the rows above the loop
/// repeated as print titles and one row to spare, so LibreOffice, WPS and Excel all break where told. Each page then
/// ends with a manual break; the last break moves up when the rows after the loop would otherwise stand alone.
/// A sheet with manual row breaks of its own, one that fits to pages, or one with more loops is left as it is.
struct PageBreaks {
    /// Loop items kept on the page of the rows after the loop.
    static let kept = 2

    /// Loop items a page holds, one spare.
    let perPage: Int
    /// The rows after the loop, counted in loop items.
    let tailItems: Int

    init(perPage: Int, tailItems: Int) {
        self.perPage = perPage
        self.tailItems = tailItems
    }

    /// The page geometry of a sheet with one row loop, or nil when the sheet does not print at a known scale.
    init?(sheet: CompiledSheet, after: [MarkupNode]) {
        guard sheet.loops.count == 1, let loop = sheet.loops.first else { return nil }
        let elements = (sheet.before + after).compactMap { if case .element(let e) = $0 { e } else { nil } }
        func first(_ name: String) -> MarkupElement? { elements.first { $0.localName == name } }
        guard first("rowBreaks") == nil, first("sheetPr")?.elements.first(where: { $0.localName == "pageSetUpPr" })
            .flatMap({ $0[attribute: "fitToPage"] }).map({ $0 != "1" && $0 != "true" }) ?? true else { return nil }
        let setup = first("pageSetup")
        let landscape = setup?[attribute: "orientation"] == "landscape"
        guard let paper = Self.paperSizes[setup?[attribute: "paperSize"] ?? "1"] else { return nil }
        let height = landscape ? min(paper.0, paper.1) : max(paper.0, paper.1)
        let margins = first("pageMargins")
        let top = margins?[attribute: "top"].flatMap(Double.init) ?? 0.75
        let bottom = margins?[attribute: "bottom"].flatMap(Double.init) ?? 0.75
        let scale = setup?[attribute: "scale"].flatMap(Double.init) ?? 100
        guard scale >= 10 else { return nil }
        let body = (height - (top + bottom) * 72) * 100 / scale

        let standard = first("sheetFormatPr")?[attribute: "defaultRowHeight"].flatMap(Double.init) ?? 15
        var heights: [Int: Double] = [:]
        for row in sheet.rows { heights[row.number] = Self.height(row.attributes) }
        func sum(_ rows: ClosedRange<Int>) -> Double { rows.reduce(0) { $0 + (heights[$1] ?? standard) } }
        let titles = loop.first > 1 ? sum(1...(loop.first - 1)) : 0
        let item = sum(loop.first...loop.last)
        let lastRow = sheet.rows.last?.number ?? loop.last
        let tail = lastRow > loop.last ? sum((loop.last + 1)...lastRow) : 0
        perPage = Int((body - titles) / item) - 1
        tailItems = Int((tail / item).rounded(.up))
        guard perPage > Self.kept + tailItems else { return nil }
    }

    /// The number of items before each break: every page as full as it may be, and the last items kept with the tail.
    func breaks(items count: Int) -> [Int] {
        var breaks: [Int] = []
        var start = 0
        while count - start + tailItems > perPage {
            var end = min(start + perPage, count - Self.kept)
            if count - end > perPage { end = start + perPage }
            guard end > start else { break }
            breaks.append(end)
            start = end
        }
        return breaks
    }

    /// The nodes after `sheetData` with a `rowBreaks` element for these breaks, in its place in the schema's order.
    static func insert(_ rows: [Int], into after: [MarkupNode], prefix: String) -> [MarkupNode] {
        guard !rows.isEmpty else { return after }
        let breaks = rows.map { MarkupNode.element(MarkupElement(prefix + "brk", attributes: [
            MarkupAttribute("id", String($0)), MarkupAttribute("max", "16383"), MarkupAttribute("man", "1")])) }
        let element = MarkupElement(prefix + "rowBreaks", attributes: [
            MarkupAttribute("count", String(rows.count)), MarkupAttribute("manualBreakCount", String(rows.count))], children: breaks)
        let index = after.firstIndex { node in
            guard case .element(let e) = node else { return false }
            return laterElements.contains(String(e.localName))
        } ?? after.endIndex
        var out = after
        out.insert(.element(element), at: index)
        return out
    }

    /// The worksheet elements that come after `rowBreaks` (ECMA-376 Part 1, 18.3.1.99).
    static let laterElements: Set<String> = [
        "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
        "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
    ]

    /// Width and height in points of the paper sizes (`paperSize`) lists are printed on: Letter, A3, A4.
    static let paperSizes: [String: (Double, Double)] = ["1": (612, 792), "8": (841.89, 1190.55), "9": (595.28, 841.89)]

    /// The `ht` of a row's serialised attributes.
    static func height(_ attributes: [UInt8]) -> Double? {
        let text = String(decoding: attributes, as: UTF8.self)
        guard let start = text.range(of: " ht=\"") else { return nil }
        return Double(text[start.upperBound...].prefix { $0 != "\"" })
    }
}
