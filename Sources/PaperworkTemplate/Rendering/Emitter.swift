import PaperworkOOXML

/// Turns a token stream and its block layout into compiled nodes.
struct Emitter {
    private struct Frame {
        var pair: Int?
        var body: [CompiledNode] = []
        var otherwise: [CompiledNode] = []
        var inOtherwise = false
        var pending: [UInt8] = []

        mutating func flush() {
            guard !pending.isEmpty else { return }
            if inOtherwise { otherwise.append(.bytes(pending)) } else { body.append(.bytes(pending)) }
            pending = []
        }

        mutating func append(_ node: CompiledNode) {
            flush()
            if inOtherwise { otherwise.append(node) } else { body.append(node) }
        }
    }

    /// With `keepingNumbersTogether` (a Word part's WordprocessingML prefix), every outermost paragraph that holds
    /// nothing filled per record is written with its dates and numbers kept on one line (`NumberJoins`,
    /// `JoinedRunLanguage`) here, once; the others are marked (`paragraphStart`, `paragraphEnd`) so that the renderer
    /// can hand only them to those passes.
    static func emit(_ s: TokenStream, _ layout: BlockLayout, keepingNumbersTogether prefix: [UInt8]? = nil) -> Result<[CompiledNode], TemplateProblem> {
        var frames = [Frame(pair: nil)]
        var next = 0
        var skip = 0
        let guarded = guardedContainers(s, layout)
        let paragraphs = prefix.map { _ in OutermostParagraphs(s, layout) }

        func process(upTo position: Position) -> TemplateProblem? {
            while next < layout.events.count && !(position < layout.events[next].position) {
                let event = layout.events[next]
                next += 1
                let pair = layout.pairs[event.pair]
                switch event.kind {
                case .start:
                    frames[frames.count - 1].flush()
                    frames.append(Frame(pair: event.pair))
                case .otherwise:
                    guard frames.last?.pair == event.pair else { return overlap(pair, s) }
                    frames[frames.count - 1].flush()
                    frames[frames.count - 1].inOtherwise = true
                case .end:
                    guard frames.count > 1, frames.last?.pair == event.pair else { return overlap(pair, s) }
                    var done = frames.removeLast()
                    done.flush()
                    frames[frames.count - 1].append(.block(CompiledBlock(
                        kind: pair.kind, expression: pair.expression, tag: pair.open,
                        body: done.body, otherwise: done.otherwise)))
                }
            }
            return nil
        }

        var i = 0
        while i < s.tokens.count {
            if let problem = process(upTo: Position(token: i, piece: -1)) { return .failure(problem) }
            while skip < layout.skipped.count && layout.skipped[skip].upperBound < i { skip += 1 }
            if skip < layout.skipped.count && layout.skipped[skip].contains(i) {
                i = layout.skipped[skip].upperBound + 1
                continue
            }
            switch s.tokens[i] {
            case .open(let e):
                if let prefix, let paragraphs, paragraphs.fixed(i) {
                    frames[frames.count - 1].pending += JoinedRunLanguage.keepingNumbersTogether(fixedBytes(s, i...s.match[i]), prefix: prefix)
                    i = s.match[i] + 1
                    continue
                }
                if paragraphs?.filled(i) == true { frames[frames.count - 1].append(.paragraphStart) }
                if guarded[i] != nil { frames[frames.count - 1].append(.guardStart) }
                MarkupSerializer.writeStartTag(e, selfClosing: false, into: &frames[frames.count - 1].pending)
            case .close(let name):
                if let g = guarded[s.match[i]] {
                    var close: [UInt8] = []
                    MarkupSerializer.writeEndTag(name, into: &close)
                    frames[frames.count - 1].append(.guardEnd(g, close: close))
                } else {
                    MarkupSerializer.writeEndTag(name, into: &frames[frames.count - 1].pending)
                }
                if paragraphs?.filled(s.match[i]) == true { frames[frames.count - 1].append(.paragraphEnd) }
            case .empty(let e):
                MarkupSerializer.writeStartTag(e, selfClosing: true, into: &frames[frames.count - 1].pending)
            case let .choice(expression, tag, yes, no):
                frames[frames.count - 1].append(.block(CompiledBlock(kind: .if, expression: expression, tag: tag, body: [.bytes(yes)], otherwise: [.bytes(no)])))
            case .leaf(let node):
                MarkupSerializer.write(node, into: &frames[frames.count - 1].pending)
            case .text(let pieces):
                for (k, piece) in pieces.enumerated() {
                    if let problem = process(upTo: Position(token: i, piece: k)) { return .failure(problem) }
                    switch piece {
                    case .literal(let t):
                        MarkupSerializer.appendEscapedText(t, into: &frames[frames.count - 1].pending)
                    case .tag(let tag):
                        if case .success(.value(let expression)) = s.tags[tag].parsed {
                            let element = s.breaksLines && s.parent[i] >= 0 && s.role[s.parent[i]] == .text ? s.name(s.parent[i]) : nil
                            frames[frames.count - 1].append(.value(expression, tag: tag, textElement: element))
                        }
                    }
                }
                if let problem = process(upTo: Position(token: i, piece: pieces.count)) { return .failure(problem) }
            }
            i += 1
        }
        if let problem = process(upTo: Position(token: Int.max, piece: Int.max)) { return .failure(problem) }
        if frames.count > 1, let open = frames.last?.pair { return .failure(overlap(layout.pairs[open], s)) }
        frames[0].flush()
        return .success(frames[0].body)
    }

    /// The markup of tokens that hold no tag, as the loop above writes it.
    private static func fixedBytes(_ s: TokenStream, _ range: ClosedRange<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for t in range {
            switch s.tokens[t] {
            case .open(let e): MarkupSerializer.writeStartTag(e, selfClosing: false, into: &out)
            case .close(let name): MarkupSerializer.writeEndTag(name, into: &out)
            case .empty(let e): MarkupSerializer.writeStartTag(e, selfClosing: true, into: &out)
            case .leaf(let node): MarkupSerializer.write(node, into: &out)
            case .text(let pieces):
                for case .literal(let text) in pieces { MarkupSerializer.appendEscapedText(text, into: &out) }
            case .choice: break
            }
        }
        return out
    }

    private static func overlap(_ pair: BlockPair, _ s: TokenStream) -> TemplateProblem {
        TemplateProblem(kind: .blocksOverlap, place: s.tags[pair.open].place)
    }

    /// Cells and tables that hold a block event, and so could come out empty.
    private static func guardedContainers(_ s: TokenStream, _ layout: BlockLayout) -> [Int: ContainerGuard] {
        guard !layout.events.isEmpty else { return [:] }
        let eventTokens = layout.events.map(\.position.token)
        var result: [Int: ContainerGuard] = [:]
        for i in s.tokens.indices where s.role[i] == .cell || s.role[i] == .table {
            guard case .open(let e) = s.tokens[i], s.match[i] > i else { continue }
            guard eventTokens.contains(where: { $0 > i && $0 <= s.match[i] }) else { continue }
            let prefix = e.name.firstIndex(of: ":").map { String(e.name[...$0]) } ?? ""
            if s.role[i] == .cell {
                result[i] = .cell(paragraph: Array("<\(prefix)p/>".utf8), paragraphOpen: Array("<\(prefix)p".utf8))
            } else {
                result[i] = .table(rowOpen: Array("<\(prefix)tr".utf8))
            }
        }
        return result
    }
}
