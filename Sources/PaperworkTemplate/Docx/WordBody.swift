import Foundation

/// Where the body of a filled Word main part lies in its bytes, found in one pass over the tags (no tree):
/// what stands before the body's content, the content, the body's own section properties (its last `sectPr`
/// child) and those of its first section, so that documents can be joined by copying bytes.
struct WordBody {
    let bytes: [UInt8]
    /// The body's children; the body's start tag ends right before it and its end tag starts right after it.
    let content: Range<Int>
    /// The body's last `sectPr` child, when it has one: the properties of the body's last section.
    let section: Range<Int>?
    /// The section properties of the first of several sections: those in the first paragraph of the body that has
    /// some (`w:p/w:pPr/w:sectPr`, not a table's or a text box's paragraph); nil when the body is one section.
    let firstSection: Range<Int>?
    /// The numbers a joined document may have to change, in order: the lists its paragraphs use
    /// (`w:numPr/w:numId/@w:val`) and the ids of its drawings (`wp:docPr/@id`).
    let numbers: [(value: Range<Int>, kind: NumberKind)]

    enum NumberKind { case list, drawing }

    /// Paragraphs whose style numbers them (a `pStyle` and no `numPr` of their own): where a `numPr` would go in
    /// their properties, and the style's name.
    let styled: [(at: Int, style: Range<Int>)]
    /// The body's qualified name (`w:body`) and its prefix with the colon (`w:`).
    let name: [UInt8]
    let prefix: [UInt8]
    /// `<w:body/>`: an empty body written as one tag.
    let selfClosing: Bool

    /// Finds the body: the first child of the root element whose local name is `body`; nil when there is none.
    init?(_ bytes: [UInt8]) {
        guard let found = bytes.withUnsafeBufferPointer(Self.scan) else { return nil }
        self.bytes = bytes
        content = found.content
        section = found.section
        firstSection = found.firstSection
        numbers = found.numbers
        styled = found.styled
        name = Array(bytes[found.name])
        prefix = Array(name[..<(name.firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0)])
        selfClosing = found.selfClosing
    }

    private typealias Found = (content: Range<Int>, section: Range<Int>?, firstSection: Range<Int>?,
                               numbers: [(value: Range<Int>, kind: NumberKind)], styled: [(at: Int, style: Range<Int>)],
                               name: Range<Int>, selfClosing: Bool)

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        var body: (end: Int, name: Range<Int>, selfClosing: Bool)?
        var contentEnd = 0
        var section: Range<Int>?
        var firstSection: Range<Int>?
        var numbers: [(value: Range<Int>, kind: NumberKind)] = []
        var styled: [(at: Int, style: Range<Int>)] = []
        // The paragraph properties being read: their depth, style, whether they number, where a numPr would go.
        var properties: (depth: Int, style: Range<Int>?, numbered: Bool, insertAt: Int?)?
        var childStart = 0, sectionStart = 0
        // Open elements; inside the body, whether its child is a paragraph and that paragraph's child its properties.
        var depth = 0
        var inParagraph = false, inProperties = false
        var cursor = TagCursor(bytes)
        while let tag = cursor.next() {
            if tag.closing {
                depth -= 1
                guard body != nil else { continue }
                if depth == 1 { contentEnd = tag.start; break }
                if depth == 2 && isNamed(bytes, tag.name, Self.sectPr) { section = childStart..<tag.end + 1 }
                if depth == 4 && inProperties && firstSection == nil && isNamed(bytes, tag.name, Self.sectPr) { firstSection = sectionStart..<tag.end + 1 }
                if let p = properties, depth == p.depth {
                    if let style = p.style, !p.numbered { styled.append((p.insertAt ?? tag.start, style)) }
                    properties = nil
                }
                continue
            }
            if depth == 1 && body == nil && isNamed(bytes, tag.name, Self.body) {
                body = (tag.end, tag.name, tag.selfClosing)
                if tag.selfClosing { contentEnd = tag.end + 1; break }
            } else if body != nil {
                if let number = number(bytes, tag) { numbers.append(number) }
                if var p = properties {
                    if depth == p.depth + 1 {
                        if isNamed(bytes, tag.name, Self.paragraphStyle) {
                            p.style = TagCursor.attributes(bytes, tag).first { isNamed(bytes, $0.name, Self.val) }?.value
                        } else if isNamed(bytes, tag.name, Self.numberingProperties) {
                            p.numbered = true
                        }
                        if p.insertAt == nil && !Self.beforeNumbering.contains(where: { isNamed(bytes, tag.name, $0) }) { p.insertAt = tag.start }
                        properties = p
                    }
                } else if !tag.selfClosing && isNamed(bytes, tag.name, Self.paragraphProperties) {
                    properties = (depth, nil, false, nil)
                }
                switch depth {
                case 2:
                    childStart = tag.start
                    inParagraph = isNamed(bytes, tag.name, Self.paragraph)
                    if tag.selfClosing && isNamed(bytes, tag.name, Self.sectPr) { section = tag.start..<tag.end + 1 }
                case 3: inProperties = inParagraph && isNamed(bytes, tag.name, Self.paragraphProperties)
                case 4 where inProperties && firstSection == nil && isNamed(bytes, tag.name, Self.sectPr):
                    sectionStart = tag.start
                    if tag.selfClosing { firstSection = tag.start..<tag.end + 1 }
                default: break
                }
            }
            if !tag.selfClosing { depth += 1 }
        }
        guard let body, contentEnd > body.end else { return nil }
        return (body.end + 1..<contentEnd, section, firstSection, numbers, styled, body.name, body.selfClosing)
    }

    /// A list's number (`numId`'s `val`) or a drawing's id (`docPr`'s `id`) in the tag, when it is one of those.
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: TagCursor.Tag) -> (value: Range<Int>, kind: NumberKind)? {
        let kind: NumberKind, attribute: [UInt8]
        if isNamed(bytes, tag.name, Self.numId) { (kind, attribute) = (.list, Self.val) }
        else if isNamed(bytes, tag.name, Self.docPr) { (kind, attribute) = (.drawing, Self.id) }
        else { return nil }
        return TagCursor.attributes(bytes, tag).first { isNamed(bytes, $0.name, attribute) }.map { ($0.value, kind) }
    }

    /// The ids of the drawings in a part (a header's, a footer's).
    static func drawingIDs(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var ids: [Int] = []
            var cursor = TagCursor(buffer)
            while let tag = cursor.next() {
                if !tag.closing, let found = number(buffer, tag), found.kind == .drawing, let id = Int(String(decoding: buffer[found.value], as: UTF8.self)) {
                    ids.append(id)
                }
            }
            return ids
        }
    }

    /// Whether the qualified name at `name` has the local name `local` (`w:sectPr`, `sectPr`).
    private static func isNamed(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, _ local: [UInt8]) -> Bool {
        let start = name.upperBound - local.count
        guard start >= name.lowerBound, start == name.lowerBound || bytes[start - 1] == UInt8(ascii: ":") else { return false }
        for k in 0..<local.count where bytes[start + k] != local[k] { return false }
        return true
    }

    /// Everything before the body's children: the declaration, the root's start tag, the body's start tag.
    var head: [UInt8] {
        guard selfClosing else { return Array(bytes[..<content.lowerBound]) }
        var tag = Array(bytes[..<(content.lowerBound - 1)])
        while let last = tag.last, last != UInt8(ascii: "/") { tag.removeLast() }
        tag.removeLast()
        return tag + [UInt8(ascii: ">")]
    }

    /// Everything after the body's children: the body's end tag and what follows it.
    var tail: [UInt8] {
        (selfClosing ? Array("</".utf8) + name + [UInt8(ascii: ">")] : []) + Array(bytes[content.upperBound...])
    }

    /// The body's children for a joined document: its content without its own section properties, then those
    /// properties — in a paragraph of their own when another document follows, as the joined body's own when this
    /// one is `last`. The document's first section starts a new page numbered from 1: the body's own section when
    /// it is the only one, else the first. A body without section properties gets ones that say only that (the page
    /// is then Word's default, as it was).
    func piece(last: Bool, styleLists: [String: (list: Int, level: Int)] = [:]) -> Piece {
        var out = Piece()
        out.bytes.reserveCapacity(content.count + 200)
        var nextNumber = 0, nextStyled = 0
        /// Copies bytes of the body, noting where the list numbers and drawing ids in them land, and giving each
        /// paragraph numbered by its style (in `styleLists`) that list as its own.
        func copy(_ range: Range<Int>) {
            while nextNumber < numbers.count && numbers[nextNumber].value.lowerBound < range.lowerBound { nextNumber += 1 }
            while nextStyled < styled.count && styled[nextStyled].at < range.lowerBound { nextStyled += 1 }
            var done = range.lowerBound
            while true {
                let number = nextNumber < numbers.count && numbers[nextNumber].value.upperBound <= range.upperBound ? numbers[nextNumber] : nil
                let insertion = nextStyled < styled.count && styled[nextStyled].at <= range.upperBound ? styled[nextStyled] : nil
                if let insertion, insertion.at <= number?.value.lowerBound ?? Int.max {
                    nextStyled += 1
                    guard let list = styleLists[String(decoding: bytes[insertion.style], as: UTF8.self)] else { continue }
                    out.bytes += bytes[done..<insertion.at]
                    done = insertion.at
                    out.bytes += Array("<".utf8) + prefix + Array("numPr><".utf8) + prefix + Array("ilvl ".utf8) + prefix
                        + Array("val=\"\(list.level)\"/><".utf8) + prefix + Array("numId ".utf8) + prefix + Array("val=\"".utf8)
                    let at = out.bytes.count
                    out.bytes += String(list.list).utf8
                    out.numbers.append((at..<out.bytes.count, list.list, .list))
                    out.bytes += Array("\"/></".utf8) + prefix + Array("numPr>".utf8)
                } else if let (number, kind) = number {
                    nextNumber += 1
                    guard let value = Int(String(decoding: bytes[number], as: UTF8.self)), value != 0 || kind == .drawing else { continue }
                    out.bytes += bytes[done..<number.lowerBound]
                    out.numbers.append((out.bytes.count..<out.bytes.count + number.count, value, kind))
                    out.bytes += bytes[number]
                    done = number.upperBound
                } else {
                    break
                }
            }
            out.bytes += bytes[done..<range.upperBound]
        }
        let ownStart = section?.lowerBound ?? content.upperBound
        if let first = firstSection, first.upperBound <= ownStart {
            copy(content.lowerBound..<first.lowerBound)
            out.bytes += SectionBytes.restartingNumbers(bytes, first)
            copy(first.upperBound..<ownStart)
        } else {
            copy(content.lowerBound..<ownStart)
        }
        if let section { copy(section.upperBound..<content.upperBound) }
        let empty = Array("<".utf8) + prefix + Array("sectPr/>".utf8)
        let properties: [UInt8]
        switch (section, firstSection) {
        case (let own?, nil): properties = SectionBytes.restartingNumbers(bytes, own)
        case (let own?, _?): properties = Array(bytes[own])
        case (nil, _?): properties = empty
        case (nil, nil): properties = SectionBytes.restartingNumbers(empty, 0..<empty.count)
        }
        if last {
            out.bytes += properties
        } else {
            let p = prefix + Array("p>".utf8), pPr = prefix + Array("pPr>".utf8)
            let lt = UInt8(ascii: "<"), slash = UInt8(ascii: "/")
            out.bytes += [lt] + p + [lt] + pPr + properties + [lt, slash] + pPr + [lt, slash] + p
        }
        return out
    }

    /// A document's part of the joined body, and where in it the list numbers and drawing ids are.
    struct Piece {
        var bytes: [UInt8] = []
        var numbers: [(at: Range<Int>, value: Int, kind: NumberKind)] = []

        /// The bytes of the `index`th document (from 0) as joined: after the first, list `n` becomes
        /// `n + index × listStride` (`ListRestarts`; kept without a stride), and each drawing gets the next id from
        /// `nextDrawing`, so that no two drawings of the joined body share one.
        func written(index: Int, listStride: Int?, nextDrawing: inout Int) -> [UInt8] {
            guard index > 0, !numbers.isEmpty else { return bytes }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 4 * numbers.count)
            var done = 0
            for number in numbers {
                let value: Int
                switch number.kind {
                case .list: value = number.value + index * (listStride ?? 0)
                case .drawing: value = nextDrawing; nextDrawing += 1
                }
                out += bytes[done..<number.at.lowerBound]
                out += String(value).utf8
                done = number.at.upperBound
            }
            out += bytes[done...]
            return out
        }

        /// The lists it uses.
        var lists: [Int] { numbers.filter { $0.kind == .list }.map(\.value) }
    }

    static let body = Array("body".utf8)
    static let sectPr = Array("sectPr".utf8)
    static let paragraph = Array("p".utf8)
    static let paragraphProperties = Array("pPr".utf8)
    static let numId = Array("numId".utf8)
    static let val = Array("val".utf8)
    static let docPr = Array("docPr".utf8)
    static let paragraphStyle = Array("pStyle".utf8)
    static let numberingProperties = Array("numPr".utf8)
    /// What comes before `numPr` in paragraph properties, in the schema's order.
    static let beforeNumbering = ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"].map { Array($0.utf8) }
    static let id = Array("id".utf8)

    /// The local name of a qualified name (`sectPr` of `w:sectPr`).
    static func localName(_ bytes: [UInt8], _ name: Range<Int>) -> ArraySlice<UInt8> {
        let colon = bytes[name].lastIndex(of: UInt8(ascii: ":"))
        return bytes[(colon.map { $0 + 1 } ?? name.lowerBound)..<name.upperBound]
    }
}

/// Section properties (`w:sectPr`) rewritten as bytes.
enum SectionBytes {
    /// The order of a section's children in the schema, so that an added child goes where Word expects it.
    private static let order = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
                                "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
                                "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
        .map { Array($0.utf8) }

    /// The section properties at `range` of `bytes`, starting on a new page (`type` `nextPage`) whose number is 1
    /// (`pgNumType` `start="1"`, its other attributes — the number format, the chapter style — kept).
    static func restartingNumbers(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        let tags = bytes.withUnsafeBufferPointer { buffer in
            Array(sequence(state: TagCursor(buffer, from: range.lowerBound, to: range.upperBound)) { $0.next() })
        }
        var cursor = tags.makeIterator()
        guard let open = cursor.next() else { return Array(bytes[range]) }
        let qualified = bytes[open.name]
        let prefix = Array(qualified[..<(qualified.firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? qualified.startIndex)])
        var children: [(rank: Int, bytes: ArraySlice<UInt8>)] = []
        var numbering: [UInt8] = []
        var depth = 0
        var childStart = 0
        if !open.selfClosing {
            while let tag = cursor.next() {
                if tag.closing {
                    depth -= 1
                    if depth < 0 { break }
                    if depth == 0 { children.append((rank(bytes, tag.name), bytes[childStart...tag.end])) }
                    continue
                }
                if depth == 0 {
                    childStart = tag.start
                    if WordBody.localName(bytes, tag.name).elementsEqual("pgNumType".utf8) { numbering = attributes(bytes, tag, dropping: "start") }
                    if tag.selfClosing { children.append((rank(bytes, tag.name), bytes[tag.start...tag.end])) }
                }
                if !tag.selfClosing { depth += 1 }
            }
        }
        let typeRank = order.firstIndex(of: Array("type".utf8)) ?? 0, numberRank = order.firstIndex(of: Array("pgNumType".utf8)) ?? 0
        children.removeAll { $0.rank == typeRank || $0.rank == numberRank }
        let lt = UInt8(ascii: "<")
        let type = [lt] + prefix + Array("type ".utf8) + prefix + Array("val=\"nextPage\"/>".utf8)
        let number = [lt] + prefix + Array("pgNumType".utf8) + numbering + [UInt8(ascii: " ")] + prefix + Array("start=\"1\"/>".utf8)
        for (element, elementRank) in [(type, typeRank), (number, numberRank)] {
            let index = children.firstIndex { $0.rank > elementRank } ?? children.count
            children.insert((elementRank, element[...]), at: index)
        }
        var startTag = Array(bytes[open.start..<open.end])
        if open.selfClosing, let slash = startTag.lastIndex(of: UInt8(ascii: "/")) { startTag.removeSubrange(slash...) }
        var out = startTag + [UInt8(ascii: ">")]
        for child in children { out += child.bytes }
        return out + [lt, UInt8(ascii: "/")] + qualified + [UInt8(ascii: ">")]
    }

    private static func rank(_ bytes: [UInt8], _ name: Range<Int>) -> Int {
        let local = WordBody.localName(bytes, name)
        return order.firstIndex { $0.elementsEqual(local) } ?? order.count
    }

    /// A tag's attributes as written (each with the space before it), without the one whose local name is `dropped`.
    private static func attributes(_ bytes: [UInt8], _ tag: TagCursor.Tag, dropping dropped: String) -> [UInt8] {
        var out: [UInt8] = []
        for attribute in bytes.withUnsafeBufferPointer({ TagCursor.attributes($0, tag) })
        where !WordBody.localName(bytes, attribute.name).elementsEqual(dropped.utf8) {
            out.append(UInt8(ascii: " "))
            out += bytes[attribute.name.lowerBound..<attribute.value.upperBound + 1]
        }
        return out
    }
}

/// The tags of XML bytes, one after another: comments, processing instructions, CDATA sections and the
/// document type are stepped over; text is not looked at.
struct TagCursor {
    struct Tag {
        /// The `<` and the `>`.
        var start: Int
        var end: Int
        /// The qualified name.
        var name: Range<Int>
        var closing: Bool
        var selfClosing: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i: Int
    private let limit: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to limit: Int? = nil) {
        self.bytes = bytes
        i = start
        self.limit = min(limit ?? bytes.count, bytes.count)
    }

    mutating func next() -> Tag? {
        while i < limit {
            guard let base = bytes.baseAddress, let found = memchr(base + i, Int32(UInt8(ascii: "<")), limit - i) else { i = limit; return nil }
            let open = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            i = open
            if open + 1 < limit, bytes[open + 1] == UInt8(ascii: "?") || bytes[open + 1] == UInt8(ascii: "!") {
                i = skipMarkup(at: open)
                continue
            }
            var end = open + 1
            var quote: UInt8 = 0
            while end < limit {
                let c = bytes[end]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: ">") {
                    break
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                }
                end += 1
            }
            guard end < limit else { i = limit; return nil }
            let closing = bytes[open + 1] == UInt8(ascii: "/")
            let nameStart = closing ? open + 2 : open + 1
            var nameEnd = nameStart
            while nameEnd < end && !Self.isSpace(bytes[nameEnd]) && bytes[nameEnd] != UInt8(ascii: "/") { nameEnd += 1 }
            i = end + 1
            return Tag(start: open, end: end, name: nameStart..<nameEnd, closing: closing,
                       selfClosing: !closing && bytes[end - 1] == UInt8(ascii: "/"))
        }
        return nil
    }

    /// Where what starts at `<?` or `<!` ends: after `?>`, `-->`, `]]>` or (a document type) `>`.
    private func skipMarkup(at open: Int) -> Int {
        let rest = bytes[open..<limit]
        let terminator: [UInt8]
        if rest.starts(with: "<!--".utf8) { terminator = Array("-->".utf8) }
        else if rest.starts(with: "<![CDATA[".utf8) { terminator = Array("]]>".utf8) }
        else if rest.starts(with: "<?".utf8) { terminator = Array("?>".utf8) }
        else { terminator = [UInt8(ascii: ">")] }
        var k = open + 2
        while k + terminator.count <= limit {
            if bytes[k] == terminator[0] && bytes[k..<k + terminator.count].elementsEqual(terminator) { return k + terminator.count }
            k += 1
        }
        return limit
    }

    /// A tag's attributes: each one's qualified name and its value (between the quotes).
    static func attributes(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: Tag) -> [(name: Range<Int>, value: Range<Int>)] {
        var found: [(name: Range<Int>, value: Range<Int>)] = []
        var i = tag.name.upperBound
        let end = tag.end
        while i < end {
            while i < end && isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end && bytes[i] != UInt8(ascii: "=") && !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: "/") { i += 1 }
            let nameEnd = i
            while i < end && bytes[i] != UInt8(ascii: "\"") && bytes[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { break }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && bytes[i] != quote { i += 1 }
            if nameEnd > nameStart { found.append((nameStart..<nameEnd, valueStart..<min(i, end))) }
            i += 1
        }
        return found
    }

    static func isSpace(_ c: UInt8) -> Bool {
        c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r")
    }
}
