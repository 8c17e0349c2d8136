/// The outermost paragraphs of a Word part's token stream, told apart by whether a record can change them.
///
/// A paragraph is filled per record when it holds a tag, a block's start, `else` or end, or a stretch the layout
/// leaves out; every other outermost paragraph comes out the same for every record. Dates and numbers are kept on one
/// line paragraph by paragraph (a paragraph's start and end separate text for `NumberJoins`), so a fixed paragraph
/// needs those passes once, when the template is compiled.
struct OutermostParagraphs {
    /// By open token of each outermost paragraph: whether a record can change it (nil for every other token).
    private let changes: [Bool?]

    /// An outermost paragraph that no record changes.
    func fixed(_ token: Int) -> Bool { changes[token] == false }

    /// An outermost paragraph that holds something filled per record.
    func filled(_ token: Int) -> Bool { changes[token] == true }

    init(_ s: TokenStream, _ layout: BlockLayout) {
        // Points between and on tokens: 2t stands before token t, 2t + 1 on it.
        var points = [Int](repeating: 0, count: 2 * s.tokens.count + 1)
        for tag in s.tags where tag.token < s.tokens.count { points[2 * tag.token + 1] = 1 }
        for event in layout.events where event.position.token < s.tokens.count {
            points[2 * event.position.token + (event.position.piece < 0 ? 0 : 1)] = 1
        }
        for range in layout.skipped {
            for t in range where t < s.tokens.count { points[2 * t + 1] = 1 }
        }
        for t in s.tokens.indices { if case .choice = s.tokens[t] { points[2 * t + 1] = 1 } }
        var sums = [Int](repeating: 0, count: points.count + 1)
        for k in points.indices { sums[k + 1] = sums[k] + points[k] }
        var changes = [Bool?](repeating: nil, count: s.tokens.count)
        for i in s.tokens.indices where s.role[i] == .paragraph && s.match[i] > i && !Self.inParagraph(i, s) {
            guard case .open = s.tokens[i] else { continue }
            // The paragraph's points run from its open token to its close token.
            changes[i] = sums[2 * s.match[i] + 2] - sums[2 * i + 1] > 0
        }
        self.changes = changes
    }

    private static func inParagraph(_ token: Int, _ s: TokenStream) -> Bool {
        var p = s.parent[token]
        while p >= 0 {
            if s.role[p] == .paragraph { return true }
            p = s.parent[p]
        }
        return false
    }
}
