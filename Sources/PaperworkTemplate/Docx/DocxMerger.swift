import Foundation
import PaperworkOOXML
import Synchronization

/// Joins filled documents of one template into one, each starting on a new page, for printing in one go.
///
/// Each document's body becomes a section of the result; page numbers restart in each section and
/// “page X of Y” counts the pages of each document (`NUMPAGES` becomes `SECTIONPAGES`); numbered lists start again
/// in each document (`ListRestarts`); drawings after the first document's get ids of their own (Word may call a
/// file with two drawings of one id damaged). Headers and footers are those of the first document.
public enum DocxMerger {
    /// The documents joined, or nil when there are none; throws `.package` when one cannot be read.
    public static func merge(_ documents: [OOXMLPackage]) throws(TemplateError) -> OOXMLPackage? {
        let joiner = try Joiner(count: documents.count)
        for (i, document) in documents.enumerated() { try joiner.add(document, at: i) }
        return try joiner.finish()
    }

    /// Joins documents handed over one by one, from any thread and in any order, as they are filled.
    ///
    /// Each document's body is found in its bytes on the thread that hands it over; the joined body is written
    /// in document order as soon as the documents before it are there, and deflated meanwhile on a thread of its
    /// own. Only the first document is kept whole (its other parts are the result's); of the others, only the
    /// bodies waiting for an earlier one are held.
    public final class Joiner: Sendable {
        private let count: Int
        private let state: Mutex<State>
        /// The lists paragraph styles give (`ListRestarts.styleLists`), read once from the first document to need them.
        private let styleLists = Mutex<[String: (list: Int, level: Int)]?>(nil)

        private struct State {
            var next = 0
            var waiting: [Int: WordBody.Piece] = [:]
            var first: OOXMLPackage?
            var part = ""
            var tail: [UInt8] = []
            /// One more than the first document's greatest list number (`ListRestarts`); nil when it has no numbering part.
            var listStride: Int?
            /// The lists the documents after the first use: each is started again in each of them.
            var lists = Set<Int>()
            /// The id the next drawing of a document after the first gets: above every id of the first document.
            var nextDrawing = 1
            /// The first document has no body: the result is that document as it is.
            var unjoined = false
            /// A document will never come (`abandon()`): nothing more is held.
            var abandoned = false
            let body: DeflatedPart
            var finished: OOXMLPackage?
        }

        /// A joiner for `count` documents. The joined body is deflated quickly (level 3): on 1,000 letters of much the
        /// same text, a third of the time of the standard level, for a part about twice as large (0.4 MB, not 0.2).
        public init(count: Int) throws(TemplateError) {
            self.count = count
            do { state = Mutex(State(body: try DeflatedPart(effort: .quick))) } catch { throw .package(.output(error)) }
        }

        /// Hands over the document at `index` (from 0); throws `.package` when its main part cannot be read.
        public func add(_ document: OOXMLPackage, at index: Int) throws(TemplateError) {
            let part: String
            let bytes: [UInt8]
            var stride: Int?
            var drawings: [Int] = []
            var lists: [String: (list: Int, level: Int)] = [:]
            do {
                part = try document.mainDocumentPart()
                bytes = try document.data(of: part)
                if index > 0 {
                    lists = try styleLists.withLock { (cached: inout [String: (list: Int, level: Int)]?) throws(PackageError) in
                        if let cached { return cached }
                        let found = try ListRestarts.styleLists(of: document, mainPart: part)
                        cached = found
                        return found
                    }
                }
                if index == 0 {
                    stride = try ListRestarts.stride(of: document, mainPart: part)
                    for kind in ["header", "footer"] {
                        for p in try document.related(to: part, kind: kind) { drawings += WordBody.drawingIDs(in: try document.data(of: p)) }
                    }
                }
            } catch { throw .package(error) }
            let body = WordBody(bytes)
            var piece = body?.piece(last: index == count - 1, styleLists: lists) ?? WordBody.Piece()
            if index == 0, let body {
                let head = body.head
                piece.bytes = head + piece.bytes
                piece.numbers = piece.numbers.map { ($0.at.lowerBound + head.count..<$0.at.upperBound + head.count, $0.value, $0.kind) }
            }
            state.withLock { s in
                guard !s.abandoned else { return }
                if index == 0 {
                    s.first = document
                    s.part = part
                    s.tail = body?.tail ?? []
                    s.unjoined = body == nil
                    s.listStride = stride
                    s.nextDrawing = (drawings + piece.numbers.filter { $0.kind == .drawing }.map(\.value)).max().map { $0 + 1 } ?? 1
                }
                s.waiting[index] = piece
                while let ready = s.waiting.removeValue(forKey: s.next) {
                    if !s.unjoined {
                        s.body.write(ready.written(index: s.next, listStride: s.listStride, nextDrawing: &s.nextDrawing))
                        if s.next > 0 { s.lists.formUnion(ready.lists) }
                    }
                    s.next += 1
                }
            }
        }

        /// Says that a document will never be handed over (it could not be filled): the bodies waiting for it, and
        /// those handed over later, are let go, and `finish()` throws.
        public func abandon() {
            state.withLock { s in
                s.abandoned = true
                s.waiting = [:]
            }
        }

        /// The joined document, or nil when there are none; throws `.internal` when a document was not handed over.
        /// Called again, it gives the same document.
        public func finish() throws(TemplateError) -> OOXMLPackage? {
            guard count > 0 else { return nil }
            return try state.withLock { s throws(TemplateError) in
                if let done = s.finished { return done }
                guard s.next == count, var result = s.first else {
                    throw .internal(MergeError.documentMissing(number: s.next + 1, count: count))
                }
                if !s.unjoined {
                    s.body.write(s.tail)
                    result.setPart(s.part, file: s.body)
                    do throws(PackageError) {
                        try countSectionPages(in: &result, headersAndFootersOf: s.part)
                        if let stride = s.listStride { try ListRestarts.restart(s.lists, documents: count, stride: stride, in: &result, mainPart: s.part) }
                    } catch { throw .package(error) }
                }
                s.finished = result
                return result
            }
        }
    }

    /// “Page X of Y” in the headers and footers made to count the pages of each document.
    private static func countSectionPages(in result: inout OOXMLPackage, headersAndFootersOf part: String) throws(PackageError) {
        for kind in ["header", "footer"] {
            for p in try result.related(to: part, kind: kind) {
                let doc = try result.xml(of: p)
                let counted = countingSectionPages(doc.root)
                if counted != doc.root { result.setPart(p, xml: MarkupDocument(root: counted, prolog: doc.prolog)) }
            }
        }
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
}

/// A document of a join was never handed over: the caller's fault, found before the joined document is written.
enum MergeError: LocalizedFailure {
    case documentMissing(number: Int, count: Int)

    func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.documentMissing(n, c), .zh): "内部错误：合并文件缺少第 \(n) 份文档（共 \(c) 份），未写出合并文件"
        case let (.documentMissing(n, c), .en): "internal error: document \(n) of \(c) is missing from the joined document; it was not written"
        }
    }
}
