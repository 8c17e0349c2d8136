import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// Which of two values extract uses when a document's visible content and its embedded data differ.
public enum Preference: String, Sendable, Codable, CaseIterable {
    case visible, embedded
}

/// A place where what a document shows no longer matches the data embedded when it was made.
public struct Difference: Sendable, Equatable, Codable {
    public var file: String
    /// The cell (`企业清单!H7`), or the row for a record added or removed; for a Word document, see `paragraph`.
    public var place: String
    /// The paragraph of a Word document (`word/document.xml 第 30 段（表格 1 第 10 行第 4 列）`), rendered in the message's language.
    public var paragraph: Place?
    public var row: Int?
    public var field: String
    public var visible: String?
    public var embedded: String?
    public var used: Preference

    public init(file: String, place: String, paragraph: Place? = nil, row: Int?, field: String, visible: String?, embedded: String?, used: Preference) {
        self.file = file
        self.place = place
        self.paragraph = paragraph
        self.row = row
        self.field = field
        self.visible = visible
        self.embedded = embedded
        self.used = used
    }

    /// Where the difference is, in `language`.
    public func placeText(_ language: Language) -> String {
        paragraph?.description(language == .zh) ?? place
    }

    /// The place, both values and which was used: `企业清单!G6 文件中为「99」，嵌入数据为「46」，采用文件中可见的值`.
    public func detail(_ language: Language) -> String {
        let v = visible ?? (language == .zh ? "（无）" : "(none)"), e = embedded ?? (language == .zh ? "（无）" : "(none)")
        return language == .zh
            ? "\(placeText(.zh)) 文件中为「\(v)」，嵌入数据为「\(e)」，" + (used == .visible ? "采用文件中可见的值" : "采用嵌入数据")
            : "\(placeText(.en)) shows “\(v)”, embedded “\(e)”; the \(used.rawValue) value is used"
    }

    /// One line naming the file, the field and the detail.
    public func line(_ language: Language) -> String {
        language == .zh ? "警告：\(file) 字段「\(field)」：\(detail(.zh))" : "warning: \(file) field “\(field)”: \(detail(.en))"
    }
}

/// An item of a list read back: its values in their types, its row and the cell of each field.
public struct ReadItem: Sendable {
    public var row: Int?
    public var value: TemplateValue
}

/// What a document's data read back is, besides its items.
public struct DocumentData: Sendable {
    public var file: String
    /// The form it was read through; nil for a document filled from a plain template, read from its embedded part.
    public var form: Form?
    public var embedded: EmbeddedCase?
    /// The case without its list's items (all of it for a document form).
    public var value: TemplateValue
    /// The list's key, for a list form.
    public var list: FieldKey?
    /// The sheet the list was read from.
    public var sheet: String?
    public var itemCount = 0
    public var differences: [Difference] = []
    /// Values that could not be read in their field's type.
    public var findings: [Finding] = []
    /// Fields the template does not show, read from nowhere when there is no embedded data.
    public var unseenFields: [String] = []
}

/// Reads a document's data back: the part paperwork embedded, and what the document now shows read through
/// its template (a list workbook's rows through the sheet's mapping, a Word document's paragraphs through
/// `DocxMapping`) — the two compared field by field.
public struct DocumentReader: Sendable {
    public var file: String
    public var form: Form?
    public var catalog: FormCatalog?
    public var prefer: Preference
    public var today: CalendarDate

    public init(file: String, form: Form?, catalog: FormCatalog?, prefer: Preference = .visible, today: CalendarDate = .today) {
        self.file = file
        self.form = form
        self.catalog = catalog
        self.prefer = prefer
        self.today = today
    }

    /// Reads the document, calling `item` with each item of a list in order; holds no item itself.
    /// `header` is called before the first item with the header as far as it is known (embedded, and the cells above the
    /// list), and the fields that cannot be read at all (not embedded, not shown by the template).
    public func read(header: (TemplateValue, _ unseen: [String]) throws -> Void = { _, _ in },
                     _ item: (ReadItem) throws -> Void) throws -> DocumentData {
        let package = try OOXMLPackage(contentsOf: file)
        let embedded = try EmbeddedCase.embedded(in: package)
        if form == nil, let embedded, embedded.form == nil { return try plain(embedded, package, header: header, item) }
        let form = try resolveForm(embedded)
        let inputs = Selection(manifest: form.manifest, computed: false)
        var data = DocumentData(file: file, form: form, embedded: embedded, value: inputs.filter(embedded?.data ?? .object([:])))
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        guard form.manifest.kind == .list, ext == "xlsx" else {
            if ext == "docx" {
                try DocxReading(file: file, form: form, prefer: prefer, today: today).read(package, embedded: embedded, into: &data)
            } else if embedded == nil {
                throw ExtractError.noData(file: file)
            }
            try header(data.value, data.unseenFields)
            return data
        }
        let workbook = try FilledWorkbook(file: file, package: package, template: OOXMLPackage(contentsOf: form.templatePath))
        let list = FieldKey(form.manifest.rows ?? workbook.list.map(\.text).joined(separator: "."))
        data.list = list
        data.sheet = workbook.mapping.sheet
        data.value[list] = nil
        let rowFields = form.manifest.rowFields ?? []
        let itemInputs = inputs.children[list]?.items
        let shown = Set(workbook.loop.cells.flatMap { cell in cell.pattern.pieces.compactMap { piece -> String? in
            if case .value(.keys(let keys), _) = piece { return keys.map(\.text).joined(separator: ".") }
            return nil
        } })
        let key = rowFields.first { $0.type == .creditCode || $0.type == .idNumber }
        var records: EmbeddedRecords?
        if embedded?.rows != nil {
            records = EmbeddedRecords(package: package, key: key)
        } else if case .list(let items)? = embedded?.data[list] {
            records = EmbeddedRecords(items: items, key: key)
        }
        defer { records?.close() }
        var findings: [Finding] = []
        var differences: [Difference] = []
        var index = 0
        let headerFields = form.manifest.fields.filter { $0.type != .list }
        let embeddedHeader = data.value
        var headerDifferences: [Difference] = []
        let unseen = embedded == nil ? rowFields.map(\.key).filter { !shown.contains($0) } : []
        let reads = try workbook.read(checkHeadings: embedded == nil, above: { above in
            var ignored: [Finding] = []
            try header(headerValue(above, fields: headerFields, embedded: embedded == nil ? nil : embeddedHeader, findings: &ignored,
                                   differences: &headerDifferences), unseen)
        }) { row, reads in
            var visible = TemplateValue.object([:])
            var places: [String: String] = [:]
            for read in reads {
                let key = read.path.map(\.text).joined(separator: ".")
                guard let spec = rowFields.first(where: { $0.key == key }) else { continue }
                places[key] = read.place
                switch convert(read.value, spec, record: index + 1, row: row) {
                case .success(let v?): visible.set(v, at: spec.path)
                case .success(nil): break
                case .failure(let f): findings.append(f); visible.set(read.value, at: spec.path)
                }
            }
            var merged = visible
            if let records {
                let (match, removed) = try records.match(visible)
                for gone in removed {
                    differences.append(Difference(file: file, place: "\(workbook.mapping.sheet) 第 \(row) 行之前", row: row, field: list.text,
                                                  visible: nil, embedded: gone.displayText.isEmpty ? nil : summary(gone, rowFields), used: prefer))
                }
                if let match {
                    merged = merge(visible: visible, embedded: match, fields: rowFields, shown: shown, places: places, row: row, into: &differences)
                } else {
                    differences.append(Difference(file: file, place: "\(workbook.mapping.sheet) 第 \(row) 行", row: row, field: list.text,
                                                  visible: summary(visible, rowFields), embedded: nil, used: .visible))
                }
            }
            try item(ReadItem(row: row, value: itemInputs?.filter(merged) ?? merged))
            index += 1
        }
        let leftOver: [TemplateValue] = try records?.rest() ?? []
        for gone in leftOver {
            differences.append(Difference(file: file, place: workbook.mapping.sheet, row: nil, field: list.text,
                                          visible: nil, embedded: summary(gone, rowFields), used: prefer))
        }
        data.itemCount = index
        headerDifferences = []
        data.value = headerValue(reads, fields: headerFields, embedded: embedded == nil ? nil : embeddedHeader, findings: &findings, differences: &headerDifferences)
        differences = headerDifferences + differences
        data.unseenFields = unseen
        data.findings = findings
        data.differences = differences
        return data
    }

    /// A document filled from a plain template: no form says how to read what it shows, so its data is the part
    /// embedded when it was filled — the values its tags read, and a streamed list's items from their own part.
    private func plain(_ embedded: EmbeddedCase, _ package: OOXMLPackage, header: (TemplateValue, _ unseen: [String]) throws -> Void,
                       _ item: (ReadItem) throws -> Void) throws -> DocumentData {
        var data = DocumentData(file: file, form: nil, embedded: embedded, value: embedded.data)
        try header(data.value, [])
        guard let rows = embedded.rows else { return data }
        data.list = FieldKey(rows.list)
        _ = try EmbeddedCase.forEachRecord(in: package) { value in
            try item(ReadItem(row: nil, value: value))
            data.itemCount += 1
        }
        return data
    }

    /// The header read from its cells, in its fields' types, merged with the embedded header when there is one.
    private func headerValue(_ reads: [FilledWorkbook.Read], fields: [FieldSpec], embedded: TemplateValue?,
                             findings: inout [Finding], differences: inout [Difference]) -> TemplateValue {
        var visible = TemplateValue.object([:])
        var places: [String: String] = [:]
        for read in reads {
            let key = read.path.map(\.text).joined(separator: ".")
            guard let spec = fields.first(where: { $0.key == key }) else { continue }
            places[key] = read.place
            switch convert(read.value, spec, record: 0, row: nil) {
            case .success(let v?): visible.set(v, at: spec.path)
            case .success(nil): break
            case .failure(let f): findings.append(f)
            }
        }
        guard let embedded else { return visible }
        return merge(visible: visible, embedded: embedded, fields: fields, shown: Set(places.keys), places: places, row: nil, into: &differences)
    }

    /// The form named by `--form`, else the one the document names.
    private func resolveForm(_ embedded: EmbeddedCase?) throws -> Form {
        if let form {
            if let embedded, embedded.form != form.manifest.name {
                throw embedded.form.map { ExtractError.otherForm(file: file, found: $0, expected: form.manifest.name) }
                    ?? ExtractError.plainTemplate(file: file, template: embedded.template, expected: form.manifest.name)
            }
            return form
        }
        guard let name = embedded?.form, let catalog else { throw ExtractError.noData(file: file) }
        return try catalog.form(name)
    }

    /// A field read from the sheet in its type; a finding when it is not one.
    private func convert(_ raw: TemplateValue, _ spec: FieldSpec, record: Int, row: Int?) -> Converted {
        do { return .success(try FieldConverter.convert(raw, spec, today: today)) } catch {
            return .failure(Finding(.error, record: record, row: row, field: spec.key, label: spec.label, value: raw.displayText,
                                    rule: error.rule, zh: error.zh, en: error.en))
        }
    }

    private enum Converted {
        case success(TemplateValue?)
        case failure(Finding)
    }

    /// Visible and embedded values field by field: the preferred one where both are there and differ
    /// (each difference noted), the embedded one for a field the template does not show.
    private func merge(visible: TemplateValue, embedded: TemplateValue, fields: [FieldSpec], shown: Set<String>,
                       places: [String: String], row: Int?, into differences: inout [Difference]) -> TemplateValue {
        var merged = embedded
        for spec in fields where shown.contains(spec.key) {
            let v = visible.value(at: spec.path), e = embedded.value(at: spec.path)
            if Self.same(v, e) { continue }
            differences.append(Difference(file: file, place: places[spec.key] ?? "", row: row, field: spec.label,
                                          visible: v?.displayText, embedded: e?.displayText, used: prefer))
            if prefer == .visible {
                if let v { merged.set(v, at: spec.path) } else { merged.remove(at: spec.path) }
            }
        }
        return merged
    }

    static func same(_ a: TemplateValue?, _ b: TemplateValue?) -> Bool {
        switch (a, b) {
        case (nil, nil), (nil, .null?), (.null?, nil): true
        case let (.number(x)?, .number(y)?): DecimalMath.compare(x, y) == .orderedSame
        default: a == b
        }
    }

    /// A record in a few words: its first two declared fields.
    private func summary(_ value: TemplateValue, _ fields: [FieldSpec]) -> String {
        fields.prefix(2).compactMap { value.value(at: $0.path)?.displayText }.joined(separator: " ")
    }
}
