import Yams

/// Reads a manifest's YAML nodes, noting each problem with its line and column instead of stopping at the first.
struct YAMLNodes {
    let file: String
    var problems: [ManifestProblem] = []

    mutating func error(_ kind: ManifestProblem.Kind, at node: Node?, severity: ManifestProblem.Severity = .error) {
        problems.append(ManifestProblem(severity, kind, file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0))
    }

    /// The mapping's pairs by key, after reporting keys not in `known` and keys given twice.
    mutating func members(_ node: Node, known: [String], what: String) -> [String: Node]? {
        guard let mapping = node.mapping else {
            error(.notA(expected: .mapping, key: what), at: node)
            return nil
        }
        var out: [String: Node] = [:]
        for (k, v) in mapping {
            guard let key = k.string else { error(.notA(expected: .text, key: what), at: k); continue }
            if !known.contains(key) { error(.unknownKey(key, known: known), at: k); continue }
            if out[key] != nil { error(.duplicateKey(key), at: k); continue }
            out[key] = v
        }
        return out
    }

    mutating func string(_ m: [String: Node], _ key: String, required: Bool = false, at parent: Node) -> String? {
        guard let node = m[key] else {
            if required { error(.missingKey(key), at: parent) }
            return nil
        }
        guard let scalar = node.scalar else { error(.notA(expected: .text, key: key), at: node); return nil }
        return scalar.string
    }

    mutating func bool(_ m: [String: Node], _ key: String) -> Bool? {
        guard let node = m[key] else { return nil }
        guard let b = node.bool else { error(.notA(expected: .boolean, key: key), at: node); return nil }
        return b
    }

    mutating func int(_ m: [String: Node], _ key: String) -> Int? {
        guard let node = m[key] else { return nil }
        guard let n = node.int else { error(.notA(expected: .wholeNumber, key: key), at: node); return nil }
        return n
    }

    mutating func strings(_ m: [String: Node], _ key: String) -> [String]? {
        guard let node = m[key] else { return nil }
        guard let items = node.sequence, items.allSatisfy({ $0.scalar != nil }) else {
            error(.notA(expected: .texts, key: key), at: node)
            return nil
        }
        return items.compactMap(\.string)
    }

    /// An expression or message, with the place of its first character.
    mutating func source(_ m: [String: Node], _ key: String, required: Bool = false, at parent: Node) -> SourceText? {
        guard let text = string(m, key, required: required, at: parent), let node = m[key] else { return nil }
        let style = node.scalar?.style
        let quoted = style == .singleQuoted || style == .doubleQuoted
        let block = style == .literal || style == .folded
        return SourceText(text: text, line: (node.mark?.line ?? 0) + (block ? 1 : 0), column: block ? 0 : node.mark?.column ?? 0, lead: quoted ? 1 : 0)
    }

    /// A place inside an expression: its line, and its column when the expression stands on one line.
    func place(_ source: SourceText, offset: Int) -> (line: Int, column: Int) {
        let before = source.text.prefix(offset)
        let newlines = before.filter { $0 == "\n" }.count
        if newlines == 0 && source.column > 0 {
            return (source.line, source.column + source.lead + before.unicodeScalars.count)
        }
        return (source.line + newlines, 0)
    }

    mutating func error(_ problem: ExpressionError, in source: SourceText, key: String) {
        let (line, column) = place(source, offset: problem.at)
        problems.append(ManifestProblem(.error, .expression(problem, key: key), file: file, line: line, column: column))
    }
}
