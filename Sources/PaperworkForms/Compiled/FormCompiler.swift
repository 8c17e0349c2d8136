import PaperworkTemplate

/// Checks a manifest's expressions against its fields and a policy, and compiles them: unknown fields
/// and policy keys, syntax and type errors, circular computed values — every one with its place.
struct FormCompiler {
    let manifest: FormManifest
    var nodes: YAMLNodes
    var scope = Scope()
    var state = CheckState()
    var labels: [String: String] = [:]
    /// The expressions compiled so far, lowered for evaluation.
    var program = Program()
    /// Every field and computed value an expression reads.
    var used: Set<String> = []

    init(manifest: FormManifest, policy: Policy, file: String) {
        self.manifest = manifest
        nodes = YAMLNodes(file: file)
        scope.policy = policy.values
        scope.rows = manifest.rows
    }

    static func compile(_ manifest: FormManifest, policy: Policy, file: String) -> (CompiledForm?, [ManifestProblem]) {
        let (form, problems, _) = compileNoting(manifest, policy: policy, file: file)
        return (form, problems)
    }

    /// Compiles, and tells which fields and computed values the expressions read.
    static func compileNoting(_ manifest: FormManifest, policy: Policy, file: String) -> (CompiledForm?, [ManifestProblem], used: Set<String>) {
        var compiler = FormCompiler(manifest: manifest, policy: policy, file: file)
        let form = compiler.run()
        return (compiler.nodes.problems.contains { $0.severity == .error } ? nil : form, compiler.nodes.problems, compiler.used)
    }

    private mutating func problem(_ kind: ManifestProblem.Kind, line: Int, column: Int) {
        nodes.problems.append(ManifestProblem(.error, kind, file: nodes.file, line: line, column: column))
    }

    private mutating func declare() {
        for f in manifest.fields {
            if scope.fields[f.key] != nil { problem(.duplicateField(f.key), line: f.line, column: f.column) }
            labels[f.key] = f.label
            if f.type == .list {
                var items: [String: ValueType] = [:]
                for i in f.fields ?? [] {
                    items[i.key] = i.valueType
                    labels[i.key] = labels[i.key] ?? i.label
                }
                scope.lists[f.key] = items
                scope.fields[f.key] = .list(.record(items))
            } else {
                scope.fields[f.key] = f.valueType
            }
        }
        for c in manifest.computed {
            if let (list, key) = Self.itemKey(c.key) {
                guard scope.lists[list] != nil else {
                    let e = ExpressionError(scope.fields[list] == nil ? .unknownField(list) : .notAList(list), at: 0)
                    problem(.expression(e, key: "key"), line: c.line, column: c.column)
                    continue
                }
                if scope.lists[list]?[key] != nil { problem(.duplicateField(c.key), line: c.line, column: c.column) }
                scope.lists[list]?[key] = c.valueType
                scope.itemComputed.insert(c.key)
                labels[key] = labels[key] ?? c.label
            } else {
                if scope.fields[c.key] != nil { problem(.duplicateField(c.key), line: c.line, column: c.column) }
                if c.type == .list {
                    let items = Dictionary(c.fields.map { ($0.key, $0.valueType) }, uniquingKeysWith: { a, _ in a })
                    scope.lists[c.key] = items
                    scope.fields[c.key] = .list(.record(items))
                } else {
                    scope.fields[c.key] = c.valueType
                }
                scope.computed.insert(c.key)
            }
        }
    }

    /// `企业[].培训补贴` → (`企业`, `培训补贴`).
    static func itemKey(_ key: String) -> (list: String, key: String)? {
        guard let r = key.range(of: "[].") else { return nil }
        return (String(key[..<r.lowerBound]), String(key[r.upperBound...]))
    }

    /// Parses and checks one expression; nil after reporting what is wrong.
    mutating func expression(_ source: SourceText?, key: String, expect: ValueType? = nil, bound: [String] = [],
                             perItem: Bool = false, locals: [String: (slot: Int, type: ValueType)] = [:]) -> (Code, ValueType, Set<String>)? {
        guard let source else { return nil }
        var checker = Checker(scope: scope, state: state)
        checker.bound = bound
        checker.perItem = perItem
        checker.locals = locals
        do {
            let syntax = try Parser.parse(source.text)
            let (e, t) = try checker.check(syntax)
            if let expect { try checker.expect(expect, t, key, at: 0) }
            state = checker.state
            used.formUnion(checker.reads)
            program.addFrames(state.frames, fields: scope.lists)
            return (program.add(e), t, checker.dependencies)
        } catch {
            nodes.error(error, in: source, key: key)
            return nil
        }
    }

    private mutating func run() -> CompiledForm {
        declare()
        var top: [(CompiledValue, Set<String>, ComputedSpec)] = []
        var items: [String: [(CompiledValue, Set<String>, ComputedSpec)]] = [:]
        for c in manifest.computed {
            if let (list, key) = Self.itemKey(c.key) {
                guard scope.lists[list] != nil else { continue }
                let value = expression(c.value, key: c.key, bound: [list], perItem: true)
                let when = expression(c.when, key: c.key + " when", expect: .bool, bound: [list], perItem: true)
                checkType(c, value?.1)
                let frame = state.frame(list)
                program.addFrames(state.frames, fields: scope.lists)
                let slot = program.slot(key, frame: frame)
                var itemValue: Int?
                if let slot, let value { itemValue = program.addItemValue(frame: frame, slot: slot, value: value.0, when: when?.0) }
                let compiled = CompiledValue(key: c.key, path: [FieldKey(key)], slot: slot, itemValue: itemValue, value: value?.0, when: when?.0, list: nil, isInternal: c.isInternal)
                items[list, default: []].append((compiled, (value?.2 ?? []).union(when?.2 ?? []), c))
            } else if let over = c.over {
                guard let (overExpr, overType, deps) = expression(over, key: c.key + " over") else { continue }
                guard case .list(let element) = overType else {
                    let e = ExpressionError(.typeMismatch(context: "over", expected: .list, found: overType), at: 0)
                    nodes.error(e, in: over, key: c.key)
                    continue
                }
                let slot = state.locals
                state.locals += 1
                var all = deps
                var fields: [(FieldKey, Code)] = []
                for f in c.fields {
                    guard let (e, t, d) = expression(f.value, key: c.key + "." + f.key, locals: ["item": (slot, element)]) else { continue }
                    checkType(f, t)
                    all.formUnion(d)
                    fields.append((FieldKey(f.key), e))
                }
                let when = expression(c.when, key: c.key + " when", expect: .bool)
                all.formUnion(when?.2 ?? [])
                top.append((CompiledValue(key: c.key, path: [FieldKey](dotted: c.key), slot: nil, itemValue: nil, value: nil, when: when?.0,
                                          list: (overExpr, slot, fields), isInternal: c.isInternal), all, c))
            } else {
                let value = expression(c.value, key: c.key)
                let when = expression(c.when, key: c.key + " when", expect: .bool)
                checkType(c, value?.1)
                top.append((CompiledValue(key: c.key, path: [FieldKey](dotted: c.key), slot: nil, itemValue: nil, value: value?.0, when: when?.0, list: nil,
                                          isInternal: c.isInternal), (value?.2 ?? []).union(when?.2 ?? []), c))
            }
        }
        let ordered = order(top)
        var rules: [CompiledRule] = []
        var itemRules: [String: [CompiledRule]] = [:]
        for r in manifest.rules {
            guard let rule = rule(r) else { continue }
            if let each = r.each, each == manifest.rows { itemRules[each, default: []].append(rule) } else { rules.append(rule) }
        }
        var plans: [ItemPlan] = []
        let lists = Set(items.keys).union(itemRules.keys).union(manifest.rows.map { [$0] } ?? []).sorted().filter { scope.lists[$0] != nil }
        for list in lists { _ = state.frame(list) }
        program.addFrames(state.frames, fields: scope.lists)
        let accumulators = state.accumulators.map { a in (a.function, program.addBody(a.function, a.body), a.extra.first.map { program.add($0) }) }
        for list in lists {
            let isRows = list == manifest.rows
            plans.append(ItemPlan(list: list, path: [FieldKey](dotted: list), frame: state.frame(list), isRows: isRows,
                                  computed: order(items[list] ?? [], item: list), rules: itemRules[list] ?? [],
                                  accumulators: isRows ? accumulators : []))
        }
        return CompiledForm(manifest: manifest, program: program, locals: state.locals, computed: ordered,
                            plans: plans, rules: rules, labels: labels)
    }

    private mutating func checkType(_ c: ComputedSpec, _ type: ValueType?) {
        guard let type, !c.valueType.accepts(type) else { return }
        let place = c.value.map { nodes.place($0, offset: 0) } ?? (c.line, c.column)
        problem(.wrongType(key: c.key, declared: c.valueType, computed: type), line: place.0, column: place.1)
    }

    /// The computed values, each after the ones it reads; a circle is reported once, with its keys.
    private mutating func order(_ values: [(CompiledValue, Set<String>, ComputedSpec)], item list: String? = nil) -> [CompiledValue] {
        let byKey = Dictionary(values.map { ($0.0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var done: Set<String> = [], visiting: [String] = [], out: [CompiledValue] = []
        var reported = false
        func visit(_ key: String) {
            guard !done.contains(key), let entry = byKey[key] else { return }
            if let start = visiting.firstIndex(of: key) {
                if !reported {
                    reported = true
                    let spec = entry.2
                    let place = spec.value.map { nodes.place($0, offset: 0) } ?? (spec.line, spec.column)
                    problem(.circular(Array(visiting[start...]) + [key]), line: place.0, column: place.1)
                }
                return
            }
            visiting.append(key)
            for d in entry.1.sorted() { visit(d) }
            visiting.removeLast()
            guard !done.contains(key) else { return }
            done.insert(key)
            out.append(entry.0)
        }
        for v in values { visit(v.0.key) }
        return out
    }
}
