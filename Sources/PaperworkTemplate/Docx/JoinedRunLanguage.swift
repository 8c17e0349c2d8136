/// Puts the joined parts of dates and numbers with their units (`NumberJoins`) into runs whose East Asian language
/// is en-US, so that LibreOffice 7.4 keeps them on one line too.
///
/// LibreOffice 7.4 (Debian 12) breaks text whose East Asian language is Chinese or Japanese with its CJK line breaker,
/// which allows a break before any Chinese character but forbidden punctuation and ignores U+2060; for any other
/// language it uses ICU, which follows Unicode's line-breaking rules and honours the joiner. So each run holding a
/// joiner, the characters beside it and the whole number it touches (`2020年3月`, `13,800.00元`, `〔2020〕`)
/// is split out with a copy of the run's properties that adds `w:eastAsia="en-US"` to its `w:lang` (a `w:lang`
/// already there keeps `w:val` and `w:bidi`; a new one goes where ECMA-376 orders it, before
/// `w:eastAsianLayout`). Fonts are chosen by `w:rFonts`, not by language, so the characters print as before.
/// Only `w:t` directly in a `w:r` is split; other text (math, DrawingML) is left as it is.
enum JoinedRunLanguage {
    static let eastAsia = "en-US"

    /// The part's bytes with joined text in runs of East Asian language en-US; unchanged when the text holds no joiner.
    static func apply(to bytes: [UInt8]) -> [UInt8] {
        apply(to: bytes, text: PartText(bytes))
    }

    /// The same, given the part's text as read from these bytes and the part's WordprocessingML prefix; only the runs
    /// inside `ranges` (whole paragraphs, in order, all of the bytes when nil) are split.
    static func apply(to bytes: [UInt8], text: PartText, prefix: [UInt8]? = nil, ranges: [Range<Int>]? = nil) -> [UInt8] {
        let joined = joinedScalars(text.scalars)
        guard joined.contains(true) else { return bytes }
        var marked = [Bool](repeating: false, count: bytes.count)
        for i in joined.indices where joined[i] {
            for b in text.offsets[i]..<(text.offsets[i] + UTF8.width(text.scalars[i])) { marked[b] = true }
        }
        return splittingMarkedRuns(bytes, marked: marked, prefix: prefix ?? wordPrefix(bytes), ranges: ranges ?? [0..<bytes.count])
    }

    /// The part with each outermost run that holds marked bytes split (`RunSplitter`); everything else is copied as it
    /// is, in one piece between such runs, since a run without marked bytes comes out of the splitter unchanged.
    /// Runs are looked for in `ranges` only.
    private static func splittingMarkedRuns(_ bytes: [UInt8], marked: [Bool], prefix: [UInt8], ranges: [Range<Int>]) -> [UInt8] {
        let names = RunNames.with(prefix: prefix)
        let runName = names.run
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var copied = 0
        bytes.withUnsafeBufferPointer { buffer in
            for range in ranges {
                var runStart = range.lowerBound
                var depth = 0
                var i = range.lowerBound
                while i < range.upperBound {
                    guard buffer[i] == UInt8(ascii: "<") else { i += 1; continue }
                    let end = min(PartText.tagEnd(buffer, from: i) + 1, buffer.count)
                    let element = PartText.element(buffer, start: i, end: end - 1)
                    if element.kind == .run && element.name.count == runName.count && buffer[element.name].elementsEqual(runName) {
                        if !element.closing && !element.selfClosing {
                            if depth == 0 { runStart = i }
                            depth += 1
                        } else if element.closing && depth > 0 {
                            depth -= 1
                            if depth == 0 && marked[runStart..<end].contains(true) {
                                out += bytes[copied..<runStart]
                                var splitter = RunSplitter(bytes: Array(bytes[runStart..<end]), marked: Array(marked[runStart..<end]), names: names)
                                out += splitter.run()
                                copied = end
                            }
                        }
                    }
                    i = end
                }
            }
        }
        out += bytes[copied...]
        return out
    }

    /// Word markup (a part, or whole paragraphs of one whose WordprocessingML prefix is `prefix`) with its dates and
    /// numbers kept on one line: `NumberJoins`, then the joined text in runs of East Asian language en-US.
    /// The text is read once.
    static func keepingNumbersTogether(_ bytes: [UInt8], prefix: [UInt8]) -> [UInt8] {
        keepingNumbersTogether(bytes, in: [0..<bytes.count], prefix: prefix)
    }

    /// A filled Word part whose fixed paragraphs were kept together when it was compiled: the same for the stretches
    /// `paragraphs` (whole outermost paragraphs, in order), read in one pass; the rest is copied as it is.
    static func keepingNumbersTogether(_ bytes: [UInt8], in paragraphs: [Range<Int>], prefix: [UInt8]) -> [UInt8] {
        guard !paragraphs.isEmpty else { return bytes }
        let (joined, text, joinedAt) = NumberJoins.joined(bytes, text: PartText(bytes, in: paragraphs))
        // The paragraphs where they stand once the joiners are in (each joiner lies inside its paragraph).
        var k = 0
        let width = String(NumberJoins.joiner).utf8.count
        let shifted = paragraphs.map { range -> Range<Int> in
            let before = k
            while k < joinedAt.count && joinedAt[k] < range.upperBound { k += 1 }
            return (range.lowerBound + before * width)..<(range.upperBound + k * width)
        }
        return apply(to: joined, text: text, prefix: prefix, ranges: shifted)
    }

    /// The joiners, the characters beside them and the whole numbers those touch.
    static func joinedScalars(_ s: [Unicode.Scalar]) -> [Bool] {
        let joiner = NumberJoins.joiner
        var joined = s.indices.map { i in
            s[i] == joiner || (i > 0 && s[i - 1] == joiner && s[i] != "\n") || (i + 1 < s.count && s[i + 1] == joiner && s[i] != "\n")
        }
        func number(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) || c == "," || c == "." }
        for i in s.indices.dropFirst() where number(s[i]) && joined[i - 1] && number(s[i - 1]) { joined[i] = true }
        for i in s.indices.dropLast().reversed() where number(s[i]) && joined[i + 1] && number(s[i + 1]) { joined[i] = true }
        return joined
    }

    /// The prefix the part gives WordprocessingML's namespace (`w` almost always).
    static func wordPrefix(_ bytes: [UInt8]) -> [UInt8] {
        for namespace in ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"] {
            let needle = Array("=\"\(namespace)\"".utf8)
            guard let at = firstIndex(of: needle, in: bytes) else { continue }
            var start = at
            while start > 0 && bytes[start - 1] != UInt8(ascii: ":") && bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
            if start > 0 && bytes[start - 1] == UInt8(ascii: ":") { return Array(bytes[start..<at]) }
        }
        return Array("w".utf8)
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard let first = needle.first, end - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= end {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// One pass over a run (or a Word part) that splits each run whose text is partly marked into runs of marked and
/// unmarked text.
private struct RunSplitter {
    let bytes: [UInt8]
    let marked: [Bool]
    let names: RunNames
    private var out: [UInt8] = []
    private var depth = 0
    private var runs: [OpenRun] = []

    /// A run being read: its start tag, its properties and its content, in pieces of marked and unmarked bytes.
    private struct OpenRun {
        var start: Range<Int>
        var childDepth: Int
        var properties: Range<Int>?
        var propertiesStart: Int?
        var textStart: (tag: Range<Int>, text: Int)?
        var pieces: [(marked: Bool, bytes: [UInt8])] = []
    }

    init(bytes: [UInt8], marked: [Bool], names: RunNames) {
        self.bytes = bytes
        self.marked = marked
        self.names = names
    }

    mutating func run() -> [UInt8] {
        out.reserveCapacity(bytes.count + bytes.count / 8)
        let source = bytes
        source.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                guard buffer[i] == UInt8(ascii: "<") else {
                    var end = i
                    while end < buffer.count && buffer[end] != UInt8(ascii: "<") { end += 1 }
                    if runs.last?.textStart == nil && runs.last?.propertiesStart == nil { emit(source[i..<end]) }
                    i = end
                    continue
                }
                let end = min(PartText.tagEnd(buffer, from: i) + 1, buffer.count)
                tag(i..<end, PartText.element(buffer, start: i, end: end - 1))
                i = end
            }
        }
        return out
    }

    /// Whether the element is the one of this qualified name (its kind tells most elements apart without comparing).
    private func isNamed(_ element: PartText.Element, _ kind: PartText.Kind, _ qualified: [UInt8]) -> Bool {
        element.kind == kind && element.name.count == qualified.count && bytes[element.name].elementsEqual(qualified)
    }

    private mutating func tag(_ range: Range<Int>, _ element: PartText.Element) {
        let first = range.count > 1 ? bytes[range.lowerBound + 1] : 0
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") { emit(bytes[range]); return }
        let closing = element.closing
        let selfClosing = element.selfClosing
        let isProperties = isNamed(element, .runProperties, names.properties)
        let isText = isNamed(element, .text, names.text)
        let isRun = isNamed(element, .run, names.run)
        let direct = runs.last.map { depth == $0.childDepth + (closing ? 1 : 0) } ?? false
        if direct, var open = runs.popLast() {
            defer { runs.append(open) }
            if open.propertiesStart != nil {
                if closing && isProperties { open.properties = open.propertiesStart!..<range.upperBound; open.propertiesStart = nil }
                if !selfClosing { depth += closing ? -1 : 1 }
                return
            }
            if let t = open.textStart, closing {
                open.pieces += textPieces(tag: t.tag, text: t.text..<range.lowerBound, end: range)
                open.textStart = nil
                depth -= 1
                return
            }
            if !closing && isProperties && open.properties == nil && open.pieces.isEmpty {
                if selfClosing { open.properties = range } else { open.propertiesStart = range.lowerBound; depth += 1 }
                return
            }
            if !closing && !selfClosing && isText {
                open.textStart = (range, range.upperBound)
                depth += 1
                return
            }
        }
        if let open = runs.last, open.propertiesStart != nil || open.textStart != nil {
            if !selfClosing { depth += closing ? -1 : 1 }
            return
        }
        if closing && isRun, let open = runs.last, depth == open.childDepth {
            runs.removeLast()
            depth -= 1
            emit(finished(open, end: range))
            return
        }
        if !closing && !selfClosing && isRun {
            depth += 1
            runs.append(OpenRun(start: range, childDepth: depth))
            return
        }
        if !selfClosing { depth += closing ? -1 : 1 }
        emit(bytes[range])
    }

    /// A run's text element, cut where its marked bytes begin and end.
    private func textPieces(tag: Range<Int>, text: Range<Int>, end: Range<Int>) -> [(marked: Bool, bytes: [UInt8])] {
        var cuts = [text.lowerBound]
        for b in text.dropFirst() where marked[b] != marked[b - 1] { cuts.append(b) }
        cuts.append(text.upperBound)
        if cuts.count == 2 {
            return [(text.isEmpty ? false : marked[text.lowerBound], Array(bytes[tag]) + bytes[text] + bytes[end])]
        }
        return zip(cuts, cuts.dropFirst()).map { (marked[$0], names.textOpen + bytes[$0..<$1] + bytes[end]) }
    }

    /// The run as it was, or as runs of marked and unmarked content, the marked ones with East Asian language en-US.
    private func finished(_ run: OpenRun, end: Range<Int>) -> [UInt8] {
        let properties = run.properties.map { Array(bytes[$0]) } ?? []
        guard run.pieces.contains(where: \.marked) else {
            return Array(bytes[run.start]) + properties + run.pieces.flatMap(\.bytes) + bytes[end]
        }
        let markedProperties = withEastAsianLanguage(properties)
        var result: [UInt8] = []
        var k = 0
        while k < run.pieces.count {
            let mark = run.pieces[k].marked
            result += bytes[run.start]
            result += mark ? markedProperties : properties
            while k < run.pieces.count && run.pieces[k].marked == mark { result += run.pieces[k].bytes; k += 1 }
            result += bytes[end]
        }
        return result
    }


    /// The run properties with `w:eastAsia="en-US"` on their own `w:lang`, added or set, every other property kept.
    func withEastAsianLanguage(_ properties: [UInt8]) -> [UInt8] {
        guard !properties.isEmpty, properties[properties.count - 2] != UInt8(ascii: "/") else { return names.propertiesWithLanguage }
        // The children one level inside <w:rPr>: where a w:lang is or one goes.
        var level = 0
        var i = 0
        var insertAt: Int?
        while i < properties.count {
            guard properties[i] == UInt8(ascii: "<") else { i += 1; continue }
            let end = properties.withUnsafeBufferPointer { PartText.tagEnd($0, from: i) }
            guard end < properties.count else { break }
            let inner = properties[(i + 1)..<end]
            let closing = inner.first == UInt8(ascii: "/")
            let selfClosing = inner.last == UInt8(ascii: "/")
            let qname = PartText.qualifiedName(closing ? inner.dropFirst() : inner)
            if level == 1 && !closing {
                if qname.elementsEqual(names.language) {
                    return Array(properties[..<i]) + withAttribute(Array(properties[i...end])) + properties[(end + 1)...]
                }
                let foreign = !qname.starts(with: names.qualifying)
                if insertAt == nil && (foreign || names.afterLanguage.contains { qname.elementsEqual($0) }) { insertAt = i }
            }
            if level == 1 && closing && qname.elementsEqual(names.properties) && insertAt == nil { insertAt = i }
            if !selfClosing { level += closing ? -1 : 1 }
            i = end + 1
        }
        let at = insertAt ?? properties.count
        return Array(properties[..<at]) + names.languageElement + properties[at...]
    }

    /// A `w:lang` start tag with `w:eastAsia` set to en-US, its other attributes kept.
    private func withAttribute(_ tag: [UInt8]) -> [UInt8] {
        let key = names.eastAsiaKey
        if let at = JoinedRunLanguage.firstIndex(of: key, in: tag), at + key.count < tag.count {
            let quote = tag[at + key.count]
            var close = at + key.count + 1
            while close < tag.count && tag[close] != quote { close += 1 }
            return Array(tag[..<(at + 1)]) + names.eastAsia + tag[min(close + 1, tag.count)...]
        }
        let tail = tag[tag.count - 2] == UInt8(ascii: "/") ? tag.count - 2 : tag.count - 1
        return Array(tag[..<tail]) + [UInt8(ascii: " ")] + names.eastAsia + tag[tail...]
    }

    private mutating func emit(_ b: some Collection<UInt8>) {
        if runs.isEmpty {
            out += b
        } else if let last = runs[runs.count - 1].pieces.last, !last.marked {
            runs[runs.count - 1].pieces[runs[runs.count - 1].pieces.count - 1].bytes += b
        } else {
            runs[runs.count - 1].pieces.append((false, Array(b)))
        }
    }
}
