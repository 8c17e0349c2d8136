import PaperworkOOXML

/// One part of a template, compiled: its nodes and the tags they refer to.
struct CompiledPart: Sendable {
    var name: String
    var nodes: [CompiledNode]
    var tags: [TagOccurrence]
    var templateSize: Int
    /// A Word part's filled text gets `NumberJoins`, and the joined text runs of East Asian language en-US
    /// (`JoinedRunLanguage`), so that dates and numbers with units print on one line: its fixed paragraphs when
    /// it is compiled, those that hold values when it is filled. This is the part's WordprocessingML prefix then.
    var joinsNumbers: [UInt8]?

    /// Compiles a part, or returns every problem its tags have; warnings come back beside a compiled part.
    ///
    /// In a Word part, mail-merge fields become values first (their names through `names`).
    static func compile(_ source: MarkupDocument, part: String, mode: Tokenizer.Mode, size: Int,
                        names: FieldNameResolver? = nil, bindings: inout [ControlBinding]) -> (CompiledPart?, [TagOccurrence], [TemplateProblem]) {
        var document = source
        var notes: [FieldNote] = []
        if mode == .word {
            let found: [ControlBinding]
            (document, notes, found) = WordFields.rewrite(source, resolve: names)
            bindings += found
        }
        let stream = Tokenizer.tokenize(document, part: part, mode: mode, fieldNotes: notes)
        guard !stream.tags.isEmpty else { return (nil, [], stream.fieldProblems) }
        let layout = BlockLayout(stream, allowBlocks: mode != .plain)
        guard layout.problems.isEmpty else { return (nil, stream.tags, stream.fieldProblems + layout.problems) }
        let prefix = mode == .word ? JoinedRunLanguage.wordPrefix(MarkupSerializer.serialize(document)) : nil
        switch Emitter.emit(stream, layout, keepingNumbersTogether: prefix) {
        case .failure(let problem):
            return (nil, stream.tags, stream.fieldProblems + [problem])
        case .success(var nodes):
            var prolog = MarkupSerializer.declaration
            for node in document.prolog { MarkupSerializer.write(node, into: &prolog) }
            if case .bytes(let first)? = nodes.first { nodes[0] = .bytes(prolog + first) } else { nodes.insert(.bytes(prolog), at: 0) }
            let compiled = CompiledPart(name: part, nodes: nodes, tags: stream.tags, templateSize: size, joinsNumbers: prefix)
            return (compiled, stream.tags, stream.fieldProblems)
        }
    }

    /// The filled part's bytes, or every data problem found.
    func render(_ data: TemplateValue, options: RenderOptions) -> (bytes: [UInt8], problems: [TemplateProblem]) {
        var renderer = Renderer(tags: tags, data: data, options: options, capacity: templateSize + templateSize / 2)
        renderer.render(nodes)
        guard renderer.problems.isEmpty else { return (renderer.out, renderer.problems) }
        guard let prefix = joinsNumbers, !options.checkOnly else { return (renderer.out, []) }
        return (JoinedRunLanguage.keepingNumbersTogether(renderer.out, in: renderer.filledParagraphs, prefix: prefix), [])
    }
}
