import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// How to read a case file.
public struct LoadOptions: Sendable {
    /// The worksheet of an .xlsx file; the first when nil.
    public var sheet: String?
    /// Forces the text encoding of a CSV file; detected when nil.
    public var encoding: TextDecoding.Encoding?
    /// `key=value` pairs set on every case (`部门=区商务局`).
    public var settings: [String]

    public init(sheet: String? = nil, encoding: TextDecoding.Encoding? = nil, settings: [String] = []) {
        self.sheet = sheet
        self.encoding = encoding
        self.settings = settings
    }
}

/// The cases read from a file, and what the reader noticed about its columns.
public struct LoadedCases: Sendable {
    public var cases: [CaseRecord]
    /// Columns that name no field of the form.
    public var unusedColumns: [String]
}

/// Reads case files of every supported kind into cases for a form (or for a bare template).
public enum CaseLoader {
    /// JSON and YAML hold nested cases; CSV and XLSX hold one case per row, or for a list — a list form's, or the
    /// list a plain workbook template's rows repeat over (`listKey`) — one item per row.
    /// Without a form, `names` (the names a plain template's tags read) find the heading row below a title.
    public static func load(_ path: String, form: Form?, listKey: FieldKey? = nil, names: Set<String> = [],
                            options: LoadOptions = LoadOptions()) throws -> LoadedCases {
        let settings = try options.settings.map { setting throws(CaseFileError) -> ([FieldKey], String) in
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else { throw .badSetting(setting) }
            return ([FieldKey](dotted: String(setting[..<eq])), String(setting[setting.index(after: eq)...]))
        }
        var loaded: LoadedCases
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json" where self.listKey(form: form, plain: listKey) != nil:
            loaded = try jsonCases(path, listKey: self.listKey(form: form, plain: listKey)!)
        case "json", "yaml", "yml":
            let records = try CaseFile.read(at: path)
            if let key = self.listKey(form: form, plain: listKey), records.allSatisfy({ $0[key] == nil }) {
                loaded = LoadedCases(cases: [CaseRecord(value: .object([key: .list(records)]))], unusedColumns: [])
            } else {
                loaded = LoadedCases(cases: records.map { CaseRecord(value: $0) }, unusedColumns: [])
            }
        case "csv":
            loaded = try cases(from: RowReader.csv(path, encoding: options.encoding), form: form, listKey: listKey, names: names, file: path)
        case "xlsx":
            loaded = try cases(from: RowReader.xlsx(path, sheet: options.sheet), form: form, listKey: listKey, names: names, file: path)
        default:
            throw CaseFileError.unsupportedFormat(file: path)
        }
        for i in loaded.cases.indices {
            for (key, value) in settings { loaded.cases[i].value.set(.string(value), at: key) }
        }
        return loaded
    }

    /// A JSON file: when it is a list of records without the list (`企业`) among their members, one case whose
    /// items are the records, each read from the text when it is needed; otherwise its records, held.
    private static func jsonCases(_ path: String, listKey: FieldKey) throws -> LoadedCases {
        let data = try CaseFile.contents(of: path)
        try CaseFile.checkUTF8(data, file: path)
        let ranges: [Range<Int>]?
        do { ranges = try JSONReader.items(in: data) } catch { throw CaseFileError.malformed(file: path, error) }
        guard let ranges, let first = ranges.first,
              ranges.allSatisfy({ data[data.startIndex + $0.lowerBound] == UInt8(ascii: "{") }),
              JSONReader.item(first, in: data)[listKey] == nil else {
            return LoadedCases(cases: try CaseFile.records(in: data, file: path).map { CaseRecord(value: $0) }, unusedColumns: [])
        }
        let table = TableItems(reader: .json(data, items: ranges, file: path), headingRow: 0, map: .whole, numbered: false)
        return LoadedCases(cases: [CaseRecord(value: .object([:]), items: table)], unusedColumns: [])
    }

    /// The cases of a table: one per row, or for a list form one case whose items are the rows, left in the file.
    static func cases(from reader: RowReader, form: Form?, listKey: FieldKey?, names: Set<String> = [], file: String) throws -> LoadedCases {
        let isList = self.listKey(form: form, plain: listKey) != nil
        let fields = isList ? form?.manifest.rowFields : form?.manifest.fields
        let head = try reader.prefix(10)
        guard let heading = try headingRow(head, fields: fields, names: names, file: file) else { throw CaseFileError.empty(file: file) }
        let map = try ColumnMap(headings: heading.cells.map(\.displayText), fields: fields, file: file)
        let unused = map.unknown.map(\.heading)
        let table = TableItems(reader: reader, headingRow: heading.number, map: map)
        if isList {
            let itemInHead = head.contains { $0.number > heading.number && !TableItems.isNote($0.cells) }
            guard try itemInHead || table.hasItems() else { throw CaseFileError.empty(file: file) }
            return LoadedCases(cases: [CaseRecord(value: .object([:]), items: table)], unusedColumns: unused)
        }
        var records: [CaseRecord] = []
        try table.forEach { row, cells in records.append(CaseRecord(value: map.record(cells), row: row)) }
        guard !records.isEmpty else { throw CaseFileError.empty(file: file) }
        return LoadedCases(cases: records, unusedColumns: unused)
    }

    /// The key of the list whose items are a table's rows: a list form's rows, or for a plain template its row list.
    private static func listKey(form: Form?, plain: FieldKey?) -> FieldKey? {
        guard let form else { return plain }
        return form.manifest.kind == .list ? form.manifest.rows.map { FieldKey($0) } : nil
    }

    /// The heading row: among the first rows, the first where two or more headings name fields — or without a form,
    /// names the template's tags read — so that a title row above is skipped; else the first row.
    private static func headingRow(_ rows: [(number: Int, cells: [TemplateValue])], fields: [FieldSpec]?, names: Set<String>,
                                   file: String) throws(CaseFileError) -> (number: Int, cells: [TemplateValue])? {
        guard let first = rows.first(where: { $0.cells.contains { $0 != .null } }) else { return nil }
        guard fields != nil else {
            return rows.first { row in row.cells.filter { names.contains($0.displayText.trimmed) }.count >= 2 } ?? first
        }
        for row in rows {
            if let map = try? ColumnMap(headings: row.cells.map(\.displayText), fields: fields, file: file), map.known >= 2 { return row }
        }
        return first
    }
}
