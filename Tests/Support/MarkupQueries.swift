import PaperworkOOXML

/// Structural questions about parsed XML, for tests: elements and attributes found by local name, so a check does not
/// depend on the prefixes a producer chose, on attribute order or on how the text was serialised.
extension MarkupElement {
    /// Every element below this one, and this one, whose local name is `localName` (every element for nil),
    /// in document order.
    public func all(_ localName: String? = nil) -> [MarkupElement] {
        var found: [MarkupElement] = []
        func walk(_ element: MarkupElement) {
            if localName == nil || element.localName == localName! { found.append(element) }
            for child in element.elements { walk(child) }
        }
        walk(self)
        return found
    }

    /// The child elements whose local name is `localName`.
    public func children(_ localName: String) -> [MarkupElement] {
        elements.filter { $0.localName == localName }
    }

    /// The first child element whose local name is `localName`.
    public func child(_ localName: String) -> MarkupElement? {
        elements.first { $0.localName == localName }
    }

    /// The value of the attribute whose local name is `localName` (`val` finds `w:val`), whatever its prefix.
    public func value(_ localName: String) -> String? {
        attributes.first { attribute in
            let name = attribute.name
            let local = name.firstIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
            return local == localName && !name.hasPrefix("xmlns")
        }?.value
    }
}

/// A formula cell of a worksheet: where it is, its formula and the value cached beside it.
public struct FormulaCell: Equatable, Sendable, CustomStringConvertible {
    public var ref: String
    public var formula: String
    public var cached: String?

    public init(_ ref: String, _ formula: String, _ cached: String?) {
        self.ref = ref
        self.formula = formula
        self.cached = cached
    }

    public var description: String { "\(ref): =\(formula) → \(cached ?? "nil")" }
}

extension MarkupDocument {
    /// The formula cells of a worksheet part, in document order.
    public var formulaCells: [FormulaCell] {
        root.all("c").compactMap { cell in
            guard let formula = cell.child("f") else { return nil }
            return FormulaCell(cell.value("r") ?? "", formula.textContent, cell.child("v")?.textContent)
        }
    }
}
