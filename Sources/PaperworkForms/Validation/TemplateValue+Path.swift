import PaperworkTemplate

extension TemplateValue {
    /// The value at a dotted path, or nil when any step is missing.
    public func value(at path: [String]) -> TemplateValue? {
        var v = self
        for key in path {
            guard let next = v[key] else { return nil }
            v = next
        }
        return v
    }

    /// Sets the value at a dotted path, making objects along the way.
    public mutating func set(_ value: TemplateValue, at path: [String]) {
        guard let first = path.first else { self = value; return }
        var members: [String: TemplateValue] = [:]
        if case .object(let existing) = self { members = existing }
        var child = members[first] ?? .object([:])
        child.set(value, at: Array(path.dropFirst()))
        members[first] = child
        self = .object(members)
    }

    /// Moves the value at a dotted path out (leaving null), so that it can be changed in place without a copy.
    mutating func take(at path: [String]) -> TemplateValue {
        guard let first = path.first, case .object(var members) = self else { return .null }
        self = .null
        var child = members.removeValue(forKey: first) ?? .null
        let taken = path.count == 1 ? child : child.take(at: Array(path.dropFirst()))
        if path.count > 1 { members[first] = child }
        self = .object(members)
        return taken
    }

    /// Removes the value at a dotted path.
    mutating func remove(at path: [String]) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = nil
        } else if var child = members[first] {
            child.remove(at: Array(path.dropFirst()))
            members[first] = child
        }
        self = .object(members)
    }

    /// The text of a scalar, for messages.
    var displayText: String {
        switch self {
        case .string(let s): s
        case .number(let n): DecimalFormat.plain(n)
        case .bool(let b): b ? "是" : "否"
        case .null: ""
        case .list(let l): "[\(l.count) 项]"
        case .object: "{…}"
        }
    }
}
