import PaperworkOOXML

/// A piece of the text of one text element after tags were gathered into it.
enum Piece: Sendable, Equatable {
    case literal(String)
    /// An index into the part's tag occurrences.
    case tag(Int)
}

/// One step of a part's markup, flattened so that blocks can start and end anywhere.
enum Token: Sendable {
    case open(MarkupElement)
    case close(String)
    case empty(MarkupElement)
    case leaf(MarkupNode)
    /// The text of a text element (`w:t`), as literals and tags.
    case text([Piece])
    /// Markup chosen by a value's truth (a check box content control checked or not); `tag` indexes its occurrence.
    case choice(TagExpression, tag: Int, yes: [UInt8], no: [UInt8])
}

/// What an element is to the template engine.
enum Role: Sendable, Equatable {
    case paragraph, text, row, table, cell, other
}

/// A tag as found in a part, with its place.
struct TagOccurrence: Sendable {
    var parsed: Result<Tag, TagSyntaxError>
    var source: String
    var place: Place
    var token: Int
    var piece: Int
    /// The field instruction, for a value that stands in for a mail-merge field.
    var field: String? = nil
}

/// A part's markup as tokens, with the tree's shape kept in side tables.
struct TokenStream: Sendable {
    var tokens: [Token] = []
    /// The enclosing `open` token of each token (-1 at the root).
    var parent: [Int] = []
    /// For an `open` token, the index of its `close`, and the reverse; -1 for other tokens.
    var match: [Int] = []
    var role: [Role] = []
    var tags: [TagOccurrence] = []
    /// Problems and warnings of the part's Word fields, at their places.
    var fieldProblems: [TemplateProblem] = []
    /// True when a line break or tab in a value becomes markup of its own (`<w:br/>`, `<w:tab/>`).
    var breaksLines = false

    func name(_ i: Int) -> String {
        switch tokens[i] {
        case .open(let e), .empty(let e): e.name
        case .close(let n): n
        default: ""
        }
    }

    /// The open tokens enclosing `i`, innermost first.
    func ancestors(_ i: Int) -> [Int] {
        var chain: [Int] = []
        var p = parent[i]
        while p >= 0 { chain.append(p); p = parent[p] }
        return chain
    }

    /// The innermost paragraph enclosing `i`.
    func paragraph(of i: Int) -> Int? {
        ancestors(i).first { role[$0] == .paragraph }
    }
}
