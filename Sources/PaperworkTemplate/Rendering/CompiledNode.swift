/// A compiled template part: fixed bytes between values and blocks, ready to render many times.
indirect enum CompiledNode: Sendable {
    /// Markup and text that never change.
    case bytes([UInt8])
    /// A value; `textElement` is the qualified name of the `w:t` it stands in, for line breaks and tabs.
    case value(TagExpression, tag: Int, textElement: String?)
    case block(CompiledBlock)
    /// Marks the start of an element that must not come out empty (a table needs a row, a cell a paragraph).
    case guardStart
    /// Ends a guarded element: `close` is its end tag, written unless the whole element is left out.
    case guardEnd(ContainerGuard, close: [UInt8])
    /// Marks where an outermost Word paragraph that holds values starts and ends: its filled bytes still need
    /// dates and numbers kept on one line (`OutermostParagraphs`).
    case paragraphStart, paragraphEnd
}

struct CompiledBlock: Sendable {
    var kind: BlockKind
    var expression: TagExpression
    var tag: Int
    var body: [CompiledNode]
    var otherwise: [CompiledNode]
}

/// What to do when a container came out without the content it needs.
enum ContainerGuard: Sendable {
    /// A table cell without a paragraph gets an empty one: `<w:p/>`.
    case cell(paragraph: [UInt8], paragraphOpen: [UInt8])
    /// A table without rows is left out.
    case table(rowOpen: [UInt8])
}
