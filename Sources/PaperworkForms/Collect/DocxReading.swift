import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// A Word document's visible values read back through its form's template (`DocxMapping`), and, when it
/// carries embedded data, compared with the template filled again from that data: each value whose text
/// differs is a difference at its paragraph, and `prefer` says which of the two the data keeps.
struct DocxReading {
    let file: String
    let form: Form
    let prefer: Preference
    let today: CalendarDate

    /// A value tag of the template resolved to the form: where its value goes and what it is.
    fileprivate struct Target {
        var path: [FieldKey]
        /// The item of a list it is in: the list's path and the item's number, from 0.
        var item: (list: [FieldKey], index: Int)?
        var label: String
        /// The declared field (nil for a computed value, which is compared but not read back).
        var spec: FieldSpec?
    }

    /// Fills `data` (whose value holds the embedded inputs, if any) from the document as it now reads.
    func read(_ package: OOXMLPackage, embedded: EmbeddedCase?, into data: inout DocumentData) throws {
        let template = try OOXMLPackage(contentsOf: form.templatePath)
        let mapping = try DocxMapping(template: template)
        let visible = mapping.read(try DocxText(package))
        let inputs = Selection(manifest: form.manifest, computed: false)
        var read = Values()
        var findings: [Finding] = []
        for r in visible.reads {
            guard let target = target(r), let spec = target.spec, let raw = Self.raw(r) else { continue }
            switch convert(raw, spec, target) {
            case .success(let value?): read.set(value, target, keepFirst: true)
            case .success(nil): continue
            case .failure(let finding): findings.append(finding)
            }
        }
        data.findings = findings
        guard let embedded else {
            guard !read.isEmpty else { throw ExtractError.nothingVisible(file: file, template: form.templatePath) }
            data.value = inputs.filter(read.value)
            data.unseenFields = declaredLeaves().filter { !read.seen.contains($0) }
            return
        }
        let filled = try DocxTemplate(package: template, names: form.fieldNames)
            .render(embedded.data, options: RenderOptions(optionalPaths: form.optionalPaths))
        let expected = mapping.read(try DocxText(filled))
        var byKey = Dictionary(expected.reads.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var merged = Values(value: data.value)
        var differences: [Difference] = []
        for r in visible.reads {
            let e = byKey.removeValue(forKey: r.key)
            guard e?.text != r.text, let target = target(r) else { continue }
            differences.append(Difference(file: file, place: r.place.description(true), paragraph: Self.shown(r.place), row: nil, field: target.label,
                                          visible: r.text, embedded: e?.text, used: target.spec == nil ? .embedded : prefer))
            guard prefer == .visible, let spec = target.spec, let raw = Self.raw(r), case .success(let value) = convert(raw, spec, target) else { continue }
            merged.set(value ?? .null, target, keepFirst: false)
        }
        for e in byKey.values.sorted(by: { $0.key < $1.key }) {
            guard let target = target(e) else { continue }
            differences.append(Difference(file: file, place: e.place.description(true), paragraph: Self.shown(e.place), row: nil, field: target.label,
                                          visible: nil, embedded: e.text, used: .embedded))
        }
        for key in visible.unmatched.keys.sorted() {
            guard let u = visible.unmatched[key] else { continue }
            let was = expected.paragraphs[key]?.text ?? u.template
            guard was != u.visible.text else { continue }
            differences.append(Difference(file: file, place: u.visible.place.description(true), paragraph: Self.shown(u.visible.place), row: nil, field: "段落",
                                          visible: u.visible.text, embedded: was, used: .embedded))
        }
        data.value = inputs.filter(merged.value)
        data.differences = differences
    }

    /// A paragraph's place as a difference names it: a table's cell says where it is; the body's paragraphs keep their first words.
    static func shown(_ place: Place) -> Place {
        var p = place
        if p.table != nil { p.excerpt = "" }
        return p
    }

    /// The field or computed value a tag names, in the loop it stands in.
    private func target(_ r: DocxMapping.Read) -> Target? {
        guard case .keys(let keys) = r.slot.path else { return nil }
        let dotted = keys.map(\.text).joined(separator: ".")
        if let loop = r.loops.last, let list = form.manifest.fields.first(where: { $0.path == loop.list && $0.type == .list }) {
            let listKey = list.key
            if let spec = list.fields?.first(where: { $0.key == dotted }) {
                return Target(path: spec.path, item: (loop.list, loop.index), label: "\(list.label)第 \(loop.index + 1) 项 \(spec.label)", spec: spec)
            }
            if let c = form.manifest.computed.first(where: { $0.key == listKey + "[]." + dotted }) {
                return Target(path: keys, item: (loop.list, loop.index), label: "\(list.label)第 \(loop.index + 1) 项 \(c.label)", spec: nil)
            }
        }
        if let spec = form.manifest.fields.first(where: { $0.key == dotted && $0.type != .list }) {
            return Target(path: spec.path, item: nil, label: spec.label, spec: spec)
        }
        if let c = form.manifest.computed.first(where: { $0.key == dotted }) {
            return Target(path: keys, item: nil, label: c.label, spec: nil)
        }
        return nil
    }

    /// The value a tag's text stands for before its field's conversion; nil when its filter cannot be read back.
    static func raw(_ r: DocxMapping.Read) -> TemplateValue? {
        if r.slot.filters.contains(where: TextPattern.oneWay.contains) { return nil }
        if r.slot.filters.contains("check") {
            switch r.text.trimmed {
            case "☑", "☒", "✓", "✔", "√": return .bool(true)
            case "☐", "□": return .bool(false)
            default: return .string(r.text)
            }
        }
        return r.text.trimmed.isEmpty ? .null : .string(r.text.trimmed)
    }

    private enum Converted {
        case success(TemplateValue?)
        case failure(Finding)
    }

    private func convert(_ raw: TemplateValue, _ spec: FieldSpec, _ target: Target) -> Converted {
        do { return .success(try FieldConverter.convert(raw, spec, today: today)) } catch {
            return .failure(Finding(.error, record: 0, row: nil, field: spec.key, label: target.label, value: raw.displayText,
                                    rule: error.rule, zh: error.zh, en: error.en))
        }
    }

    /// The declared fields a document can show: `企业.名称`, and a list's item fields as `付息记录[].日期`.
    private func declaredLeaves() -> [String] {
        form.manifest.fields.flatMap { f -> [String] in
            f.type == .list ? (f.fields ?? []).map { "\(f.key)[].\($0.key)" } : [f.key]
        }
    }
}

/// Values read back, a list's items by number until they are put in place.
private struct Values {
    private var root: TemplateValue
    private var items: [[FieldKey]: [Int: TemplateValue]] = [:]
    /// The declared fields read, as `declaredLeaves` names them.
    private(set) var seen: Set<String> = []

    init(value: TemplateValue = .object([:])) {
        root = value
        guard case .object(let members) = value else { return }
        for (key, member) in members {
            if case .list(let list) = member { items[[key]] = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($0.offset, $0.element) }) }
        }
    }

    var isEmpty: Bool { seen.isEmpty }

    mutating func set(_ value: TemplateValue, _ target: DocxReading.Target, keepFirst: Bool) {
        if let (list, index) = target.item {
            var item = items[list]?[index] ?? .object([:])
            if keepFirst, item.value(at: target.path) != nil { return }
            item.set(value, at: target.path)
            items[list, default: [:]][index] = item
            seen.insert(list.map(\.text).joined(separator: ".") + "[]." + target.path.map(\.text).joined(separator: "."))
        } else {
            if keepFirst, root.value(at: target.path) != nil { return }
            root.set(value, at: target.path)
            seen.insert(target.path.map(\.text).joined(separator: "."))
        }
    }

    var value: TemplateValue {
        var v = root
        for (list, byIndex) in items {
            v.set(.list(byIndex.keys.sorted().compactMap { byIndex[$0] }), at: list)
        }
        return v
    }
}
