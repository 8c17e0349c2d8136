import Foundation
import PaperworkOOXML

/// An Excel template, compiled once and filled many times.
///
/// Tags fill text cells; a cell that is one tag takes the value's type. `{{#each}}` … `{{/each}}` in
/// cells of one row or of two rows repeats those rows, and every reference of the workbook moves with them.
public struct XlsxTemplate: Sendable {
    public var label: String { package.label }
    /// Every tag with its place (`Sheet1!C5`).
    public let tags: [TagInfo]
    /// What the template does that is filled but may not come out as meant (a chart whose source cannot move).
    public private(set) var warnings: [TemplateProblem] = []
    /// The template's problems, kept only when it was compiled for `inspect`.
    private let problems: [TemplateProblem]
    private var package: OOXMLPackage
    private let workbookPart: String
    private let workbook: MarkupDocument
    private let sheets: [CompiledSheet]
    private let sheetIDs: [String]
    private let styles: StyleVariants
    private let tables: [String: [String]]
    private let objects: ChartsAndPivots
    private let text: WorkbookTextParts

    static let contentTypeCalcChain = "calcChain"

    /// Opens and compiles a template file; throws `.package` or `.problems` with every problem found.
    public init(contentsOf path: String) throws(TemplateError) {
        let package: OOXMLPackage
        do { package = try OOXMLPackage(contentsOf: path) } catch { throw .package(error) }
        try self.init(package: package)
    }

    /// Compiles a template package; throws `.problems` with every problem found.
    public init(package source: OOXMLPackage) throws(TemplateError) {
        do { try self.init(package: source, strict: true) } catch { throw .wrap(error) }
    }

    /// Compiles a template package; unless `strict`, its problems are kept in `problems` instead of thrown,
    /// so that `inspect` lists every tag whatever else it finds.
    private init(package source: OOXMLPackage, strict: Bool) throws {
        var package = source
        let book = try package.mainDocumentPart()
        let rels = try package.relationships(of: book)
        var workbook = try package.xml(of: book)
        let sharedStrings: [MarkupElement]
        if let part = rels.first(where: { $0.kind == "sharedStrings" })?.targetPart, package.contains(part) {
            sharedStrings = try package.xml(of: part).root.elements.filter { $0.localName == "si" }
        } else {
            sharedStrings = []
        }
        var problems: [TemplateProblem] = []
        var sheets: [CompiledSheet] = []
        var ids: [String] = []
        var tables: [String: [String]] = [:]
        var valueStyles = Set<Int>()
        for element in workbook.root.elements where element.localName == "sheets" {
            for sheet in element.elements where sheet.localName == "sheet" {
                guard let name = sheet[attribute: "name"],
                      let id = sheet.attributes.first(where: { $0.name.hasSuffix(":id") })?.value,
                      let part = rels.first(where: { $0.id == id })?.targetPart, package.contains(part) else { continue }
                let place = Place(part: name, paragraph: 0, table: nil, row: nil, cell: nil, excerpt: "")
                if name.count > 31 || name.contains(where: { ":\\/?*[]".contains($0) }) {
                    problems.append(TemplateProblem(kind: .badSheetName(name), place: place))
                }
                let tableParts = try package.related(to: part, kind: "table")
                tables[name] = tableParts
                var headers = Set<String>()
                for t in tableParts { headers.formUnion(Self.headerCells(of: try package.xml(of: t))) }
                var compiler = SheetCompiler(name: name, part: part, sharedStrings: sharedStrings)
                let pivotOutput = try package.related(to: part, kind: "pivotTable").compactMap { table in
                    try package.xml(of: table).root.elements.first { $0.localName == "location" }?[attribute: "ref"].flatMap { AreaRef.parse(Substring($0)) }
                }
                guard let compiled = compiler.compile(try package.xml(of: part), tableHeaders: headers, pivotOutput: pivotOutput) else { continue }
                problems += compiler.problems
                valueStyles.formUnion(compiler.valueStyles)
                sheets.append(compiled)
                ids.append(sheet[attribute: "sheetId"] ?? "")
            }
        }
        let chartsheets = try package.related(to: book, kind: "chartsheet").map { (name: "", part: $0) }
        let text = try WorkbookTextParts(package, sheets: sheets.map { ($0.name, $0.part) } + chartsheets)
        problems += text.problems
        guard problems.isEmpty || !strict else { throw TemplateProblems(file: source.label, problems: problems) }
        self.problems = problems
        var styles = StyleVariants()
        if let part = rels.first(where: { $0.kind == "styles" })?.targetPart, package.contains(part) {
            let (doc, variants) = StyleVariants.make(try package.xml(of: part), for: valueStyles)
            package.setPart(part, xml: doc)
            styles = variants
        }
        Self.markForRecalculation(&workbook)
        if let chain = rels.first(where: { $0.kind == Self.contentTypeCalcChain }) {
            if let part = chain.targetPart { package.removePart(part) }
            var relsDoc = try package.xml(of: PartName.relationshipsPart(of: book))
            relsDoc.root.children.removeAll { if case .element(let e) = $0 { e[attribute: "Id"] == chain.id } else { false } }
            package.setPart(PartName.relationshipsPart(of: book), xml: relsDoc)
        }
        package.setPart(book, xml: workbook)
        self.package = package
        self.workbookPart = book
        self.workbook = workbook
        self.sheets = sheets
        self.sheetIDs = ids
        self.styles = styles
        self.tables = tables
        self.tags = (sheets.flatMap(\.tags) + text.tags).map { TagInfo(source: $0.source, place: $0.place) }
        self.text = text
        self.objects = try ChartsAndPivots(package, workbook: book, sheets: sheets.map { ($0.name, $0.part) },
                                           hasLoops: sheets.contains { !$0.loops.isEmpty })
        self.warnings = objects.warnings + (try PartsLeftAsTheyAre.warnings(in: package, besides: try Self.filledParts(package, book, sheets, text)))
        self.names = Set((sheets.flatMap(\.tags) + text.tags).compactMap(\.readName))
    }

    /// The names the tags read: the first key of every path, items' fields included.
    public let names: Set<String>

    /// The list the workbook's rows repeat over, when every row loop of the workbook is over one top-level name
    /// (`{{#each 企业}}`): a table of data (CSV, a sheet) gives that list's items, one per row.
    public var rowListKey: FieldKey? {
        var keys = Set<FieldKey>()
        for sheet in sheets {
            for loop in sheet.loops {
                guard case .keys(let path) = loop.expression.path, path.count == 1 else { return nil }
                keys.insert(path[0])
            }
        }
        return keys.count == 1 ? keys.first : nil
    }

    /// The tags and the template problems (warnings included) of a package, without failing on the problems.
    public static func inspect(_ package: OOXMLPackage) throws(TemplateError) -> (tags: [TagInfo], problems: [TemplateProblem]) {
        let template: XlsxTemplate
        do { template = try XlsxTemplate(package: package, strict: false) } catch { throw .wrap(error) }
        return (template.tags, template.problems + template.warnings)
    }

    /// Fills the template; throws `.problems` listing every data problem, `.items` when a stream fails.
    ///
    /// `streams` holds lists too long to hold, by their top-level key: a row loop over one writes its
    /// items as they come. A stream the template also uses elsewhere is read into memory first.
    public func render(_ data: TemplateValue, streams: [FieldKey: any ItemStream] = [:],
                       options: RenderOptions = RenderOptions()) throws(TemplateError) -> OOXMLPackage {
        do { return try fill(data, streams: streams, options: options) } catch { throw .wrap(error) }
    }

    private func fill(_ data: TemplateValue, streams: [FieldKey: any ItemStream], options: RenderOptions) throws -> OOXMLPackage {
        let held = streams.filter { !isRowLoopOnly($0.key) }
        let data = try data.including(held)
        let streams = streams.filter { held[$0.key] == nil }
        var problems: [TemplateProblem] = []
        var items: [[LoopItems]] = []
        var maps: [String: RowMap] = [:]
        for sheet in sheets {
            var renderer = Renderer(tags: sheet.tags, data: data, options: options, capacity: 0)
            var lists: [LoopItems] = []
            for loop in sheet.loops {
                if case .keys(let keys) = loop.expression.path, keys.count == 1, let stream = streams[keys[0]] {
                    lists.append(.stream(stream))
                    continue
                }
                switch renderer.lookup(loop.expression.path) {
                case .list(let l): lists.append(.list(l))
                case .null where options.optionalPaths.contains(loop.expression.path.description): lists.append(.list([]))
                case .null:
                    renderer.report(.missingValue(path: loop.expression.path.description), tag: loop.tag); lists.append(.list([]))
                case let other:
                    renderer.report(.notAList(path: loop.expression.path.description, kind: other.kind), tag: loop.tag); lists.append(.list([]))
                }
            }
            problems += renderer.problems
            items.append(lists)
            if !sheet.loops.isEmpty {
                maps[sheet.name] = RowMap(loops: zip(sheet.loops, lists).map { RowMap.Loop(first: $0.first, last: $0.last, count: $1.count) })
            }
        }
        guard problems.isEmpty else { throw TemplateProblems(file: label, problems: problems) }
        let mover = ReferenceMover(maps: maps)
        var output = package
        for (i, sheet) in sheets.enumerated() {
            var writer = try SheetRenderer(sheet: sheet, mover: mover, styles: styles, items: items[i], data: data, options: options)
            let (file, found) = try writer.render()
            problems += found
            output.setPart(sheet.part, file: file)
            for table in tables[sheet.name] ?? [] where maps[sheet.name] != nil {
                output.setPart(table, xml: Self.moveTable(try package.xml(of: table), mover: mover, sheet: sheet.name))
            }
        }
        if !maps.isEmpty { output.setPart(workbookPart, xml: moveDefinedNames(mover)) }
        objects.move(by: mover, into: &output)
        problems += try text.render(data, options: options, mover: mover, moved: objects.rewritten(by: mover), into: &output)
        guard problems.isEmpty else { throw TemplateProblems(file: label, problems: problems) }
        return output
    }

    /// True when every tag that names `key` is a row loop over it, so that its items can be streamed.
    private func isRowLoopOnly(_ key: FieldKey) -> Bool {
        guard !text.tags.contains(where: { $0.readName == key.text }) else { return false }
        for sheet in sheets {
            for (i, occurrence) in sheet.tags.enumerated() {
                let expression: TagExpression
                switch occurrence.parsed {
                case .success(.value(let e)), .success(.open(_, let e)): expression = e
                default: continue
                }
                guard case .keys(let keys) = expression.path, keys.first == key else { continue }
                guard keys.count == 1, sheet.loops.contains(where: { $0.tag == i }) else { return false }
            }
        }
        return true
    }

    /// The same template on its own zip handle, for another thread.
    public func independentCopy() throws(TemplateError) -> XlsxTemplate {
        var copy = self
        do { copy.package = try package.independentCopy() } catch { throw .package(error) }
        return copy
    }

    private func moveDefinedNames(_ mover: ReferenceMover) -> MarkupDocument {
        var doc = workbook
        doc.root.children = doc.root.children.map { node in
            guard case .element(var names) = node, names.localName == "definedNames" else { return node }
            names.children = names.children.map { child in
                guard case .element(var name) = child else { return child }
                let local = name[attribute: "localSheetId"].flatMap(Int.init).flatMap { $0 < sheets.count ? sheets[$0].name : nil }
                name.children = [.text(mover.formula(name.textContent, on: local))]
                return .element(name)
            }
            return .element(names)
        }
        return doc
    }

    private static func moveTable(_ table: MarkupDocument, mover: ReferenceMover, sheet: String) -> MarkupDocument {
        var doc = table
        if let ref = doc.root[attribute: "ref"] { doc.root[attribute: "ref"] = mover.sqref(ref, on: sheet) ?? ref }
        doc.root.children = mover.nodes(doc.root.children, on: sheet)
        return doc
    }

    /// The parts whose text is filled, or that copy the cells' text (tables, pivot caches, external links):
    /// the others are scanned for tags left as they are.
    private static func filledParts(_ package: OOXMLPackage, _ book: String, _ sheets: [CompiledSheet], _ text: WorkbookTextParts) throws -> Set<String> {
        var parts = text.names.union(sheets.map(\.part))
        parts.insert(book)
        for kind in ["sharedStrings", "externalLink", "pivotCacheDefinition"] {
            for part in try package.related(to: book, kind: kind) {
                parts.insert(part)
                parts.formUnion(try package.related(to: part, kind: "pivotCacheRecords"))
            }
        }
        for sheet in sheets {
            for kind in ["table", "pivotTable", "queryTable"] { parts.formUnion(try package.related(to: sheet.part, kind: kind)) }
        }
        return parts
    }

    /// The cells of a table's header row (`A4`, `B4`, …).
    private static func headerCells(of table: MarkupDocument) -> Set<String> {
        guard table.root[attribute: "headerRowCount"] != "0", let ref = table.root[attribute: "ref"],
              let area = AreaRef.parse(Substring(ref)), let row = area.start.row, let c1 = area.start.column,
              let c2 = area.end?.column else { return [] }
        return Set((c1...c2).map { CellReference.columnName($0) + String(row) })
    }

    /// Asks Excel, WPS and LibreOffice to recalculate every formula when the file opens.
    private static func markForRecalculation(_ workbook: inout MarkupDocument) {
        let prefix = workbook.root.name.firstIndex(of: ":").map { String(workbook.root.name[...$0]) } ?? ""
        if let i = workbook.root.children.firstIndex(where: { if case .element(let e) = $0 { e.localName == "calcPr" } else { false } }),
           case .element(var calc) = workbook.root.children[i] {
            calc[attribute: "fullCalcOnLoad"] = "1"
            workbook.root.children[i] = .element(calc)
            return
        }
        let calc = MarkupNode.element(MarkupElement(prefix + "calcPr", attributes: [MarkupAttribute("calcId", "191029"), MarkupAttribute("fullCalcOnLoad", "1")]))
        let after: Set<Substring> = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]
        let index = workbook.root.children.firstIndex { if case .element(let e) = $0 { after.contains(e.localName) } else { false } }
        workbook.root.children.insert(calc, at: index ?? workbook.root.children.count)
    }
}
