import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// The case data a document carries in its custom XML part: what it was filled from, by which form,
/// under which policy, by which version of paperwork.
///
/// ```xml
/// <case xmlns="urn:paperwork:case:1" form="hr-enterprise-list" template="template.xlsx" version="0.1.0"
///       formDigest="sha256:…" policyDigest="sha256:…" caseDigest="sha256:…">
///   <s k="部门">区商务局</s><n k="批次">2</n>
///   <rows k="企业" count="100000" digest="sha256:…"/>
/// </case>
/// ```
/// Values are typed elements: `s` text, `n` number, `b` boolean, `z` null, `o` object (members sorted
/// by key), `l` list. A list too long to hold (a list form's rows read from a table) is written, item
/// by item as the fill reads it, into a second custom XML part (`records`); `rows` gives its length and digest.
public struct EmbeddedCase: Sendable, Equatable {
    /// The namespace of the part's root element, by which paperwork finds its own part among others.
    public static let namespace = "urn:paperwork:case:1"
    /// The namespace of the part that holds a streamed list's records, one `o` element each.
    public static let rowsNamespace = "urn:paperwork:records:1"

    /// A streamed list: how many items, and the digest of their canonical form.
    public struct Rows: Sendable, Equatable {
        public var list: String
        public var count: Int
        public var digest: String
    }

    /// The form's name; nil for a plain template.
    public var form: String?
    /// The template's file name.
    public var template: String
    public var version: String
    /// Digest of the form's manifest and template (of the template alone without a form).
    public var formDigest: String
    /// Digest of the policy file; nil without a form.
    public var policyDigest: String?
    /// Digest of `data` and `rows`.
    public var caseDigest: String
    /// The declared fields and computed values (a streamed list left out).
    public private(set) var data: TemplateValue
    public private(set) var rows: Rows?
    /// The canonical bytes of `data` and `rows` when this case was made from them, so that they are written once.
    private var madeBody: [UInt8]?

    public static func == (a: EmbeddedCase, b: EmbeddedCase) -> Bool {
        a.form == b.form && a.template == b.template && a.version == b.version && a.formDigest == b.formDigest
            && a.policyDigest == b.policyDigest && a.caseDigest == b.caseDigest && a.data == b.data && a.rows == b.rows
    }

    /// The part's bytes: deterministic, members in key order.
    public func serialized() -> [UInt8] {
        var out = MarkupSerializer.declaration
        out += "<case xmlns=\"\(Self.namespace)\"".utf8
        var attributes: [(String, String)] = []
        if let form { attributes.append(("form", form)) }
        attributes += [("template", template), ("version", version), ("formDigest", formDigest)]
        if let policyDigest { attributes.append(("policyDigest", policyDigest)) }
        attributes.append(("caseDigest", caseDigest))
        for (name, value) in attributes {
            out += " \(name)=\"".utf8
            MarkupSerializer.appendEscapedAttribute(value, into: &out)
            out += "\"".utf8
        }
        out += ">".utf8
        out += madeBody ?? Self.body(data, rows: rows)
        out += "</case>".utf8
        return out
    }

    /// The canonical bytes of the data, which the case digest covers.
    static func body(_ data: TemplateValue, rows: Rows?) -> [UInt8] {
        var out: [UInt8] = []
        if case .object(let members) = data {
            for key in members.keys.sorted() { CanonicalValue.write(members[key] ?? .null, key: key.text, into: &out) }
        }
        if let rows {
            out += "<rows k=\"".utf8
            MarkupSerializer.appendEscapedAttribute(rows.list, into: &out)
            out += "\" count=\"\(rows.count)\" digest=\"\(rows.digest)\"/>".utf8
        }
        return out
    }

    static func caseDigest(_ data: TemplateValue, rows: Rows?) -> String { SHA256.label(body(data, rows: rows)) }

    /// Reads the part.
    init(_ document: MarkupDocument, part: String) throws(ExtractError) {
        let root = document.root
        guard root.localName == "case", let template = root[attribute: "template"], let version = root[attribute: "version"],
              let formDigest = root[attribute: "formDigest"], let caseDigest = root[attribute: "caseDigest"] else {
            throw .badEmbeddedPart(part: part)
        }
        self.form = root[attribute: "form"]
        self.template = template
        self.version = version
        self.formDigest = formDigest
        self.policyDigest = root[attribute: "policyDigest"]
        self.caseDigest = caseDigest
        var members: [FieldKey: TemplateValue] = [:]
        for element in root.elements {
            if element.localName == "rows" {
                guard let list = element[attribute: "k"], let count = element[attribute: "count"].flatMap(Int.init),
                      let digest = element[attribute: "digest"] else { throw .badEmbeddedPart(part: part) }
                rows = Rows(list: list, count: count, digest: digest)
            } else if let key = element[attribute: "k"] {
                members[FieldKey(key)] = try CanonicalValue.read(element, part: part)
            }
        }
        data = .object(members)
    }

    init(form: String?, template: String, version: String, formDigest: String, policyDigest: String?, data: TemplateValue, rows: Rows?) {
        self.form = form
        self.template = template
        self.version = version
        self.formDigest = formDigest
        self.policyDigest = policyDigest
        self.data = data
        self.rows = rows
        let body = Self.body(data, rows: rows)
        madeBody = body
        caseDigest = SHA256.label(body)
    }

    /// The case embedded in a package, if paperwork wrote one.
    public static func read(from package: OOXMLPackage) throws(PaperworkError) -> EmbeddedCase? {
        do { return try embedded(in: package) } catch { throw .wrap(error) }
    }

    static func embedded(in package: OOXMLPackage) throws -> EmbeddedCase? {
        guard let part = try package.customXMLParts(namespace: namespace).first else { return nil }
        return try EmbeddedCase(package.xml(of: part), part: part)
    }

    /// Calls `body` with each record of the streamed list's part, in order, one at a time; false when there is no such part.
    public static func forEachRecord(in package: OOXMLPackage, _ body: (TemplateValue) throws -> Void) throws -> Bool {
        guard let part = try package.customXMLParts(namespace: rowsNamespace).first else { return false }
        try MarkupParser.forEachChild(ofPart: part, in: package) { element in try body(CanonicalValue.read(element, part: part)) }
        return true
    }

    /// True when the data still has the digest written with it (the part itself was not edited).
    public var isIntact: Bool { Self.caseDigest(data, rows: rows) == caseDigest }
}

/// Values as typed XML elements, written the same way every time.
enum CanonicalValue {
    /// The sorted keys of the last few kinds of object written: a list's items share their keys, and sorting
    /// Chinese keys for every item of a long list costs more than writing them.
    struct KeyOrders {
        /// An order of keys with each key's ` k="…"` attribute, escaped once.
        struct Order {
            let keys: [FieldKey]
            let attributes: [[UInt8]]
        }
        private var orders: [Order] = []

        mutating func sorted(_ members: [FieldKey: TemplateValue]) -> Order {
            for order in orders where order.keys.count == members.count && order.keys.allSatisfy({ members[$0] != nil }) { return order }
            let keys = members.keys.sorted()
            let order = Order(keys: keys, attributes: keys.map(CanonicalValue.keyAttribute))
            if orders.count == 4 { orders.removeFirst() }
            orders.append(order)
            return order
        }
    }

    /// ` k="…"`, the key escaped.
    static func keyAttribute(_ key: FieldKey) -> [UInt8] {
        keyAttribute(key.text)
    }

    private static func keyAttribute(_ key: String) -> [UInt8] {
        var out = Array(" k=\"".utf8)
        MarkupSerializer.appendEscapedAttribute(key, into: &out)
        out.append(UInt8(ascii: "\""))
        return out
    }

    static func write(_ value: TemplateValue, key: String?, into out: inout [UInt8]) {
        var orders = KeyOrders()
        write(value, key: key, into: &out, orders: &orders)
    }

    static func write(_ value: TemplateValue, key: String?, into out: inout [UInt8], orders: inout KeyOrders) {
        write(value, keyAttribute: key.map(keyAttribute), into: &out, orders: &orders)
    }

    /// Writes one value as its element (`s`, `n`, `b`, `z`, `l`, `o`), with its key's attribute when it has one.
    private static func write(_ value: TemplateValue, keyAttribute: [UInt8]?, into out: inout [UInt8], orders: inout KeyOrders) {
        func open(_ tag: Unicode.Scalar) {
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: tag))
            if let keyAttribute { out += keyAttribute }
        }
        func close(_ tag: Unicode.Scalar) {
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            out.append(UInt8(ascii: tag))
            out.append(UInt8(ascii: ">"))
        }
        switch value {
        case .null: open("z"); out += "/>".utf8
        case .bool(let b): open("b"); out += (b ? ">true" : ">false").utf8; close("b")
        case .number(let n): open("n"); out.append(UInt8(ascii: ">")); out += DecimalFormat.plain(n).utf8; close("n")
        case .string(let s):
            open("s"); out.append(UInt8(ascii: ">"))
            let clean = s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0xEF }
            let kept = clean || s.unicodeScalars.allSatisfy(isAllowed) ? s : String(String.UnicodeScalarView(s.unicodeScalars.filter(isAllowed)))
            MarkupSerializer.appendEscapedText(kept, into: &out)
            close("s")
        case .list(let items):
            open("l"); out.append(UInt8(ascii: ">"))
            for item in items { write(item, keyAttribute: nil, into: &out, orders: &orders) }
            close("l")
        case .object(let members):
            open("o"); out.append(UInt8(ascii: ">"))
            let order = orders.sorted(members)
            for (k, attribute) in zip(order.keys, order.attributes) { write(members[k] ?? .null, keyAttribute: attribute, into: &out, orders: &orders) }
            close("o")
        }
    }

    static func read(_ element: MarkupElement, part: String) throws(ExtractError) -> TemplateValue {
        switch element.localName {
        case "z": return .null
        case "b": return .bool(element.textContent == "true")
        case "n":
            guard let n = Decimal(string: element.textContent, locale: .posix) else { throw .badEmbeddedPart(part: part) }
            return .number(n)
        case "s": return .string(element.textContent)
        case "l":
            var items: [TemplateValue] = []
            for child in element.elements { items.append(try read(child, part: part)) }
            return .list(items)
        case "o":
            var members: [FieldKey: TemplateValue] = [:]
            for child in element.elements {
                guard let k = child[attribute: "k"] else { throw .badEmbeddedPart(part: part) }
                members[FieldKey(k)] = try read(child, part: part)
            }
            return .object(members)
        default: throw .badEmbeddedPart(part: part)
        }
    }

    /// XML 1.0 characters: a value with a control character is kept without it rather than making the part unreadable.
    private static func isAllowed(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && v != 0xFFFE && v != 0xFFFF
    }
}
