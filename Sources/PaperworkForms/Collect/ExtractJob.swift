import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// `paperwork extract`: the data of many documents, written as JSON, CSV or a workbook that `fill` reads again.
public struct ExtractJob: Sendable {
    /// One document read back, its list's items held.
    public struct Document: Sendable {
        public var data: DocumentData
        public var items: [ReadItem]

        /// The case with its items in place: what the document was filled from.
        public var value: TemplateValue {
            guard let list = data.list else { return data.value }
            var v = data.value
            v[list] = .list(items.map(\.value))
            return v
        }
    }

    public var files: [String]
    public var form: Form?
    public var catalog: FormCatalog?
    public var prefer: Preference

    public init(files: [String], form: Form?, catalog: FormCatalog?, prefer: Preference = .visible) {
        self.files = files
        self.form = form
        self.catalog = catalog
        self.prefer = prefer
    }

    /// Reads every file; one that cannot be read is reported with its reason, not fatal. `progress` gets the
    /// records read (a list's rows, or one per document) and those expected, every few hundred rows and at each file's end.
    public func run(progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> (documents: [Document], failures: [(file: String, reason: any LocalizedFailure)]) {
        var documents: [Document] = []
        var failures: [(String, any LocalizedFailure)] = []
        let rows = RowProgress(total: max(files.count, RowProgress.embeddedRows(files)), report: progress)
        for file in files {
            var items: [ReadItem] = []
            do {
                let data = try DocumentReader(file: file, form: form, catalog: catalog, prefer: prefer).read {
                    items.append($0)
                    rows.row()
                }
                if data.list == nil { rows.row() }
                documents.append(Document(data: data, items: items))
            } catch let failure as LocalizedFailure {
                failures.append((file, failure))
            } catch {
                failures.append((file, PackageError.unreadable(file: file, cause: .reading(file))))
            }
            rows.flush()
        }
        return (documents, failures)
    }

    /// Writes the documents' data: `.json` (each document's case whole), `.csv` or `.xlsx` (one row per
    /// list item, or per document for a document form, with headings `fill` reads).
    public static func write(_ documents: [Document], to path: String, overwrite: Bool) throws(PaperworkError) {
        do { try writeData(documents, to: path, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private static func writeData(_ documents: [Document], to path: String, overwrite: Bool) throws {
        let bytes: [UInt8]
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json":
            bytes = Array(json(documents).utf8)
        case "csv":
            bytes = ReportTable.csv(rows(documents))
        case "xlsx":
            let table = rows(documents)
            bytes = try SimpleWorkbook(
                sheetName: "数据", columns: (table.first ?? []).map { _ in SimpleWorkbook.Column(width: 18) },
                rows: table.map { $0.map { SimpleWorkbook.Cell.text($0) } }).serialized()
        default:
            throw ExtractError.outputFormat(file: path)
        }
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }

    /// The documents as JSON: for each, its file, form, whether it had embedded data, and its case.
    public static func json(_ documents: [Document]) -> String {
        var out = Array("[".utf8)
        for (i, d) in documents.enumerated() {
            out += (i == 0 ? "\n  {" : ",\n  {").utf8
            out += "\"file\": ".utf8; JSONText.write(.string(d.data.file), into: &out)
            out += ", \"form\": ".utf8; JSONText.write(d.data.form.map { .string($0.manifest.name) } ?? .null, into: &out)
            if d.data.form == nil, let template = d.data.embedded?.template {
                out += ", \"template\": ".utf8; JSONText.write(.string(template), into: &out)
            }
            out += ", \"embedded\": \(d.data.embedded != nil), \"data\": ".utf8
            JSONText.write(d.value, into: &out)
            out += "}".utf8
        }
        out += "\n]".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// Headings, then one row per item (list forms) or per document: dotted keys, list items as `付息记录[1].日期`.
    static func rows(_ documents: [Document]) -> [[String]] {
        var records: [[String: String]] = []
        for d in documents {
            if d.data.list != nil {
                for item in d.items { records.append(flatten(item.value)) }
            } else {
                records.append(flatten(d.data.value))
            }
        }
        var headings: [String] = []
        var seen = Set<String>()
        for r in records { for k in r.keys.sorted() where seen.insert(k).inserted { headings.append(k) } }
        return [headings] + records.map { r in headings.map { r[$0] ?? "" } }
    }

    static func flatten(_ value: TemplateValue, prefix: String = "") -> [String: String] {
        switch value {
        case .object(let members):
            return members.reduce(into: [:]) { out, m in out.merge(flatten(m.value, prefix: prefix.isEmpty ? m.key.text : prefix + "." + m.key.text)) { a, _ in a } }
        case .list(let items):
            return items.enumerated().reduce(into: [:]) { out, e in out.merge(flatten(e.element, prefix: "\(prefix)[\(e.offset + 1)]")) { a, _ in a } }
        case .null: return [:]
        case .bool(let b): return [prefix: b ? "是" : "否"]
        case .number(let n): return [prefix: DecimalFormat.plain(n)]
        case .string(let s): return [prefix: s]
        }
    }
}

/// Values as JSON text: numbers with their decimal digits, keys sorted.
enum JSONText {
    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes]
        return e
    }()

    static func write(_ value: TemplateValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += DecimalFormat.plain(n).utf8
        case .string(let s): out += (try? encoder.encode(s)).map { [UInt8]($0) } ?? Array("\"\"".utf8)
        case .list(let items):
            out += "[".utf8
            for (i, item) in items.enumerated() { if i > 0 { out += ", ".utf8 }; write(item, into: &out) }
            out += "]".utf8
        case .object(let members):
            out += "{".utf8
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += ", ".utf8 }
                write(.string(key.text), into: &out)
                out += ": ".utf8
                write(members[key] ?? .null, into: &out)
            }
            out += "}".utf8
        }
    }
}
