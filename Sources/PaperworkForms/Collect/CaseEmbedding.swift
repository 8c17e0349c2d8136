import Foundation
import PaperworkOOXML
import PaperworkTemplate
import Synchronization

/// The version of paperwork written into the documents it makes.
public enum PaperworkVersion {
    public static let string = "0.1.0"
}

/// Puts the case a document was filled from into the document, as a custom XML part.
///
/// Only what the form declares — its fields and computed values — is embedded; for a plain template,
/// only the top-level values its tags name. Other columns of the source spreadsheet never are.
/// A list streamed from a table is not held to be embedded: its items are digested as the fill reads
/// them, and the part records their count and digest (see `EmbeddedCase`).
public struct CaseEmbedding: Sendable {
    let form: Form?
    let templateName: String
    let formDigest: String
    let policyDigest: String?
    let selection: Selection
    /// The custom XML item a Word template was given for every document (`preparing(_:)`), filled per document.
    var item: CustomXMLItem?

    /// Reads the digests of the form (manifest and template) and the policy once, for many documents.
    public init(form: Form?, policy: Policy?, templatePath: String, template: DocumentTemplate) {
        self.form = form
        templateName = URL(fileURLWithPath: templatePath).lastPathComponent
        var digest = SHA256()
        if let form, let manifest = FileManager.default.contents(atPath: form.folder + "/form.yaml") { digest.update([UInt8](manifest)) }
        if let bytes = FileManager.default.contents(atPath: templatePath) { digest.update([UInt8](bytes)) }
        formDigest = "sha256:" + digest.hex()
        policyDigest = form == nil ? nil : policy.flatMap { FileManager.default.contents(atPath: $0.file) }.map { SHA256.label([UInt8]($0)) }
        selection = form.map { Selection(manifest: $0.manifest, computed: true) } ?? Selection(keys: template.topLevelKeys)
    }

    /// The streams, each wrapped so that its items are written into a part of their own, and digested, as the fill reads them.
    public func digesting(_ streams: [FieldKey: any ItemStream]) -> [FieldKey: any ItemStream] {
        var result: [FieldKey: any ItemStream] = [:]
        for (key, stream) in streams { result[key] = RecordingStream(base: stream, list: key, selection: selection.children[key]?.items) }
        return result
    }

    /// The part for one case: its declared data, and the digest of each stream the fill has read.
    public func embedded(_ value: TemplateValue, streams: [FieldKey: any ItemStream] = [:]) -> EmbeddedCase {
        var data = selection.filter(value)
        var rows: EmbeddedCase.Rows?
        if let recording = streams.values.lazy.compactMap({ $0 as? RecordingStream }).first, let (_, digest) = recording.recorded {
            data[recording.list] = nil
            rows = EmbeddedCase.Rows(list: recording.list.text, count: recording.count, digest: digest)
        }
        return EmbeddedCase(form: form?.manifest.name, template: templateName, version: PaperworkVersion.string,
                            formDigest: formDigest, policyDigest: policyDigest, data: data, rows: rows)
    }

    /// A Word template given the custom XML item every document of a batch holds (an empty `case` until filled),
    /// with the embedding that fills it: the item, its properties, its relationships and content types are added
    /// once, not per document. A workbook is returned as it is: its case is added to each filled workbook.
    /// A document filled from the prepared template without this embedding (a print file) drops the item
    /// (`removeCustomXMLParts(namespace:)` with `EmbeddedCase.namespace`).
    public func preparing(_ template: DocumentTemplate) throws(PaperworkError) -> (DocumentTemplate, CaseEmbedding) {
        guard case .docx(let docx) = template else { return (template, self) }
        let prepared: DocxTemplate, item: CustomXMLItem
        do {
            (prepared, item) = try docx.changingEachOutput { (package: inout OOXMLPackage) throws(PackageError) in
                try package.customXMLItem(namespace: EmbeddedCase.namespace, placeholder: Array("<case xmlns=\"\(EmbeddedCase.namespace)\"/>".utf8))
            }
        } catch { throw .wrap(error) }
        var embedding = self
        embedding.item = item
        return (.docx(prepared), embedding)
    }

    /// Adds the part to a filled package; the data store GUID comes from the case digest, so output stays deterministic.
    public func embed(_ value: TemplateValue, streams: [FieldKey: any ItemStream] = [:], into package: inout OOXMLPackage) throws(PaperworkError) {
        do { try add(value, streams: streams, into: &package) } catch { throw .wrap(error) }
    }

    private func add(_ value: TemplateValue, streams: [FieldKey: any ItemStream], into package: inout OOXMLPackage) throws {
        let part = embedded(value, streams: streams)
        if let item { package.fill(item, with: part.serialized(), itemID: Self.guid(part.caseDigest)) } else {
            try package.setCustomXMLPart(part.serialized(), namespace: EmbeddedCase.namespace, itemID: Self.guid(part.caseDigest))
        }
        if let rows = part.rows, let recording = streams.values.lazy.compactMap({ $0 as? RecordingStream }).first,
           let (file, _) = recording.recorded {
            try package.setCustomXMLPart(file: file, namespace: EmbeddedCase.rowsNamespace, itemID: Self.guid(rows.digest))
        }
    }

    /// `{8-4-4-4-12}` upper-case hex from the digest's first 32 hex digits.
    static func guid(_ digest: String) -> String {
        let bytes = Array(digest.utf8)
        let hex = bytes[(bytes.lastIndex(of: UInt8(ascii: ":")).map { $0 + 1 } ?? 0)...].prefix(32)
        guard hex.count == 32 else { return "{00000000-0000-0000-0000-000000000000}" }
        var out = Array("{".utf8)
        for (k, byte) in hex.enumerated() {
            if k == 8 || k == 12 || k == 16 || k == 20 { out.append(UInt8(ascii: "-")) }
            out.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
        }
        return String(decoding: out + Array("}".utf8), as: UTF8.self)
    }
}

/// Which values of a case are declared: a tree of keys, with the kept items of lists.
final class Selection: Sendable {
    /// Members kept, by key; a member with no children and no items is kept whole.
    let children: [FieldKey: Selection]
    /// For a list: what each item keeps.
    let items: Selection?

    init(children: [FieldKey: Selection], items: Selection?) {
        self.children = children
        self.items = items
    }

    /// Top-level keys, each kept whole.
    convenience init(keys: Set<FieldKey>) {
        self.init(children: Dictionary(uniqueKeysWithValues: keys.map { ($0, Selection(children: [:], items: nil)) }), items: nil)
    }

    /// A form's fields, and its computed values when asked (`企业[].下降比例`, `合计.参保人数`).
    convenience init(manifest: FormManifest, computed: Bool) {
        var paths: [[String]] = []
        func add(_ fields: [FieldSpec], prefix: [String]) {
            for f in fields {
                let path = prefix + f.key.split(separator: ".").map(String.init)
                if f.type == .list, let items = f.fields { add(items, prefix: path + ["[]"]) } else { paths.append(path) }
            }
        }
        add(manifest.fields, prefix: [])
        for c in manifest.computed where computed {
            paths.append(c.key.split(separator: ".").flatMap { part -> [String] in
                part.hasSuffix("[]") ? [String(part.dropLast(2)), "[]"] : [String(part)]
            })
        }
        self.init(paths: paths[...])
    }

    private convenience init(paths: ArraySlice<[String]>) {
        var children: [String: [[String]]] = [:]
        var items: [[String]] = []
        for path in paths where !path.isEmpty {
            if path[0] == "[]" { items.append(Array(path.dropFirst())) } else { children[path[0], default: []].append(Array(path.dropFirst())) }
        }
        self.init(
            children: Dictionary(uniqueKeysWithValues: children.map { (FieldKey($0.key), Selection(paths: $0.value.filter { !$0.isEmpty }[...])) }),
            items: items.isEmpty ? nil : Selection(paths: items.filter { !$0.isEmpty }[...]))
    }

    var keepsWhole: Bool { children.isEmpty && items == nil }

    /// The value with only the selected members.
    func filter(_ value: TemplateValue) -> TemplateValue {
        if keepsWhole { return value }
        switch value {
        case .object(let members):
            var kept: [FieldKey: TemplateValue] = [:]
            for (key, selection) in children { if let v = members[key] { kept[key] = selection.filter(v) } }
            return .object(kept)
        case .list(let list):
            guard let items else { return value }
            return .list(list.map(items.filter))
        default:
            return value
        }
    }
}

/// A stream whose items are written, in canonical form and declared fields only, into a part of their
/// own (deflated as it is written, so memory stays flat) and digested, as the fill reads them.
final class RecordingStream: ItemStream {
    let base: any ItemStream
    let list: FieldKey
    let selection: Selection?
    private let last = Mutex<(DeflatedPart, String)?>(nil)

    init(base: any ItemStream, list: FieldKey, selection: Selection?) {
        self.base = base
        self.list = list
        self.selection = selection
    }

    var count: Int { base.count }

    /// The part and digest of the last complete reading.
    var recorded: (DeflatedPart, String)? { last.withLock { $0 } }

    /// The items are read, written into the part and digested on a second thread while the caller fills
    /// the ones before.
    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        let part = try DeflatedPart(effort: .fastest)
        let pipe = ItemPipe<TemplateValue>(depth: 2) { [self] pipe in
            var head = MarkupSerializer.declaration + Array("<records xmlns=\"\(EmbeddedCase.rowsNamespace)\" k=\"".utf8)
            MarkupSerializer.appendEscapedAttribute(list.text, into: &head)
            part.write(head + Array("\">".utf8))
            var hash = SHA256()
            var orders = CanonicalValue.KeyOrders()
            try base.forEach { item in
                var bytes: [UInt8] = []
                CanonicalValue.write(selection?.filter(item) ?? item, key: nil, into: &bytes, orders: &orders)
                hash.update(bytes)
                part.write(bytes)
                try pipe.send(item)
            }
            part.write(Array("</records>".utf8))
            try part.finish()
            let done = (part, "sha256:" + hash.hex())
            last.withLock { $0 = done }
        }
        defer { pipe.close() }
        while let chunk = try pipe.take() {
            for item in chunk { try body(item) }
        }
    }

}
