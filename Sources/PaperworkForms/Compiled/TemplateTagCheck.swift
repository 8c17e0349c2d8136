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

    /// The problems of the template's tags, and the fields nothing uses (given what expressions read).
    func problems(tags: [TagInfo], template: String, manifestPath: String, used: Set<String>) -> [ManifestProblem] {
        var out: [ManifestProblem] = []
        var scopes: [Set<String>?] = []
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
            let inItem = scopes.reversed().contains { $0.map { Self.holds($0, key) } ?? false }
            if !inItem && !Self.holds(provided, key) {
                out.append(ManifestProblem(.error, .tagNotProvided(tag.source), file: template, line: 0, column: 0, place: tag.place.description(true)))
            }
            mentioned.insert(key)
            if case .open(.each, _) = parsed { scopes.append(items[key]) }
        }
        for f in manifest.fields where !Self.holds(mentioned.union(used), f.key) {
            let listUsed = f.type == .list && (f.fields ?? []).contains { i in mentioned.contains(i.key) || used.contains(f.key + "[]." + i.key) }
            if !listUsed {
                out.append(ManifestProblem(.warning, .unusedField(f.key), file: manifestPath, line: f.line, column: f.column))
            }
        }
        return out
    }
}
