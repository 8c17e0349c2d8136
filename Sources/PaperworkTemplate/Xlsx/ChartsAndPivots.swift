import PaperworkOOXML

/// The charts, their drawings and the pivot caches and tables of a workbook, moved by the row maps as formulas are.
///
/// A chart's series (`c:f` in `xl/charts/*`: categories, values, names) that reach a loop's rows grow over
/// every copy, and ranges below a loop move down; their cached values are dropped so that readers plot the
/// filled cells. A chart anchored below a loop moves down with its rows. A pivot cache whose source is a
/// range moves the same way and is marked to refresh on load; a pivot table below a loop moves too.
/// A source in another workbook cannot move: a warning when the workbook has row loops.
struct ChartsAndPivots: Sendable {
    struct Part: Sendable {
        var name: String
        /// The sheet the part belongs to (drawings and pivot tables), for references without a sheet.
        var sheet: String?
        var document: MarkupDocument
    }

    private(set) var charts: [Part] = []
    private(set) var drawings: [Part] = []
    private(set) var pivotCaches: [Part] = []
    private(set) var pivotTables: [Part] = []
    /// The records part of each pivot cache over a range of this workbook, and the cache's relationships without it.
    private var records: [String: (part: String, relationships: Part)] = [:]
    private(set) var warnings: [TemplateProblem] = []

    /// Reads the objects of the sheets (name, part) and of the workbook; warns about sources that cannot move.
    init(_ package: OOXMLPackage, workbook: String, sheets: [(name: String, part: String)], hasLoops: Bool) throws {
        guard hasLoops else { return }
        var seenCharts = Set<String>()
        for sheet in sheets {
            for drawing in try package.related(to: sheet.part, kind: "drawing") {
                drawings.append(Part(name: drawing, sheet: sheet.name, document: try package.xml(of: drawing)))
                for chart in try package.related(to: drawing, kind: "chart") where seenCharts.insert(chart).inserted {
                    charts.append(Part(name: chart, sheet: sheet.name, document: try package.xml(of: chart)))
                }
            }
            for table in try package.related(to: sheet.part, kind: "pivotTable") {
                pivotTables.append(Part(name: table, sheet: sheet.name, document: try package.xml(of: table)))
            }
        }
        for cache in try package.related(to: workbook, kind: "pivotCacheDefinition") {
            pivotCaches.append(Part(name: cache, sheet: nil, document: try package.xml(of: cache)))
        }
        for chart in charts {
            for f in chart.document.root.descendants(named: "f") where f.textContent.contains("[") {
                warnings.append(warning(chart.name, f.textContent))
            }
        }
        for cache in pivotCaches {
            guard let source = cache.document.root.descendants(named: "cacheSource").first else { continue }
            let worksheet = source.elements.first { $0.localName == "worksheetSource" }
            if source[attribute: "type"] != "worksheet" || worksheet?.attributes.contains(where: { $0.name.hasSuffix(":id") }) == true {
                warnings.append(warning(cache.name, worksheet?[attribute: "ref"] ?? source[attribute: "type"] ?? ""))
            } else if let part = try package.related(to: cache.name, kind: "pivotCacheRecords").first {
                let name = PartName.relationshipsPart(of: cache.name)
                var rels = try package.xml(of: name)
                rels.root.children.removeAll { if case .element(let e) = $0 { e[attribute: "Type"]?.hasSuffix("/pivotCacheRecords") == true } else { false } }
                records[cache.name] = (part, Part(name: name, sheet: nil, document: rels))
            }
        }
    }

    private func warning(_ part: String, _ source: String) -> TemplateProblem {
        TemplateProblem(kind: .sourceNotMovable, place: Place(part: part, paragraph: 0, table: nil, row: nil, cell: nil, excerpt: source))
    }

    /// The charts and drawings `move` rewrites for `mover`.
    func rewritten(by mover: ReferenceMover) -> Set<String> {
        guard !mover.maps.isEmpty else { return [] }
        return Set(charts.map(\.name) + drawings.filter { $0.sheet.map { mover.maps[$0] != nil } ?? false }.map(\.name))
    }

    /// Writes the moved parts into `output`.
    func move(by mover: ReferenceMover, into output: inout OOXMLPackage) {
        guard !mover.maps.isEmpty else { return }
        for chart in charts {
            var doc = chart.document
            doc.root = Self.chart(doc.root, mover)
            output.setPart(chart.name, xml: doc)
        }
        for drawing in drawings {
            guard let sheet = drawing.sheet, let map = mover.maps[sheet] else { continue }
            var doc = drawing.document
            doc.root.children = doc.root.children.map { node in
                guard case .element(let anchor) = node else { return node }
                return .element(Self.anchor(anchor, map))
            }
            output.setPart(drawing.name, xml: doc)
        }
        for cache in pivotCaches {
            var doc = cache.document
            doc.root = Self.pivotCache(doc.root, mover)
            doc.root[attribute: "refreshOnLoad"] = "1"
            if let (part, relationships) = records[cache.name] {
                // The records copy the template's rows: stale once the loop filled them. Without them (as Excel
                // saves a cache whose "save source data" is off) readers build the cache from the filled cells.
                doc.root.attributes.removeAll { $0.name.hasSuffix(":id") }
                doc.root[attribute: "saveData"] = "0"
                output.removePart(part)
                output.setPart(relationships.name, xml: relationships.document)
            }
            output.setPart(cache.name, xml: doc)
        }
        for table in pivotTables {
            guard let sheet = table.sheet, mover.maps[sheet] != nil else { continue }
            var doc = table.document
            doc.root.children = doc.root.children.map { node in
                guard case .element(var location) = node, location.localName == "location", let ref = location[attribute: "ref"] else { return node }
                location[attribute: "ref"] = shifted(ref, mover, sheet)
                return .element(location)
            }
            output.setPart(table.name, xml: doc)
        }
    }

    /// A pivot table's area moved as a whole, keeping its size: by how far its first cell moved.
    private func shifted(_ ref: String, _ mover: ReferenceMover, _ sheet: String) -> String {
        guard let area = AreaRef.parse(Substring(ref)), let r1 = area.start.row, let map = mover.maps[sheet], let moved = map.first(r1) else { return ref }
        var out = area
        out.start.row = moved
        if let r2 = area.end?.row { out.end?.row = r2 + moved - r1 }
        return out.text
    }

    /// A chart with its series references moved and the caches of moved references dropped.
    private static func chart(_ element: MarkupElement, _ mover: ReferenceMover) -> MarkupElement {
        var e = element
        if ["numRef", "strRef", "multiLvlStrRef"].contains(e.localName),
           let f = e.elements.first(where: { $0.localName == "f" }), mover.touches(f.textContent), !mover.staysAbove(f.textContent) {
            let moved = mover.series(f.textContent)
            e.children = e.children.compactMap { node in
                guard case .element(var child) = node else { return node }
                if child.localName == "f" { child.children = [.text(moved)]; return .element(child) }
                return child.localName.hasSuffix("Cache") ? nil : .element(child)
            }
            return e
        }
        e.children = e.children.map { node in
            guard case .element(let child) = node else { return node }
            return .element(chart(child, mover))
        }
        return e
    }

    /// A drawing anchor moved down by as many rows as the sheet row of its top edge moved.
    private static func anchor(_ anchor: MarkupElement, _ map: RowMap) -> MarkupElement {
        guard let from = anchor.elements.first(where: { $0.localName == "from" }),
              let row = from.elements.first(where: { $0.localName == "row" }).flatMap({ Int($0.textContent) }),
              let moved = map.first(row + 1), moved != row + 1 else { return anchor }
        let delta = moved - (row + 1)
        var a = anchor
        a.children = a.children.map { node in
            guard case .element(var corner) = node, corner.localName == "from" || corner.localName == "to" else { return node }
            corner.children = corner.children.map { child in
                guard case .element(var r) = child, r.localName == "row", let n = Int(r.textContent) else { return child }
                r.children = [.text(String(n + delta))]
                return .element(r)
            }
            return .element(corner)
        }
        return a
    }

    /// A pivot cache with its worksheet source's range moved.
    private static func pivotCache(_ root: MarkupElement, _ mover: ReferenceMover) -> MarkupElement {
        var r = root
        r.children = r.children.map { node in
            guard case .element(var source) = node, source.localName == "cacheSource" else { return node }
            source.children = source.children.map { child in
                guard case .element(var ws) = child, ws.localName == "worksheetSource", let sheet = ws[attribute: "sheet"],
                      let ref = ws[attribute: "ref"], !ws.attributes.contains(where: { $0.name.hasSuffix(":id") }) else { return child }
                ws[attribute: "ref"] = mover.sqref(ref, on: sheet) ?? ref
                return .element(ws)
            }
            return .element(source)
        }
        return r
    }
}
