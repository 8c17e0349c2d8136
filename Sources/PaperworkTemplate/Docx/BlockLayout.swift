/// A position between tokens, or between the pieces of a text token (`piece` -1: before the token).
struct Position: Sendable, Comparable {
    var token: Int
    var piece: Int

    static func < (a: Position, b: Position) -> Bool { (a.token, a.piece) < (b.token, b.piece) }
}

/// A block of the template: its tags and its expression.
struct BlockPair: Sendable {
    var kind: BlockKind
    var expression: TagExpression
    var open: Int
    var otherwise: Int?
    var close: Int
    var depth: Int
}

/// Where a block's body starts, divides and ends in the token stream.
struct BlockEvent: Sendable {
    enum Kind: Int, Sendable { case end = 0, otherwise = 1, start = 2 }
    var position: Position
    var kind: Kind
    var pair: Int
    var depth: Int

    static func ordered(_ a: BlockEvent, _ b: BlockEvent) -> Bool {
        if a.position != b.position { return a.position < b.position }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.kind == .start ? a.depth < b.depth : a.depth > b.depth
    }
}

/// Pairs block tags and decides, from where each pair stands, what the block repeats or removes:
/// a stretch of one paragraph, whole paragraphs, or table rows.
struct BlockLayout {
    var pairs: [BlockPair] = []
    var events: [BlockEvent] = []
    /// Token ranges left out of the output: paragraphs and rows that only held a block tag.
    var skipped: [ClosedRange<Int>] = []
    var problems: [TemplateProblem] = []

    init(_ stream: TokenStream, allowBlocks: Bool) {
        let order = stream.tags.indices.sorted {
            (stream.tags[$0].token, stream.tags[$0].piece) < (stream.tags[$1].token, stream.tags[$1].piece)
        }
        var stack: [(kind: BlockKind, expression: TagExpression, open: Int, otherwise: Int?)] = []
        for i in order {
            let occurrence = stream.tags[i]
            let place = occurrence.place
            switch occurrence.parsed {
            case .failure(let e):
                problems.append(TemplateProblem(kind: .syntax(e, tag: occurrence.source), place: place))
            case .success(let tag):
                if tag.isBlockTag && !allowBlocks {
                    problems.append(TemplateProblem(kind: .blockNotAllowed, place: place))
                    continue
                }
                switch tag {
                case .value(let expression):
                    check(expression, occurrence)
                case .open(let kind, let expression):
                    check(expression, occurrence)
                    stack.append((kind, expression, i, nil))
                case .otherwise:
                    if stack.isEmpty || stack[stack.count - 1].otherwise != nil {
                        problems.append(TemplateProblem(kind: .elseOutsideBlock, place: place))
                    } else {
                        stack[stack.count - 1].otherwise = i
                    }
                case .close(let kind):
                    guard let top = stack.popLast() else {
                        problems.append(TemplateProblem(kind: .unexpectedClose(kind), place: place))
                        continue
                    }
                    if top.kind != kind {
                        problems.append(TemplateProblem(kind: .mismatchedClose(expected: top.kind, found: kind), place: place))
                    }
                    pairs.append(BlockPair(kind: top.kind, expression: top.expression, open: top.open,
                                           otherwise: top.otherwise, close: i, depth: stack.count))
                }
            }
        }
        for open in stack {
            problems.append(TemplateProblem(kind: .unclosedBlock(open.kind), place: stream.tags[open.open].place))
        }
        guard problems.isEmpty else { return }
        for p in pairs.indices { place(pair: p, in: stream) }
        events.sort(by: BlockEvent.ordered)
        skipped.sort { $0.lowerBound < $1.lowerBound }
    }

    private mutating func check(_ expression: TagExpression, _ occurrence: TagOccurrence) {
        for call in expression.filters {
            do { try Filters.check(call) } catch {
                switch error {
                case .unknown(let name):
                    problems.append(TemplateProblem(kind: .unknownFilter(name, tag: occurrence.source), place: occurrence.place))
                case .badArguments(let filter, let expected):
                    problems.append(TemplateProblem(
                        kind: .badFilterArguments(filter: filter, expected: expected, tag: occurrence.source), place: occurrence.place))
                case .wrongKind: break
                }
            }
        }
    }

    private mutating func add(_ kind: BlockEvent.Kind, _ position: Position, _ p: Int) {
        events.append(BlockEvent(position: position, kind: kind, pair: p, depth: pairs[p].depth))
    }

    private mutating func place(pair p: Int, in s: TokenStream) {
        let pair = pairs[p]
        let open = s.tags[pair.open], close = s.tags[pair.close]
        let otherwise = pair.otherwise.map { s.tags[$0] }
        guard let po = s.paragraph(of: open.token), let pc = s.paragraph(of: close.token) else {
            inline(p, open, otherwise, close, s)
            return
        }
        if po == pc {
            let shape = { (t: TagOccurrence) in s.ancestors(t.token).prefix { $0 != po }.map { s.name($0) } }
            if shape(open) != shape(close) || otherwise.map({ s.paragraph(of: $0.token) != po || shape($0) != shape(open) }) == true {
                problems.append(TemplateProblem(kind: .blockAcrossElements, place: open.place))
                return
            }
            inline(p, open, otherwise, close, s)
            return
        }
        if pair.expression.separator != nil {
            problems.append(TemplateProblem(kind: .separatorNotInline, place: open.place))
            return
        }
        let chainO = [po] + s.ancestors(po), chainC = [pc] + s.ancestors(pc)
        guard var common = chainO.first(where: { chainC.contains($0) }),
              var a = chainO.last(where: { s.parent[$0] == common }),
              var b = chainC.last(where: { s.parent[$0] == common }) else {
            problems.append(TemplateProblem(kind: .blockAcrossCells, place: open.place))
            return
        }
        if s.role[common] == .row {
            a = common; b = common; common = s.parent[common]
        }
        let rows = s.role[common] == .table
        if s.role[common] == .paragraph || s.role[common] == .text {
            problems.append(TemplateProblem(kind: .blockAcrossElements, place: open.place))
            return
        }
        let direct = { (paragraph: Int, unit: Int) -> Bool in
            rows ? s.role[unit] == .row && !([paragraph] + s.ancestors(paragraph)).prefix { $0 != unit }.contains { s.role[$0] == .table }
                : paragraph == unit
        }
        guard direct(po, a), direct(pc, b) else {
            problems.append(TemplateProblem(kind: .blockAcrossCells, place: open.place))
            return
        }
        if a != b && isMarker(a, tag: pair.open, s) {
            skipped.append(a...s.match[a])
            add(.start, Position(token: s.match[a] + 1, piece: -1), p)
        } else {
            add(.start, Position(token: a, piece: -1), p)
        }
        if a != b && isMarker(b, tag: pair.close, s) {
            skipped.append(b...s.match[b])
            add(.end, Position(token: b, piece: -1), p)
        } else {
            add(.end, Position(token: s.match[b] + 1, piece: -1), p)
        }
        if let otherwise, let tag = pair.otherwise {
            let chain = s.paragraph(of: otherwise.token).map { [$0] + s.ancestors($0) } ?? []
            guard let e = chain.last(where: { s.parent[$0] == common }), e > a, e < b, isMarker(e, tag: tag, s),
                  let pe = s.paragraph(of: otherwise.token), direct(pe, e) else {
                problems.append(TemplateProblem(kind: .elseNotAlone, place: otherwise.place))
                return
            }
            skipped.append(e...s.match[e])
            add(.otherwise, Position(token: e, piece: -1), p)
        }
    }

    private mutating func inline(_ p: Int, _ open: TagOccurrence, _ otherwise: TagOccurrence?, _ close: TagOccurrence, _ s: TokenStream) {
        add(.start, Position(token: open.token, piece: open.piece), p)
        if let otherwise { add(.otherwise, Position(token: otherwise.token, piece: otherwise.piece), p) }
        add(.end, Position(token: close.token, piece: close.piece), p)
    }

    /// True when the element holds nothing but this tag and white space: no other text, tag or picture.
    private func isMarker(_ element: Int, tag: Int, _ s: TokenStream) -> Bool {
        for i in element...s.match[element] {
            switch s.tokens[i] {
            case .text(let pieces):
                for piece in pieces {
                    switch piece {
                    case .literal(let t): if !t.allSatisfy(\.isWhitespace) { return false }
                    case .tag(let k): if k != tag { return false }
                    }
                }
            case .open(let e), .empty(let e):
                if ["drawing", "pict", "object", "tbl"].contains(e.localName) { return false }
            default: break
            }
        }
        return true
    }
}
