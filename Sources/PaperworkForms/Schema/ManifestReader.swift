import PaperworkTemplate
import Yams

/// Reads `form.yaml` into a manifest, reporting every misspelt key, unknown type and missing entry
/// with its line and column.
struct ManifestReader {
    static let formKeys = ["name", "title", "template", "kind", "rows", "output_name", "fields", "computed", "rules"]
    static let fieldKeys = ["key", "label", "type", "unit", "required", "min", "max", "min_length", "max_length", "values", "aliases", "fields", "note", "example"]
    static let computedKeys = ["key", "label", "type", "unit", "value", "when", "over", "fields", "internal"]
    static let ruleKeys = ["id", "check", "unique", "when", "each", "field", "label", "value", "severity", "message", "message_en"]

    var nodes: YAMLNodes

    /// The manifest, or nil when it cannot be read at all; `problems` holds what is wrong either way.
    static func read(_ text: String, file: String) -> (FormManifest?, [ManifestProblem]) {
        var reader = ManifestReader(nodes: YAMLNodes(file: file))
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            reader.yamlError(error)
            return (nil, reader.nodes.problems)
        }
        guard let root else {
            reader.nodes.error(.notA(expected: .manifest, key: file), at: nil)
            return (nil, reader.nodes.problems)
        }
        let manifest = reader.form(root)
        return (manifest, reader.nodes.problems)
    }

    private mutating func yamlError(_ error: any Error) {
        let mark: Mark?
        let problem: String
        switch error as? YamlError {
        case .scanner(_, let p, let m, _)?, .parser(_, let p, let m, _)?, .composer(_, let p, let m, _)?: (problem, mark) = (p, m)
        default: (problem, mark) = (String(describing: error), nil)
        }
        nodes.problems.append(ManifestProblem(.error, .yaml(problem), file: nodes.file, line: mark?.line ?? 0, column: mark?.column ?? 0))
    }

    private mutating func form(_ root: Node) -> FormManifest? {
        guard let m = nodes.members(root, known: Self.formKeys, what: "form") else { return nil }
        let name = nodes.string(m, "name", required: true, at: root)
        let template = nodes.string(m, "template", required: true, at: root)
        var kind = FormManifest.Kind.document
        if let k = nodes.string(m, "kind", at: root) {
            if let known = FormManifest.Kind(rawValue: k) { kind = known } else {
                nodes.error(.unknownType(k, known: FormManifest.Kind.allCases.map(\.rawValue)), at: m["kind"])
            }
        }
        var fields: [FieldSpec] = []
        if let list = m["fields"] { fields = self.fields(list) } else { nodes.error(.missingKey("fields"), at: root) }
        let computed = m["computed"].map { self.computed($0) } ?? []
        let rules = m["rules"].map { self.rules($0) } ?? []
        let rows = nodes.string(m, "rows", at: root)
        if kind == .list, rows == nil { nodes.error(.missingKey("rows"), at: root) }
        if let rows, !fields.contains(where: { $0.key == rows && $0.type == .list }) {
            let problem = ExpressionError(.notAList(rows), at: 0)
            nodes.error(.expression(problem, key: "rows"), at: m["rows"])
        }
        guard let name, let template else { return nil }
        let outputName = nodes.source(m, "output_name", at: root)
        return FormManifest(name: name, title: nodes.string(m, "title", at: root) ?? name, template: template, kind: kind, rows: rows,
                            outputName: outputName?.text, fields: fields, computed: computed, rules: rules, outputNameSource: outputName)
    }

    private mutating func sequence(_ node: Node, key: String) -> [Node] {
        guard let items = node.sequence else {
            nodes.error(.notA(expected: .list, key: key), at: node)
            return []
        }
        return Array(items)
    }

    private mutating func type(_ m: [String: Node], at node: Node) -> FieldType? {
        guard let name = nodes.string(m, "type", required: true, at: node) else { return nil }
        guard let type = FieldType(rawValue: name) else {
            nodes.error(.unknownType(name, known: FieldType.allCases.map(\.rawValue)), at: m["type"])
            return nil
        }
        return type
    }

    private mutating func fields(_ node: Node) -> [FieldSpec] {
        sequence(node, key: "fields").compactMap { item -> FieldSpec? in
            guard let m = nodes.members(item, known: Self.fieldKeys, what: "field") else { return nil }
            let key = nodes.string(m, "key", required: true, at: item)
            let type = self.type(m, at: item)
            let children = m["fields"].map { self.fields($0) }
            if type == .list, children == nil { nodes.error(.missingKey("fields"), at: item) }
            if type == .enum, m["values"] == nil { nodes.error(.missingKey("values"), at: item) }
            if type == .quantity, m["unit"] == nil { nodes.error(.missingKey("unit"), at: item) }
            for limit in ["min", "max"] {
                if let text = nodes.string(m, limit, at: item), let type, !Self.limitFits(text, type) {
                    nodes.error(.badLimit(key: limit, value: text), at: m[limit])
                }
            }
            let label = nodes.string(m, "label", at: item)
            let unit = nodes.string(m, "unit", at: item)
            let required = nodes.bool(m, "required") ?? true
            let min = nodes.string(m, "min", at: item), max = nodes.string(m, "max", at: item)
            let minLength = nodes.int(m, "min_length"), maxLength = nodes.int(m, "max_length")
            let values = nodes.strings(m, "values"), aliases = nodes.strings(m, "aliases") ?? []
            let note = nodes.string(m, "note", at: item), example = nodes.string(m, "example", at: item)
            guard let key, let type else { return nil }
            return FieldSpec(key: key, label: label, type: type, unit: unit, required: required, min: min, max: max,
                             minLength: minLength, maxLength: maxLength, values: values, aliases: aliases, fields: children,
                             note: note, example: example, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
        }
    }

    /// True when a `min` or `max` reads as the field's kind of value.
    static func limitFits(_ text: String, _ type: FieldType) -> Bool {
        switch type {
        case .date: return CalendarDate.parse(text) != nil
        default: return type.isNumber && FieldSpec.limit(text, type) != nil
        }
    }

    private mutating func computed(_ node: Node) -> [ComputedSpec] {
        sequence(node, key: "computed").compactMap { item -> ComputedSpec? in
            guard let m = nodes.members(item, known: Self.computedKeys, what: "computed") else { return nil }
            let key = nodes.string(m, "key", required: true, at: item)
            let type = self.type(m, at: item)
            let children = m["fields"].map { self.computed($0) } ?? []
            let value = nodes.source(m, "value", at: item), over = nodes.source(m, "over", at: item)
            if value == nil && over == nil { nodes.error(.missingKey("value"), at: item) }
            if over != nil && children.isEmpty { nodes.error(.missingKey("fields"), at: item) }
            let label = nodes.string(m, "label", at: item), unit = nodes.string(m, "unit", at: item)
            let when = nodes.source(m, "when", at: item)
            let isInternal = nodes.bool(m, "internal") ?? false
            guard let key, let type else { return nil }
            return ComputedSpec(key: key, label: label ?? key, type: type, unit: unit, value: value, when: when, over: over,
                                fields: children, isInternal: isInternal, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
        }
    }

    private mutating func rules(_ node: Node) -> [RuleSpec] {
        sequence(node, key: "rules").compactMap { item -> RuleSpec? in
            guard let m = nodes.members(item, known: Self.ruleKeys, what: "rule") else { return nil }
            let id = nodes.string(m, "id", required: true, at: item)
            let check = nodes.source(m, "check", at: item), unique = nodes.source(m, "unique", at: item)
            if check == nil && unique == nil { nodes.error(.missingKey("check"), at: item) }
            var severity = RuleSpec.Severity.error
            if let s = nodes.string(m, "severity", at: item) {
                if let known = RuleSpec.Severity(rawValue: s) { severity = known } else {
                    nodes.error(.unknownType(s, known: RuleSpec.Severity.allCases.map(\.rawValue)), at: m["severity"])
                }
            }
            let message = nodes.source(m, "message", required: true, at: item)
            let when = nodes.source(m, "when", at: item), value = nodes.source(m, "value", at: item)
            let each = nodes.string(m, "each", at: item), field = nodes.string(m, "field", at: item)
            let label = nodes.string(m, "label", at: item), messageEn = nodes.source(m, "message_en", at: item)
            guard let id, let message else { return nil }
            return RuleSpec(id: id, check: check, unique: unique, when: when, each: each, field: field, label: label, value: value,
                            severity: severity, message: message, messageEn: messageEn, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
        }
    }
}

