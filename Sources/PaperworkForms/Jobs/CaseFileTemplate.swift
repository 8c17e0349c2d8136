import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// Empty case files for a form: YAML with a comment per field, or a data-entry workbook.
public enum CaseFileTemplate {
    /// The extensions `write` knows: a data-entry workbook, YAML with comments, or JSON.
    public static let extensions = ["xlsx", "yaml", "yml", "json"]

    /// Writes `path`: `.xlsx` gives a data-entry workbook, `.yaml`/`.yml` YAML with a comment per field,
    /// `.json` the same keys with empty values.
    public static func write(_ form: Form, to path: String, overwrite: Bool) throws(PaperworkError) {
        do { try writeFile(form, to: path, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private static func writeFile(_ form: Form, to path: String, overwrite: Bool) throws {
        try OutputPlace.checkFile(path, extensions: extensions, overwrite: overwrite)
        let bytes: [UInt8]
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "xlsx": bytes = try workbook(form)
        case "json": bytes = try json(form)
        default: bytes = Array(yaml(form).utf8)
        }
        try OutputPlace.makeFolder(holding: path)
        try AtomicFile.write(bytes, to: path, overwrite: overwrite)
    }

    /// JSON: the fields nested by their dotted keys, each empty (a list holds one empty item).
    public static func json(_ form: Form) throws -> [UInt8] {
        func object(_ fields: [FieldSpec]) -> [String: Any] {
            var value: [String: Any] = [:]
            for f in fields {
                let leaf: Any = f.type == .list ? [object(f.fields ?? [])] : ""
                let path = f.key.split(separator: ".").map(String.init)
                func put(_ dict: inout [String: Any], _ keys: ArraySlice<String>) {
                    guard let first = keys.first else { return }
                    if keys.count == 1 { dict[first] = leaf; return }
                    var inner = dict[first] as? [String: Any] ?? [:]
                    put(&inner, keys.dropFirst())
                    dict[first] = inner
                }
                put(&value, path[...])
            }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: object(form.manifest.fields),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [UInt8(ascii: "\n")]
    }

    static func describe(_ f: FieldSpec) -> String {
        var parts = [f.label, f.required ? "必填" : "选填", f.type.shown(unit: f.unit, true)]
        if let values = f.values { parts.append("可选：" + values.joined(separator: "/")) }
        if let min = f.min { parts.append("≥ \(Form.shown(limit: min, f.type))") }
        if let max = f.max { parts.append("≤ \(Form.shown(limit: max, f.type))") }
        if let max = f.maxLength { parts.append("最多 \(max) 字") }
        if let note = f.note { parts.append(note) }
        return parts.joined(separator: "，")
    }

    /// YAML: the fields nested by their dotted keys, each with its comment.
    public static func yaml(_ form: Form) -> String {
        var lines = ["# \(form.manifest.title)（\(form.manifest.name)）",
                     "# 填好后检查：paperwork validate --form \(form.manifest.name) 本文件",
                     "# 生成文件：paperwork fill --form \(form.manifest.name) 本文件 -o 输出文件", ""]
        func emit(_ fields: [FieldSpec], indent: String, listItem: Bool) {
            var opened: Set<String> = []
            var first = true
            for f in fields {
                let path = f.path
                var prefix = indent
                for (depth, key) in path.dropLast().enumerated() {
                    let id = path[...depth].map(\.text).joined(separator: ".")
                    if !opened.contains(id) {
                        opened.insert(id)
                        lines.append(prefix + (listItem && first ? "- " : (listItem ? "  " : "")) + "\(key):")
                        first = false
                    }
                    prefix += "  "
                }
                let lead = listItem ? (first ? "- " : "  ") : ""
                first = false
                let pad = prefix + lead
                if f.type == .list {
                    lines.append(pad + "\(path.last!):   # \(describe(f))")
                    emit(f.fields ?? [], indent: prefix + (listItem ? "  " : "") + "  ", listItem: true)
                } else {
                    lines.append(pad + "\(path.last!):   # \(describe(f))")
                }
            }
        }
        emit(form.manifest.fields, indent: "", listItem: false)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A workbook to fill in Excel or WPS: Chinese headings, a note row, drop-downs, formats and a sample row.
    public static func workbook(_ form: Form) throws -> [UInt8] {
        let fields: [(heading: String, spec: FieldSpec)]
        if let rows = form.manifest.rowFields {
            fields = rows.map { ($0.label, $0) }
        } else {
            fields = form.manifest.fields.flatMap { f -> [(String, FieldSpec)] in
                guard f.type == .list, let items = f.fields else { return [(f.label, f)] }
                return (1...3).flatMap { n in items.map { ("\(f.label)[\(n)].\($0.label)", $0) } }
            }
        }
        let columns = fields.map { SimpleWorkbook.Column(width: width($0.spec, heading: $0.heading), format: format($0.spec),
                                                        choices: $0.spec.values ?? ($0.spec.type == .boolean ? ["是", "否"] : nil)) }
        let notes = fields.enumerated().map { i, f in SimpleWorkbook.Cell.text((i == 0 ? sampleNote : "") + describe(f.spec)) }
        let sample = fields.enumerated().map { i, f -> SimpleWorkbook.Cell in
            let cell = sampleCell(f.spec, heading: f.heading)
            switch (i, cell) {
            case (0, .text(let t)): return .text(sampleMark + t)
            case (0, .number(let n)): return .text(sampleMark + "\(n)")
            case (0, .empty): return .text(sampleMark)
            default: return cell
            }
        }
        var rows: [[SimpleWorkbook.Cell]] = [fields.map { .text($0.heading) }, notes, sample]
        if form.manifest.kind == .list {
            rows.append([.text("说明：部门、批次、填报人、联系电话、填报日期在生成时用 --set 给出，例如 --set 部门=区商务局 --set 批次=2")])
        }
        var heights: [Int: Double] = [:]
        for number in [2, 3, 4] where number <= rows.count {
            let lines = zip(rows[number - 1], columns).map { cell, column in
                guard case .text(let text) = cell else { return 1 }
                return Int((noteWidth(text) / max(column.width - 1, 1)).rounded(.up))
            }.max() ?? 1
            heights[number] = Double(max(lines, 1)) * 12 + 3
        }
        return try SimpleWorkbook(sheetName: form.manifest.title.prefix(31).description, columns: columns, rows: rows,
                                  noteRows: [2, 3, 4], rowHeights: heights).serialized()
    }

    /// A column wide enough for its heading and for what is typed in it: names and addresses, codes, phone numbers.
    private static func width(_ spec: FieldSpec, heading: String) -> Double {
        let typical: Double = switch spec.type {
        case .text: spec.maxLength.map { $0 >= 100 ? 34 : $0 >= 40 ? 20 : 12 } ?? 16
        case .creditCode, .idNumber, .email: 22
        case .phone, .enum: 15
        case .amount, .quantity, .date: 13
        default: 10
        }
        return max(typical, Double(heading.count) * 2.2)
    }

    /// The width of a note in column units, at the note style's 9 pt: a Chinese character about 1.6, others about 0.9.
    private static func noteWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 0.9 : 1.6) }
    }

    /// The first cell of the sample row starts with this, so that a reader skips the row (`TableItems.isNote`).
    static let sampleMark = "示例："
    static let sampleNote = "说明（第 3 行是示例，读取时跳过；请从下面的空行起填写）："

    /// A count shows its unit after the figure typed (`12人`), a percentage a `%` that does not scale what is typed
    /// (5.5 is 5.5 %, as the field reads it).
    private static func format(_ spec: FieldSpec) -> String? {
        switch spec.type {
        case .amount: "#,##0.00"
        case .quantity: "#,##0.00##"
        case .integer: "0"
        case .count: spec.unit.map { $0.isEmpty ? "0" : "0\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" } ?? "0"
        case .ratio: "0.00%"
        case .percent: "0.00\"%\""
        case .date: "yyyy-mm-dd"
        case .text, .creditCode, .idNumber, .phone, .email, .enum: "@"
        case .boolean, .list: nil
        }
    }

    private static func sampleCell(_ f: FieldSpec, heading: String) -> SimpleWorkbook.Cell {
        if let example = f.example {
            if f.type.isNumber, let n = DecimalFormat.parseAmount(example) { return .number(n) }
            return .text(example)
        }
        switch f.type {
        case .text: return .text("示例" + f.label.prefix(8))
        case .integer, .count: return .number(f.min.flatMap(DecimalFormat.parseAmount).map { max($0, 10) } ?? 10)
        case .percent: return .number(Decimal(string: "5.5")!)
        case .amount: return .number(Decimal(string: "1234.50")!)
        case .quantity: return .number(100)
        case .ratio: return .number(Decimal(string: "0.04")!)
        case .date: return .text(f.min.flatMap(CalendarDate.parse).map { max($0, CalendarDate(year: 2020, month: 5, day: 20)!) }?.iso
                                 ?? f.max.flatMap(CalendarDate.parse).map { min($0, CalendarDate(year: 2020, month: 5, day: 20)!) }?.iso ?? "2020-05-20")
        case .boolean: return .text("是")
        case .enum: return .text(f.values?.first ?? "")
        case .creditCode: return .text("91110000100010433L")
        case .idNumber: return .text("11010519491231002X")
        case .phone: return .text("010-69043376")
        case .email: return .text("name@example.cn")
        case .list: return .empty
        }
    }
}
