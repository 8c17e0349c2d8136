import PaperworkTemplate

/// A checked expression laid out for evaluation: its root node in the form's `Program`.
struct Code: Sendable {
    let node: Int
}

/// One field of a list's item as the evaluator holds it: the item's value at `path`, read as `type`.
struct ItemSlot: Sendable {
    let key: String
    let path: [FieldKey]
    let type: ValueType
}

/// A node of a flat expression: children are node numbers, so evaluating one reads an array and
/// retains nothing; an item's fields are slots (array indices), resolved when the form is compiled.
enum Step: Sendable {
    case constant(Int)
    /// A field or computed value of the case: its path and type by number.
    case field(path: Int, type: Int)
    /// A field of the current item of `frame`, by slot.
    case item(frame: Int, slot: Int)
    /// The current item of `frame` as a whole record.
    case record(frame: Int)
    case local(Int)
    case position(frame: Int)
    case index(Int, Int, type: Int)
    case negate(Int)
    case not(Int)
    case binary(BinaryOperator, Int, Int)
    case condition(Int, Int, Int)
    /// A function of the arguments `start..<start + count` in the program's argument list.
    case call(Function, start: Int, count: Int)
    /// An aggregate over the list at path `list`, its body evaluated on each item bound to `frame`; `extra` an argument or -1.
    case aggregate(Function, frame: Int, list: Int, body: Int, extra: Int)
    case accumulated(slot: Int)
    case roundedQuotient(Int, Int, places: Int)
}

/// A form's expressions, every one lowered into one array of nodes, with the constants, paths and
/// types they use, and the slots of each list's items (by frame).
struct Program: Sendable {
    private(set) var nodes: [Step] = []
    private(set) var constants: [Value] = []
    private(set) var paths: [[FieldKey]] = []
    private(set) var types: [ValueType] = []
    private(set) var arguments: [Int] = []
    /// Each frame's item slots: every field and per-item computed value of its list, by key order.
    private(set) var layouts: [[ItemSlot]] = []
    /// Which slots an item's entry fills from the case's item: those a step reads, and per-item computed values.
    private(set) var loaded: [[Bool]] = []
    /// Per-item computed values, by number: their frame and slot, value and condition; computed when first read.
    private(set) var itemValues: [(frame: Int, slot: Int, value: Code, when: Code?)] = []

    /// Adds the slots of frames made since the last call: `lists` are the frames' lists, `fields` each list's item types.
    mutating func addFrames(_ lists: [String], fields: [String: [String: ValueType]]) {
        while layouts.count < lists.count {
            let items = fields[lists[layouts.count]] ?? [:]
            layouts.append(items.keys.sorted().map { key in
                let type = items[key] ?? .any
                return ItemSlot(key: key, path: [FieldKey](dotted: key), type: type)
            })
            loaded.append(Array(repeating: false, count: layouts[layouts.count - 1].count))
        }
    }

    /// Adds a per-item computed value at `slot` of `frame`; its number.
    mutating func addItemValue(frame: Int, slot: Int, value: Code, when: Code?) -> Int {
        loaded[frame][slot] = true
        itemValues.append((frame, slot, value, when))
        return itemValues.count - 1
    }

    /// The slot of `key` in the items of `frame`.
    func slot(_ key: String, frame: Int) -> Int? {
        layouts[frame].firstIndex { $0.key == key }
    }

    /// Lowers a checked expression into nodes.
    mutating func add(_ e: Expr) -> Code {
        Code(node: lower(e))
    }

    private mutating func append(_ node: Step) -> Int {
        nodes.append(node)
        return nodes.count - 1
    }

    private mutating func path(_ p: [FieldKey]) -> Int {
        paths.append(p)
        return paths.count - 1
    }

    private mutating func type(_ t: ValueType) -> Int {
        types.append(t)
        return types.count - 1
    }

    private mutating func lower(_ e: Expr) -> Int {
        switch e {
        case .constant(let v):
            constants.append(v)
            return append(.constant(constants.count - 1))
        case .field(let p, let t): return append(.field(path: path(p), type: type(t)))
        case .item(let frame, let p, _):
            guard !p.isEmpty else { return append(.record(frame: frame)) }
            guard let slot = slot(p.map(\.text).joined(separator: "."), frame: frame) else { return lower(.constant(.null)) }
            loaded[frame][slot] = true
            return append(.item(frame: frame, slot: slot))
        case .local(let slot): return append(.local(slot))
        case .position(let frame): return append(.position(frame: frame))
        case .index(let base, let key, let t):
            let (b, k) = (lower(base), lower(key))
            return append(.index(b, k, type: type(t)))
        case .negate(let a): return append(.negate(lower(a)))
        case .not(let a): return append(.not(lower(a)))
        case .binary(let op, let a, let b):
            let (x, y) = (lower(a), lower(b))
            return append(.binary(op, x, y))
        case .condition(let c, let yes, let no):
            let (x, y, z) = (lower(c), lower(yes), lower(no))
            return append(.condition(x, y, z))
        case .call(let function, let args):
            let lowered = args.map { lower($0) }
            let start = arguments.count
            arguments += lowered
            return append(.call(function, start: start, count: lowered.count))
        case .aggregate(let function, let frame, let list, let body, let extra):
            let b = countsItems(function, body) ? lower(.constant(.bool(true))) : lower(body)
            let x = extra.first.map { lower($0) } ?? -1
            return append(.aggregate(function, frame: frame, list: path(list), body: b, extra: x))
        case .accumulated(let slot): return append(.accumulated(slot: slot))
        case .roundedQuotient(let a, let b, let places):
            let (x, y) = (lower(a), lower(b))
            return append(.roundedQuotient(x, y, places: places))
        }
    }

    /// Adds the body of a rows aggregate (`count(企业[])` counts each item as a present record: true).
    mutating func addBody(_ function: Function, _ body: Expr) -> Code {
        countsItems(function, body) ? add(.constant(.bool(true))) : add(body)
    }

    /// `count(L[])`: every item counts, so the record need not be made.
    private func countsItems(_ function: Function, _ body: Expr) -> Bool {
        guard function == .count, case .item(_, let p, _) = body else { return false }
        return p.isEmpty
    }
}
