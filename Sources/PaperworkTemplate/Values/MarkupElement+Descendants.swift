import PaperworkOOXML

extension MarkupElement {
    /// The elements below this one with the local name `name`, in document order.
    func descendants(named name: String) -> [MarkupElement] {
        elements.flatMap { ($0.localName == name ? [$0] : []) + $0.descendants(named: name) }
    }
}
