import PaperworkTemplate

extension TemplateValue {
    /// The value at a dotted path, or nil when any step is missing.
    public func value(at path: [FieldKey]) -> TemplateValue? {
        var v = self
        for key in path {
            guard let next = v[key] else { return nil }
            v = next
        }
        return v
    }

    /// Sets the value at a dotted path, making objects along the way.
    public mutating func set(_ value: TemplateValue, at path: [FieldKey]) {
        set(value, at: path[...])
    }

    /// Changes the objects along the path in place: each child is taken out of its parent first, so that
    /// it is the only reference to its storage and no dictionary is copied.
    private mutating func set(_ value: TemplateValue, at path: ArraySlice<FieldKey>) {
        guard let first = path.first else { self = value; return }
        guard path.count > 1 else { self[first] = value; return }
        var child = removeMember(first) ?? .object([:])
        child.set(value, at: path.dropFirst())
        self[first] = child
    }

    /// Takes a member out of an object, in place.
    private mutating func removeMember(_ key: FieldKey) -> TemplateValue? {
        guard case .object(var members) = self else { return nil }
        self = .null
        let member = members.removeValue(forKey: key)
        self = .object(members)
        return member
    }

    /// Moves the value at a dotted path out (its key removed), so that it can be changed in place without a copy.
    mutating func take(at path: [FieldKey]) -> TemplateValue {
        guard let first = path.first, case .object = self else { return .null }
        var child = removeMember(first) ?? .null
        guard path.count > 1 else { return child }
        let taken = child.take(at: Array(path.dropFirst()))
        self[first] = child
        return taken
    }

    /// Removes the value at a dotted path.
    mutating func remove(at path: [FieldKey]) {
        guard let first = path.first, case .object = self else { return }
        guard path.count > 1 else { self[first] = nil; return }
        guard var child = removeMember(first) else { return }
        child.remove(at: Array(path.dropFirst()))
        self[first] = child
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
