import PaperworkOOXML
import PaperworkTemplate

/// Where each column of a flat table goes in a record: a dotted key, or an item of a list (`付息记录[1].日期`).
struct ColumnMap {
    enum Target: Equatable {
        case field([FieldKey])
        case listItem(list: [FieldKey], index: Int, field: [FieldKey])
        case ignored
        /// The one cell is the whole record (an item of a JSON list).
        case whole
    }

    var targets: [Target]
    var unknown: [(column: Int, heading: String)] = []
    /// Without a form, an empty cell under a heading is empty text, as an empty CSV field is: the column is
    /// there and was left blank. With a form, the field's own rules say whether it may be empty.
    private var blanksAreText = false

    /// Maps headings to keys by the form's keys, labels and aliases; without a form, a heading is its key.
    init(headings: [String], fields: [FieldSpec]?, file: String) throws(CaseFileError) {
        var names: [String: [FieldKey]] = [:]
        var lists: [String: (key: [FieldKey], fields: [String: [FieldKey]])] = [:]
        for spec in fields ?? [] {
            for name in [spec.key, spec.label] + spec.aliases { names[name] = names[name] ?? spec.path }
            if spec.type == .list, let items = spec.fields {
                var itemNames: [String: [FieldKey]] = [:]
                for item in items { for name in [item.key, item.label] + item.aliases { itemNames[name] = item.path } }
                for name in [spec.key, spec.label] + spec.aliases { lists[name] = (spec.path, itemNames) }
            }
        }
        var seen: [String: Int] = [:]
        targets = []
        blanksAreText = fields == nil
        for (i, raw) in headings.enumerated() {
            let heading = raw.trimmed
            guard !heading.isEmpty else { targets.append(.ignored); continue }
            if seen[heading] != nil { throw .duplicateHeader(file: file, column: CellReference.columnName(i), heading: heading) }
            seen[heading] = i
            if let (list, index, field) = Self.listColumn(heading) {
                if fields == nil {
                    targets.append(.listItem(list: [FieldKey](dotted: list), index: index, field: [FieldKey](dotted: field)))
                } else if let l = lists[list], let f = l.fields[field] {
                    targets.append(.listItem(list: l.key, index: index, field: f))
                } else {
                    targets.append(.ignored); unknown.append((i, heading))
                }
            } else if fields == nil {
                targets.append(.field([FieldKey](dotted: heading)))
            } else if let path = names[heading] {
                targets.append(.field(path))
            } else {
                targets.append(.ignored); unknown.append((i, heading))
            }
        }
    }

    /// The map of rows whose one cell is the whole record.
    static let whole = ColumnMap(targets: [.whole])

    private init(targets: [Target]) { self.targets = targets }

    /// How many headings name a known field.
    var known: Int { targets.filter { $0 != .ignored }.count }

    /// `付息记录[2].日期` → (`付息记录`, 1, `日期`).
    static func listColumn(_ heading: String) -> (String, Int, String)? {
        guard let open = heading.firstIndex(of: "["), let close = heading[open...].firstIndex(of: "]"),
              let n = Int(heading[heading.index(after: open)..<close]), n >= 1 else { return nil }
        let rest = heading[heading.index(after: close)...]
        guard rest.hasPrefix("."), rest.count > 1 else { return nil }
        return (String(heading[..<open]), n - 1, String(rest.dropFirst()))
    }

    /// The record a row of cells makes.
    func record(_ cells: [TemplateValue]) -> TemplateValue {
        if targets == [.whole] { return cells.first ?? .null }
        var value = TemplateValue.object(Dictionary(minimumCapacity: targets.count + 8))
        var lists: [[FieldKey]: [Int: TemplateValue]] = [:]
        for (i, target) in targets.enumerated() {
            guard i < cells.count && cells[i] != .null else {
                if blanksAreText, case .field(let path) = target { value.set(.string(""), at: path) }
                continue
            }
            switch target {
            case .field(let path): value.set(cells[i], at: path)
            case .listItem(let list, let index, let field): lists[list, default: [:]][index, default: .object([:])].set(cells[i], at: field)
            case .ignored, .whole: break
            }
        }
        for (list, items) in lists {
            let ordered = items.keys.sorted().compactMap { k -> TemplateValue? in
                guard case .object(let members) = items[k]!, members.values.contains(where: { !$0.displayText.trimmed.isEmpty }) else { return nil }
                return items[k]
            }
            value.set(.list(ordered), at: list)
        }
        return value
    }
}
