import Foundation
import PaperworkTemplate

/// Cases read from a file and validated against their form, ready to fill — or the findings that stop them.
public struct PreparedCases: Sendable {
    /// The data file.
    public var file: String
    public var cases: [ValidatedCase]
    /// File-level findings (columns that name no field).
    public var fileFindings: [Finding]

    /// Every finding, file-level first, then by case and by source row.
    public var findings: [Finding] {
        fileFindings + cases.flatMap { c in
            c.findings.enumerated().sorted { ($0.element.row ?? 0, $0.offset) < ($1.element.row ?? 0, $1.offset) }.map(\.element)
        }
    }

    /// How many records were checked: the items of a list form's list, else the cases.
    public var recordCount: Int {
        guard let rows else { return cases.count }
        return cases.reduce(0) { total, c in
            if let stream = c.streams[FieldKey(rows)] { return total + stream.count }
            if case .list(let items)? = c.value[FieldKey(rows)] { return total + items.count }
            return total + 1
        }
    }

    /// For a list form: the key of the list its rows fill.
    var rows: String?

    /// True when any finding is an error.
    public var hasErrors: Bool { fileFindings.contains { $0.severity == .error } || cases.contains { !$0.isValid } }
}

/// Loads and validates a case file in one step, as every command does before writing anything.
public enum CasePreparation {
    /// Reads `data` and validates every case against the form; without a form the cases are taken as they are,
    /// shaped by the plain `template` (a table fills its row list), and checked by rendering (`TemplateCheck`).
    public static func prepare(data: String, form: Form?, policy: Policy?, template: DocumentTemplate? = nil,
                               options: LoadOptions = LoadOptions(), today: CalendarDate = .today) throws(PaperworkError) -> PreparedCases {
        do {
            return try prepared(data: data, form: form, policy: policy, template: template, options: options, today: today)
        } catch {
            throw .wrap(error)
        }
    }

    static func prepared(data: String, form: Form?, policy: Policy?, template: DocumentTemplate?,
                         options: LoadOptions, today: CalendarDate) throws -> PreparedCases {
        try checkSettings(options.settings, form: form, template: template)
        let listKey = form == nil ? template?.rowListKey : nil
        var loaded = try CaseLoader.load(data, form: form, listKey: listKey, names: form == nil ? template?.names ?? [] : [], options: options)
        let fileFindings = loaded.unusedColumns.map {
            Finding(.warning, record: 0, field: $0, rule: "unknown_column",
                    zh: "列「\($0)」不对应表单的任何字段，已忽略", en: "column “\($0)” names no field of the form and is ignored")
        }
        guard let form, let policy else {
            let cases = try loaded.cases.map { record -> ValidatedCase in
                var streams: [FieldKey: any ItemStream] = [:]
                if let table = record.items, let listKey { streams[listKey] = try TableRows(table: table) }
                return ValidatedCase(value: record.value, findings: [], streams: streams, row: record.row)
            }
            return PreparedCases(file: data, cases: cases, fileFindings: fileFindings, rows: listKey?.text)
        }
        var records = loaded.cases
        loaded.cases = []
        let validator = try CaseValidator(form: form, policy: policy, today: today)
        var cases: [ValidatedCase] = []
        cases.reserveCapacity(records.count)
        for i in records.indices {
            let record = records[i]
            records[i].value = .null
            cases.append(try validator.validated(record, number: i + 1))
        }
        return PreparedCases(file: data, cases: cases, fileFindings: fileFindings, rows: form.manifest.kind == .list ? form.manifest.rows : nil)
    }

    /// `--set` keys must name a field of the form, or for a plain template a name its tags read.
    static func checkSettings(_ settings: [String], form: Form?, template: DocumentTemplate?) throws(CaseFileError) {
        let known: [String]
        if let form {
            known = form.manifest.fields.flatMap { f in [f.key] + (f.fields ?? []).map(\.key) }
        } else if let template {
            known = template.names.sorted()
        } else {
            return
        }
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else { throw .badSetting(setting) }
            let key = String(setting[..<eq])
            let matches = form == nil ? known.contains(String(key.prefix { $0 != "." })) : known.contains(key)
            if !matches { throw .unknownSetting(key: key, known: known) }
        }
    }
}
