/// A template paragraph's text as literals and values, read backwards: `贷款金额：{{贷款.金额 | rmb}}元` against
/// `贷款金额：1,000,000.00元` gives 贷款.金额's text. An inline `{{#if}}…{{else}}…{{/if}}` makes alternatives
/// (either branch may stand in the document), tried most literal text first.
public struct ParagraphPattern: Sendable, Equatable {
    /// A value tag: its path and its filters' names.
    public struct Slot: Sendable, Equatable {
        public var path: ValuePath
        public var filters: [String]
    }

    enum Piece: Sendable, Equatable {
        case literal(String)
        case slot(Slot)
    }

    /// The flat forms the paragraph can take.
    let alternatives: [[Piece]]
    /// The list a `{{#each}}` in the paragraph opens, and whether it closes one.
    public let opens: [FieldKey]?
    public let closes: Bool
    /// Whether an `{{#if}}`/`{{#unless}}` opens or closes (or `{{else}}` stands) outside any inline pair.
    public let blockIf: BlockIf?
    /// True when the paragraph has an inline `{{#each}}` that repeats within it (it cannot be read back).
    public let repeatsInline: Bool

    public enum BlockIf: Sendable, Equatable { case open, otherwise, close }

    /// No text besides block tags: the renderer leaves such a paragraph out.
    public var isTagOnly: Bool { (opens != nil || closes || blockIf != nil) && alternatives.allSatisfy { $0.isEmpty } }
    /// Holds a value tag.
    public var hasSlots: Bool { alternatives.contains { $0.contains { if case .slot = $0 { true } else { false } } } }
    /// Has literal text to be recognised by.
    public var hasLiterals: Bool { alternatives.allSatisfy { $0.contains { if case .literal = $0 { true } else { false } } } }

    public init(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        // Branches of the inline ifs open at this point; each holds the alternatives built so far.
        var stack: [(before: [[Piece]], then: [[Piece]]?)] = []
        var current: [[Piece]] = [[]]
        var literal = String.UnicodeScalarView()
        var opens: [FieldKey]?
        var closes = false
        var blockIf: BlockIf?
        var cursor = 0
        func flush() {
            guard !literal.isEmpty else { return }
            let text = String(literal)
            current = current.map { alt in
                if case .literal(let l)? = alt.last { return alt.dropLast() + [.literal(l + text)] }
                return alt + [.literal(text)]
            }
            literal = String.UnicodeScalarView()
        }
        for item in TagLexer.scan(scalars) {
            literal += scalars[cursor..<item.start]
            cursor = item.end
            switch item.kind {
            case .escapedBraces: literal += "{{".unicodeScalars
            case .tag(.success(.value(let e)), _):
                flush()
                current = current.map { $0 + [.slot(Slot(path: e.path, filters: e.filters.map(\.name)))] }
            case .tag(.success(.open(.each, let e)), _):
                if opens == nil, case .keys(let keys) = e.path { opens = keys }
            case .tag(.success(.close(.each)), _):
                closes = true
            case .tag(.success(.open), _):
                flush()
                stack.append((current, nil))
            case .tag(.success(.otherwise), _):
                flush()
                if var top = stack.popLast() {
                    top.then = current
                    stack.append(top)
                    current = top.before
                } else {
                    blockIf = .otherwise
                }
            case .tag(.success(.close), _):
                flush()
                if let top = stack.popLast() {
                    let other = top.then == nil ? top.before : current
                    let first = top.then ?? current
                    current = Array((first + other).prefix(16))
                } else {
                    blockIf = blockIf ?? .close
                }
            case .tag: break
            }
        }
        literal += scalars[cursor...]
        flush()
        if !stack.isEmpty { blockIf = .open; current = stack[0].before }
        var unique: [[Piece]] = []
        for alt in current where !unique.contains(alt) { unique.append(alt) }
        alternatives = unique.sorted { Self.literalLength($0) > Self.literalLength($1) }
        self.opens = opens
        self.closes = closes
        self.blockIf = blockIf
        repeatsInline = opens != nil && closes
    }

    private static func literalLength(_ pieces: [Piece]) -> Int {
        pieces.reduce(0) { n, p in if case .literal(let l) = p { n + l.count } else { n } }
    }

    /// The text of each value when `text` is one of the forms the paragraph takes; nil when none fits.
    public func match(_ text: String) -> [(slot: Slot, text: String)]? {
        for alt in alternatives {
            if let found = Self.match(alt[...], Substring(text)) { return found }
        }
        return nil
    }

    private static func match(_ pieces: ArraySlice<Piece>, _ text: Substring) -> [(slot: Slot, text: String)]? {
        guard let first = pieces.first else { return text.isEmpty ? [] : nil }
        let rest = pieces.dropFirst()
        switch first {
        case .literal(let l):
            guard text.hasPrefix(l) else { return nil }
            return match(rest, text.dropFirst(l.count))
        case .slot(let slot):
            guard let next = rest.first else { return [(slot, String(text))] }
            guard case .literal(let l) = next else {
                // Two values side by side: the first one is read as empty (no text tells them apart).
                return match(rest, text).map { [(slot, "")] + $0 }
            }
            var from = text.startIndex
            while let r = text.range(of: l, range: from..<text.endIndex) {
                if let tail = match(rest, text[r.lowerBound...]) { return [(slot, String(text[..<r.lowerBound]))] + tail }
                guard r.lowerBound < text.endIndex else { break }
                from = text.index(after: r.lowerBound)
            }
            return nil
        }
    }
}
