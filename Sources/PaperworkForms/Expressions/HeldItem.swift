import PaperworkTemplate

/// The current item of a list as the case holds it: its members, or — for a row converted straight from
/// its cells — its fields in the order of the list's item fields, so that no dictionary is made per row.
enum HeldItem: Sendable {
    case members([FieldKey: TemplateValue])
    case fields([TemplateValue?], FieldOrder)

    static let none = HeldItem.members([:])

    /// The item's value at `key`.
    func member(_ key: FieldKey) -> TemplateValue? {
        switch self {
        case .members(let members): members[key]
        case .fields(let values, let order): order.index[key].flatMap { values[$0] }
        }
    }

    /// The item's members.
    var members: [FieldKey: TemplateValue] {
        switch self {
        case .members(let members): return members
        case .fields(let values, let order):
            var members = [FieldKey: TemplateValue](minimumCapacity: values.count)
            for (key, value) in zip(order.keys, values) { members[key] = value }
            return members
        }
    }
}

/// A list's item fields in the order a row's converted values come in, and the evaluator slot each fills.
final class FieldOrder: Sendable {
    let keys: [FieldKey]
    let index: [FieldKey: Int]
    /// Each slot an item's entry fills: the field it is read from (-1: none, so missing), and the type it is read as.
    let slots: [(slot: Int, field: Int, type: ValueType)]

    /// The order of `keys` for the items of `frame` in `program`.
    init(keys: [FieldKey], frame: Int, program: Program) {
        self.keys = keys
        let index = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        self.index = index
        let layout = program.layouts[frame]
        slots = layout.indices.filter { program.loaded[frame][$0] }.map { i in
            (i, layout[i].path.count == 1 ? index[layout[i].path[0]] ?? -1 : -1, layout[i].type)
        }
    }
}
