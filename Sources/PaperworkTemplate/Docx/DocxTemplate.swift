import Foundation
import PaperworkOOXML

/// A Word template, compiled once and filled many times.
///
/// Tags are found in the body, headers, footers, footnotes, endnotes, text boxes, content controls
/// and the document title. Parts without tags are copied into each output as they are.
public struct DocxTemplate: Sendable {
    /// The template's file or label, used in messages.
    public var label: String { package.label }
    /// Every tag, in part order, with its place; mail-merge fields included (with their `field`).
    public let tags: [TagInfo]
    /// What the template does that is filled but may not come out as meant (a tag inside a field's result).
    public let warnings: [TemplateProblem]
    /// The names the tags read: the first key of every path (`乙方` for `{{乙方.名称}}`), items' fields included.
    public let names: Set<String>
    private var package: OOXMLPackage
    private let parts: [CompiledPart]

    /// Opens and compiles a template file; throws `.package` or `.problems` with every problem found.
    ///
    /// `names` maps mail-merge field names to data keys (a form's labels and aliases).
    public init(contentsOf path: String, names: FieldNameResolver? = nil) throws(TemplateError) {
        let package: OOXMLPackage
        do { package = try OOXMLPackage(contentsOf: path) } catch { throw .package(error) }
        try self.init(package: package, names: names)
    }

    /// Compiles a template package; throws `.package` or `.problems` with every problem found.
    public init(package: OOXMLPackage, names: FieldNameResolver? = nil) throws(TemplateError) {
        let inspection: Inspection
        do { inspection = try Self.inspection(package, names: names) } catch { throw .wrap(error) }
        let errors = inspection.problems.filter { !$0.isWarning }
        guard errors.isEmpty else {
            throw .problems(TemplateProblems(file: package.label, problems: errors))
        }
        self.package = package
        self.parts = inspection.parts
        self.tags = inspection.tags
        self.warnings = inspection.problems.filter(\.isWarning)
        self.names = inspection.readNames
    }

    /// The tags and the template problems (warnings included) of a package, without failing on the problems.
    public static func inspect(_ package: OOXMLPackage, names: FieldNameResolver? = nil) throws(TemplateError) -> (tags: [TagInfo], problems: [TemplateProblem]) {
        let result: Inspection
        do { result = try inspection(package, names: names) } catch { throw .wrap(error) }
        return (result.tags, result.problems)
    }

    /// Fills the template; throws `.problems` listing every data problem.
    public func render(_ data: TemplateValue, options: RenderOptions = RenderOptions()) throws(TemplateError) -> OOXMLPackage {
        var output = package
        var problems: [TemplateProblem] = []
        for part in parts {
            let filled = part.render(data, options: options)
            problems += filled.problems
            if filled.problems.isEmpty { output.setPart(part.name, bytes: filled.bytes) }
        }
        guard problems.isEmpty else { throw .problems(TemplateProblems(file: label, problems: problems)) }
        return output
    }

    /// Fills the template from any `Encodable` value; throws `.unencodable` when the value is not data.
    public func render<T: Encodable>(encoding value: T, options: RenderOptions = RenderOptions()) throws(TemplateError) -> OOXMLPackage {
        let data: TemplateValue
        do { data = try TemplateValue.from(value) } catch { throw .wrap(error) }
        return try render(data, options: options)
    }

    /// Fills the template and writes the document atomically; an existing file is replaced only with `overwrite`.
    public func render(_ data: TemplateValue, to path: String, overwrite: Bool, options: RenderOptions = RenderOptions()) throws(TemplateError) {
        let filled = try render(data, options: options)
        do { try filled.write(to: path, overwrite: overwrite) } catch { throw .package(error) }
    }

    /// The template with `change` made to its package once, for every document filled from it (a part each of them
    /// holds, filled per document later): the changed package is written and read back, so that its new parts are
    /// copied into each document as they are, not deflated again. Returns what `change` returns.
    public func changingEachOutput<T>(_ change: (inout OOXMLPackage) throws(PackageError) -> T) throws(TemplateError) -> (DocxTemplate, T) {
        var changed = package
        var copy = self
        do {
            let result = try change(&changed)
            copy.package = try OOXMLPackage(bytes: try changed.serialized(), label: package.label)
            return (copy, result)
        } catch {
            throw .package(error)
        }
    }

    /// The same template on its own zip handle, for rendering on another thread without waiting.
    public func independentCopy() throws(TemplateError) -> DocxTemplate {
        var copy = self
        do { copy.package = try package.independentCopy() } catch { throw .package(error) }
        return copy
    }

    private typealias Inspection = (parts: [CompiledPart], tags: [TagInfo], readNames: Set<String>, problems: [TemplateProblem])

    private static func inspection(_ package: OOXMLPackage, names: FieldNameResolver?) throws -> Inspection {
        var parts: [CompiledPart] = []
        var tags: [TagInfo] = []
        var readNames = Set<String>()
        var problems: [TemplateProblem] = []
        let main = try package.mainDocumentPart()
        let filled = try textParts(package)
        var bindings: [ControlBinding] = []
        for (name, mode) in filled {
            let bytes = try package.data(of: name)
            let bound = name.hasPrefix("customXml/") ? try boundTo(name, bindings, in: package) : []
            guard PartsLeftAsTheyAre.mayHoldTags(bytes) || name == main || !bound.isEmpty || (mode == .word && WordFields.mayHoldFields(bytes)) else { continue }
            var document: MarkupDocument
            do { document = try MarkupParser.parse(bytes, part: name) } catch { throw PackageError.xml(file: package.label, error) }
            if !bound.isEmpty { document = CustomXMLBinding.apply(bound, to: document) }
            let (compiled, found, partProblems) = CompiledPart.compile(document, part: name, mode: mode, size: bytes.count,
                                                                       names: names, bindings: &bindings)
            tags += found.map { TagInfo(source: $0.source, place: $0.place, field: $0.field) }
            readNames.formUnion(found.compactMap(\.readName))
            problems += partProblems
            if let compiled { parts.append(compiled) }
        }
        problems += try PartsLeftAsTheyAre.warnings(in: package, besides: Set(filled.map(\.0)))
        return (parts, tags, readNames, problems)
    }

    /// The bindings that store into a custom XML part, found by the item id of its properties part.
    private static func boundTo(_ part: String, _ bindings: [ControlBinding], in package: OOXMLPackage) throws -> [ControlBinding] {
        guard !bindings.isEmpty, let props = try package.related(to: part, kind: "customXmlProps").first,
              let id = try package.xml(of: props).root.attributes.first(where: { $0.name.hasSuffix("itemID") })?.value else { return [] }
        return bindings.filter { $0.storeItemID.uppercased() == id.uppercased() }
    }

    /// The parts that can hold tags: the main document and what it points to (headers, footers, notes,
    /// comments, chart titles), the custom XML parts and the core properties.
    private static func textParts(_ package: OOXMLPackage) throws -> [(String, Tokenizer.Mode)] {
        let main = try package.mainDocumentPart()
        var result: [(String, Tokenizer.Mode)] = [(main, .word)]
        for kind in ["header", "footer", "footnotes", "endnotes", "comments"] {
            result += try package.related(to: main, kind: kind).sorted().map { ($0, .word) }
        }
        result += try package.related(to: main, kind: "chart").sorted().map { ($0, .drawing) }
        result += try package.related(to: "", kind: "core-properties").map { ($0, .plain) }
        result += package.inventory.map(\.part).filter { $0.hasPrefix("customXml/item") && $0.hasSuffix(".xml") && !$0.contains("Props") }
            .sorted().map { ($0, .plain) }
        return result
    }
}
