import PaperworkOOXML

/// A content control bound to a custom XML part: where its value is stored, and the value's tag.
struct ControlBinding: Sendable {
    /// The custom XML part's item id, `{…}`.
    var storeItemID: String
    /// `/ns0:root[1]/ns0:version[1]`.
    var xpath: String
    var expression: TagExpression
}

/// Content controls (`w:sdt`) whose tag or title names a field: plain and rich text, date pickers with their
/// own format, check boxes, drop-down lists and combo boxes.
///
/// The control stays, so the document keeps its form; its content becomes the value in the formatting of
/// its first run (the placeholder look taken off). A check box becomes a choice between the control
/// checked and unchecked, each with its own symbol. A drop-down list's value must be one of its items
/// (its value or display text); the display text is written. A data-bound control also records where its
/// custom XML part stores the value, so that the part is filled too.
extension WordFields {
    /// The control rewritten, or nil when it names no field or already holds tags.
    mutating func control(_ sdt: MarkupElement) -> MarkupElement? {
        guard let properties = sdt.elements.first(where: { $0.localName == "sdtPr" }),
              let name = (value(of: "tag", in: properties) ?? value(of: "alias", in: properties))?.trimmed, !name.isEmpty,
              let content = sdt.elements.first(where: { $0.localName == "sdtContent" }), !holdsTag([content]) else { return nil }
        let key = resolve?(name) ?? name
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        let path = ValuePath.keys(parts.contains(where: \.isEmpty) ? [FieldKey(key)] : parts.map { FieldKey(String($0)) })
        let code = "内容控件 " + name
        let prefix = prefix(of: sdt)
        let binding = properties.elements.first { $0.localName == "dataBinding" }
            .flatMap { b in attribute("storeItemID", of: b).flatMap { store in attribute("xpath", of: b).map { (store, $0) } } }
        if let box = properties.elements.first(where: { $0.localName == "checkbox" }) {
            if let (store, xpath) = binding {
                bindings.append(ControlBinding(storeItemID: store, xpath: xpath,
                                               expression: TagExpression(path: path, filters: [FilterCall(name: Filters.xmlBoolean, arguments: [])])))
            }
            return checkbox(sdt, box: box, path: path, code: code)
        }
        var filters: [FilterCall] = []
        var shownProperties = properties
        shownProperties.children.removeAll { if case .element(let e) = $0 { e.localName == "showingPlcHdr" } else { false } }
        if let date = properties.elements.first(where: { $0.localName == "date" }) {
            let format = date.elements.first { $0.localName == "dateFormat" }.flatMap { attribute("val", of: $0) }
            filters.append(FilterCall(name: "date", arguments: format.map { [.string($0.replacingOccurrences(of: "'", with: ""))] } ?? []))
            shownProperties.children = shownProperties.children.map { node in
                guard case .element(var d) = node, d.localName == "date" else { return node }
                d.attributes.removeAll { $0.name.hasSuffix("fullDate") }
                return .element(d)
            }
        } else if let list = properties.elements.first(where: { $0.localName == "dropDownList" }) {
            var arguments: [FilterArgument] = []
            for item in list.elements where item.localName == "listItem" {
                let shown = attribute("displayText", of: item) ?? attribute("value", of: item) ?? ""
                arguments += [.string(attribute("value", of: item) ?? shown), .string(shown)]
            }
            filters.append(FilterCall(name: Filters.listItem, arguments: arguments))
        }
        let expression = TagExpression(path: path, filters: filters)
        if let (store, xpath) = binding {
            bindings.append(ControlBinding(storeItemID: store, xpath: xpath, expression: TagExpression(path: path, filters: [])))
        }
        notes.append(.merge(expression, code: code))
        let marker = String(notes.count - 1)
        var out = sdt
        out.children = sdt.children.map { node in
            guard case .element(let e) = node else { return node }
            if e.localName == "sdtPr" { return .element(shownProperties) }
            guard e.localName == "sdtContent" else { return node }
            var c = e
            c.children = [.element(filledContent(e, prefix: prefix, marker: marker))]
            return .element(c)
        }
        return out
    }

    /// A control with tags typed inside it, without the placeholder look (`showingPlcHdr`, the PlaceholderText
    /// style), so that Word shows the filled text as text; nil when it holds no tag.
    func withTypedTags(_ sdt: MarkupElement) -> MarkupElement? {
        guard let content = sdt.elements.first(where: { $0.localName == "sdtContent" }), holdsTag([content]) else { return nil }
        return Self.mapped(sdt) { element in
            var e = element
            e.children.removeAll { node in
                guard case .element(let c) = node else { return false }
                return c.localName == "showingPlcHdr"
                    || (c.localName == "rStyle" && attribute("val", of: c)?.hasPrefix("Placeholder") == true)
            }
            return e
        }
    }

    /// The control's content as one run holding the value, inside its first paragraph when it holds paragraphs.
    private func filledContent(_ content: MarkupElement, prefix: String, marker: String) -> MarkupElement {
        let paragraph = content.elements.first { $0.localName == "p" }
        let firstRun = content.descendants(named: "r").first
        var run = MarkupElement(prefix + "r")
        if var properties = firstRun?.elements.first(where: { $0.localName == "rPr" }) {
            properties.children.removeAll { node in
                if case .element(let e) = node, e.localName == "rStyle", attribute("val", of: e)?.hasPrefix("Placeholder") == true { return true }
                return false
            }
            run.children.append(.element(properties))
        }
        run.children.append(.element(MarkupElement(prefix + "t", attributes: [
            MarkupAttribute("xml:space", "preserve"), MarkupAttribute(Self.marker, marker),
        ])))
        guard var p = paragraph else { return run }
        p.children = p.children.filter { if case .element(let e) = $0 { e.localName == "pPr" } else { false } } + [.element(run)]
        return p
    }

    /// A check box as a choice: the control checked, with its checked symbol, or unchecked.
    private mutating func checkbox(_ sdt: MarkupElement, box: MarkupElement, path: ValuePath, code: String) -> MarkupElement {
        func state(_ checked: Bool) -> [UInt8] {
            let stateName = checked ? "checkedState" : "uncheckedState"
            let symbol = box.elements.first { $0.localName == stateName }.flatMap { attribute("val", of: $0) }
                .flatMap { UInt32($0, radix: 16) }.flatMap(Unicode.Scalar.init).map(String.init) ?? (checked ? "☒" : "☐")
            var e = sdt
            e.children = sdt.children.map { node in
                guard case .element(var child) = node else { return node }
                if child.localName == "sdtPr" {
                    child = Self.mapped(child) { element in
                        guard element.localName == "checked" else { return element }
                        var c = element
                        if let i = c.attributes.firstIndex(where: { $0.name.hasSuffix("val") }) { c.attributes[i].value = checked ? "1" : "0" }
                        return c
                    }
                } else if child.localName == "sdtContent" {
                    var first = true
                    child = Self.mapped(child) { element in
                        guard element.localName == "t" else { return element }
                        var t = element
                        t.children = first ? [.text(symbol)] : []
                        first = false
                        return t
                    }
                }
                return .element(child)
            }
            var bytes: [UInt8] = []
            MarkupSerializer.write(.element(e), into: &bytes)
            return bytes
        }
        notes.append(.choice(TagExpression(path: path, filters: []), code: code, yes: state(true), no: state(false)))
        return MarkupElement("paperwork-choice", attributes: [MarkupAttribute(Self.marker, String(notes.count - 1))])
    }

    private static func mapped(_ element: MarkupElement, _ transform: (MarkupElement) -> MarkupElement) -> MarkupElement {
        var e = transform(element)
        e.children = e.children.map { if case .element(let c) = $0 { .element(mapped(c, transform)) } else { $0 } }
        return e
    }

    private func value(of name: String, in properties: MarkupElement) -> String? {
        properties.elements.first { $0.localName == name }.flatMap { attribute("val", of: $0) }
    }

    private func attribute(_ local: String, of e: MarkupElement) -> String? {
        e.attributes.first { $0.name == local || $0.name.hasSuffix(":" + local) }?.value
    }
}

/// Filling custom XML parts at the places data-bound controls name.
enum CustomXMLBinding {
    /// The part with a tag written at each bound place (`/ns0:root[1]/ns0:version[1]`).
    static func apply(_ bindings: [ControlBinding], to document: MarkupDocument) -> MarkupDocument {
        var doc = document
        for binding in bindings {
            let steps = binding.xpath.split(separator: "/").map { step -> (String, Int) in
                let name = step.split(separator: "[").first.map { $0.split(separator: ":").last.map(String.init) ?? "" } ?? ""
                let index = step.split(separator: "[").dropFirst().first.flatMap { Int($0.dropLast()) } ?? 1
                return (name, index)
            }
            guard let first = steps.first, first.0 == String(doc.root.localName), first.1 == 1,
                  !steps.contains(where: { $0.0.hasPrefix("@") }) else { continue }
            let source = "{{" + binding.expression.description + "}}"
            guard (try? TagParser.parse(String(source.dropFirst(2).dropLast(2)))) != nil else { continue }
            doc.root = set(doc.root, steps.dropFirst(), to: source)
        }
        return doc
    }

    private static func set(_ element: MarkupElement, _ steps: ArraySlice<(String, Int)>, to text: String) -> MarkupElement {
        var e = element
        guard let step = steps.first else {
            e.children = [.text(text)]
            return e
        }
        var seen = 0
        e.children = e.children.map { node in
            guard case .element(let child) = node, String(child.localName) == step.0 else { return node }
            seen += 1
            return seen == step.1 ? .element(set(child, steps.dropFirst(), to: text)) : node
        }
        return e
    }
}
