import PaperworkTemplate

extension FormCompiler {
    mutating func rule(_ r: RuleSpec) -> CompiledRule? {
        var bound: [String] = []
        if let each = r.each {
            guard scope.lists[each] != nil else {
                let e = ExpressionError(scope.fields[each] == nil ? .unknownField(each) : .notAList(each), at: 0)
                nodes.problems.append(ManifestProblem(.error, .expression(e, key: "each"),
                                                      file: nodes.file, line: r.line, column: r.column))
                return nil
            }
            bound = [each]
        }
        let key = "rules.\(r.id)"
        var locals: [String: (slot: Int, type: ValueType)] = [:]
        var firstLocal: Int?
        if r.unique != nil {
            firstLocal = state.locals
            locals["first"] = (state.locals, .text)
            state.locals += 1
        }
        let test: CompiledRule.Test
        if let unique = r.unique {
            guard let (e, _, _) = expression(unique, key: key + ".unique", bound: bound) else { return nil }
            test = .unique(e)
        } else {
            guard let (e, _, _) = expression(r.check, key: key + ".check", expect: .bool, bound: bound) else { return nil }
            test = .holds(e)
        }
        let when = expression(r.when, key: key + ".when", expect: .bool, bound: bound)
        let value = expression(r.value, key: key + ".value", bound: bound)
        let message = parts(r.message, key: key + ".message", bound: bound, locals: locals)
        let messageEn = r.messageEn.map { parts($0, key: key + ".message_en", bound: bound, locals: locals) } ?? message
        var fieldPath: [FieldKey]?
        if let field = r.field {
            guard let path = resolve(field: field, each: r.each) else {
                nodes.problems.append(ManifestProblem(.error, .expression(ExpressionError(.unknownField(field), at: 0), key: key + ".field"),
                                                      file: nodes.file, line: r.line, column: r.column))
                return nil
            }
            fieldPath = path
            let inItem = r.each.flatMap { scope.lists[$0]?[path.map(\.text).joined(separator: ".")] } != nil
            used.insert(inItem ? (r.each ?? "") + "[]." + path.map(\.text).joined(separator: ".") : field)
        }
        guard r.value == nil || value != nil, r.when == nil || when != nil, let message, let messageEn else { return nil }
        return CompiledRule(id: r.id, severity: r.severity, each: r.each.map { (state.frame($0), [FieldKey](dotted: $0)) }, test: test, when: when?.0, field: r.field, fieldPath: fieldPath,
                            label: r.label ?? r.field.flatMap { labels[$0] ?? labels[String($0.split(separator: ".").last ?? "")] },
                            value: value?.0, message: message, messageEn: messageEn, firstLocal: firstLocal)
    }

    /// The path a finding's field is read at: in the item for a rule on a list's items (`培训人数`, `付息记录.日期`), else in the case.
    private func resolve(field: String, each: String?) -> [FieldKey]? {
        if let each, let items = scope.lists[each] {
            if items[field] != nil { return [FieldKey(field)] }
            if field.hasPrefix(each + "."), items[String(field.dropFirst(each.count + 1))] != nil {
                return [FieldKey(String(field.dropFirst(each.count + 1)))]
            }
        }
        return scope.fields[field] != nil ? [FieldKey](dotted: field) : nil
    }

    /// A message's text and `{expression}` parts (`{{` and `}}` stand for braces).
    private mutating func parts(_ source: SourceText, key: String, bound: [String], locals: [String: (slot: Int, type: ValueType)]) -> [MessagePart]? {
        let chars = Array(source.text)
        var out: [MessagePart] = []
        var text = ""
        var i = 0
        var ok = true
        while i < chars.count {
            let c = chars[i]
            if (c == "{" || c == "}"), i + 1 < chars.count, chars[i + 1] == c {
                text.append(c)
                i += 2
                continue
            }
            guard c == "{" else { text.append(c); i += 1; continue }
            guard let end = chars[(i + 1)...].firstIndex(of: "}") else {
                nodes.error(ExpressionError(.unexpected(found: "{", expected: .token("}")), at: i), in: source, key: key)
                return nil
            }
            if !text.isEmpty { out.append(.text(text)); text = "" }
            let (line, column) = nodes.place(source, offset: i + 1)
            let inner = SourceText(text: String(chars[(i + 1)..<end]), line: line, column: column, lead: 0)
            if let (e, _, _) = expression(inner, key: key, bound: bound, locals: locals) { out.append(.value(e)) } else { ok = false }
            i = end + 1
        }
        if !text.isEmpty { out.append(.text(text)) }
        return ok ? out : nil
    }
}
