import PaperworkTemplate

/// Checks a form's template against what the form provides: a tag that no field or computed value
/// provides is an error; a field that neither the template nor any expression uses, a warning.
struct TemplateTagCheck {
    let manifest: FormManifest
    /// What the case holds for the template: field keys and computed keys (not internal ones), dotted.
    let provided: Set<String>
    /// Each list's item keys, by the list's dotted key.
    let items: [String: Set<String>]

    init(_ manifest: FormManifest) {
        self.manifest = manifest
        var provided = Set(manifest.fields.map(\.key))
        var items: [String: Set<String>] = [:]
        for f in manifest.fields where f.type == .list { items[f.key] = Set((f.fields ?? []).map(\.key)) }
        for c in manifest.computed where !c.isInternal {
            if let (list, key) = FormCompiler.itemKey(c.key) { items[list, default: []].insert(key); continue }
            provided.insert(c.key)
            if c.type == .list { items[c.key] = Set(c.fields.map(\.key)) }
        }
        self.provided = provided
        self.items = items
    }

    /// True when `key` is provided, or is a group of provided keys (`减免` of `减免.合计`).
    private static func holds(_ keys: Set<String>, _ key: String) -> Bool {
        keys.contains(key) || keys.contains { $0.hasPrefix(key + ".") }
    }

    /// The tags with what they parse to, in document order; within one cell or paragraph, blocks open
    /// before values and close after them (a sheet's cell lists its block tags first).
    static func ordered(_ tags: [TagInfo]) -> [(TagInfo, Tag)] {
        func rank(_ t: Tag) -> Int {
            switch t {
            case .open: 0
            case .value: 1
            case .otherwise: 2
            case .close: 3
            }
        }
        var out: [(TagInfo, Tag)] = []
        var group: [(TagInfo, Tag)] = []
        func flush() {
            out += group.enumerated().sorted { (rank($0.element.1), $0.offset) < (rank($1.element.1), $1.offset) }.map(\.element)
            group = []
        }
        for tag in tags {
            guard let parsed = tag.parsed else { continue }
            if let last = group.last, !Self.sameSpot(last.0.place, tag.place) { flush() }
            group.append((tag, parsed))
        }
        flush()
        return out
    }

    /// The same paragraph or cell, whatever excerpt each tag shows.
    private static func sameSpot(_ a: Place, _ b: Place) -> Bool {
        (a.part, a.paragraph, a.table, a.row, a.cell) == (b.part, b.paragraph, b.table, b.row, b.cell)
    }

    /// The problems of the template's tags, and the fields nothing uses (given what expressions and the
    /// output-name pattern read): list items' fields too, as `list[].key`.
    func problems(tags: [TagInfo], template: String, manifestPath: String, used: Set<String>) -> [ManifestProblem] {
        var out: [ManifestProblem] = []
        var scopes: [(list: String, keys: Set<String>)?] = []
        var mentioned: Set<String> = []
        for (tag, parsed) in Self.ordered(tags) {
            let expression: TagExpression
            switch parsed {
            case .value(let e): expression = e
            case .open(let kind, let e):
                expression = e
                if kind != .each { scopes.append(nil) }
            case .close: _ = scopes.popLast(); continue
            case .otherwise: continue
            }
            guard case .keys(let keys) = expression.path else {
                if case .open(.each, _) = parsed { scopes.append(nil) }
                continue
            }
            let key = keys.map(\.text).joined(separator: ".")
            if let scope = scopes.reversed().compactMap({ $0 }).first(where: { Self.holds($0.keys, key) }) {
                mentioned.insert(scope.list + "[]." + key)
            } else if !Self.holds(provided, key) {
                out.append(ManifestProblem(.error, .tagNotProvided(tag.source), file: template, line: 0, column: 0, place: tag.place.description(true)))
            }
            mentioned.insert(key)
            if case .open(.each, _) = parsed { scopes.append(items[key].map { (key, $0) }) }
        }
        out += unused(mentioned.union(used), manifestPath: manifestPath)
        return out
    }

    /// A warning for each field (a list's item fields included) that nothing in `uses` reads.
    private func unused(_ uses: Set<String>, manifestPath: String) -> [ManifestProblem] {
        var out: [ManifestProblem] = []
        for f in manifest.fields {
            guard f.type == .list, let itemFields = f.fields else {
                if !Self.holds(uses, f.key) { out.append(ManifestProblem(.warning, .unusedField(f.key), file: manifestPath, line: f.line, column: f.column)) }
                continue
            }
            for i in itemFields where !Self.holds(uses, f.key + "[]." + i.key) {
                out.append(ManifestProblem(.warning, .unusedField(f.key + "[]." + i.key), file: manifestPath, line: i.line, column: i.column))
            }
        }
        return out
    }

    /// The problems of the output-name pattern (`{{乙方.名称}}-租金减免补充协议`): a tag that cannot be read, or one that
    /// names nothing the case holds, each at its place in the manifest. Also the keys its tags read.
    func outputName(manifestPath: String) -> (problems: [ManifestProblem], keys: Set<String>) {
        guard let source = manifest.outputNameSource else { return ([], []) }
        let nodes = YAMLNodes(file: manifestPath)
        let pattern: TextTemplate
        do { pattern = try TextTemplate(source.text) } catch {
            let (line, column) = nodes.place(source, offset: 0)
            return ([ManifestProblem(.error, .tagSyntax(error, key: "output_name"),
                                     file: manifestPath, line: line, column: column)], [])
        }
        var out: [ManifestProblem] = []
        var keys: Set<String> = []
        for (tag, offset) in pattern.tags {
            guard case .keys(let path) = tag.path else { continue }
            let key = path.map(\.text).joined(separator: ".")
            keys.insert(key)
            guard !Self.holds(provided, key) else { continue }
            let (line, column) = nodes.place(source, offset: offset)
            out.append(ManifestProblem(.error, .nameTagNotProvided("{{\(tag)}}"), file: manifestPath, line: line, column: column))
        }
        return (out, keys)
    }
}
