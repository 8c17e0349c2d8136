import PaperworkOOXML

/// A Word document's body as its reader sees it: each paragraph's text with its place, tables as rows of
/// cells of paragraphs. Text is what `w:t` holds (tabs as `\t`, breaks as `\n`); deleted text, field
/// codes and invisible joiners are left out, so a template and the documents filled from it read the same way.
public struct DocxText: Sendable {
    /// A paragraph's text and where it stands.
    public struct Paragraph: Sendable, Equatable {
        public var text: String
        public var place: Place
    }

    /// A paragraph of the body, or a table: rows of cells, each cell's paragraphs (nested tables' flattened in).
    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table([[[Paragraph]]])
    }

    public var part: String
    public var blocks: [Block]

    /// Reads the main document part of a package; throws `.package` when it cannot be read.
    public init(_ package: OOXMLPackage) throws(TemplateError) {
        let document: MarkupDocument
        do {
            part = try package.mainDocumentPart()
            document = try package.xml(of: part)
        } catch {
            throw .package(error)
        }
        var counter = Counter()
        let body = document.root.elements.first { $0.localName == "body" } ?? document.root
        blocks = Self.blocks(body.children, part: part, counter: &counter)
    }

    private struct Counter {
        var paragraph = 0
        var table = 0
    }

    private static func blocks(_ nodes: [MarkupNode], part: String, counter: inout Counter) -> [Block] {
        var result: [Block] = []
        for case .element(let e) in nodes {
            switch e.localName {
            case "p":
                result.append(.paragraph(paragraph(e, part: part, table: nil, counter: &counter)))
            case "tbl":
                counter.table += 1
                let table = counter.table
                let rows = e.elements.filter { $0.localName == "tr" }
                result.append(.table(rows.enumerated().map { r, row in
                    row.elements.filter { $0.localName == "tc" }.enumerated().map { c, cell in
                        cellParagraphs(cell, part: part, at: (table, r + 1, c + 1), counter: &counter)
                    }
                }))
            case "sdt", "sdtContent", "customXml", "ins", "smartTag":
                result += blocks(e.children, part: part, counter: &counter)
            default:
                continue
            }
        }
        return result
    }

    /// A cell's paragraphs in order, those of tables nested in it included.
    private static func cellParagraphs(_ cell: MarkupElement, part: String, at place: (Int, Int, Int), counter: inout Counter) -> [Paragraph] {
        var result: [Paragraph] = []
        func walk(_ e: MarkupElement) {
            for child in e.elements {
                switch child.localName {
                case "p": result.append(paragraph(child, part: part, table: place, counter: &counter))
                case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml": walk(child)
                default: continue
                }
            }
        }
        walk(cell)
        return result
    }

    private static func paragraph(_ p: MarkupElement, part: String, table: (Int, Int, Int)?, counter: inout Counter) -> Paragraph {
        counter.paragraph += 1
        let text = text(of: p)
        return Paragraph(text: text, place: Place(part: part, paragraph: counter.paragraph, table: table?.0, row: table?.1, cell: table?.2,
                                                  excerpt: String(text.prefix(12))))
    }

    /// The text a reader sees in a paragraph.
    static func text(of element: MarkupElement) -> String {
        var out = ""
        func walk(_ e: MarkupElement) {
            for node in e.children {
                guard case .element(let child) = node else { continue }
                switch child.localName {
                case "t": out += child.textContent
                case "tab": out += "\t"
                case "br", "cr": out += "\n"
                case "del", "delText", "instrText", "rPr", "pPr", "fldData": continue
                default: walk(child)
                }
            }
        }
        walk(element)
        out.unicodeScalars.removeAll { invisible.contains($0.value) }
        return out
    }

    /// Characters a reader does not see, which the renderer adds (U+2060 WORD JOINER keeps `2020年3月14日` on one
    /// line) or an editor may leave (zero-width space, soft hyphen, BOM): left out of the text read back.
    static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
}
