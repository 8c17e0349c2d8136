import Foundation

/// A JSON-like value tree that templates are filled from.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Numbers are decimal, never binary floating point: `12345.67` stays exact.
    case number(Decimal)
    case string(String)
    case list([TemplateValue])
    case object([FieldKey: TemplateValue])

    /// The member at `key`, when this is an object. Setting a member makes this an object if it was not
    /// one, and changes the members in place.
    public subscript(key: FieldKey) -> TemplateValue? {
        get {
            if case .object(let members) = self { return members[key] }
            return nil
        }
        set {
            guard case .object(var members) = self else {
                self = .object(newValue.map { [key: $0] } ?? [:])
                return
            }
            self = .null
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The truthiness of `#if`: missing, null, false, 0, empty string and empty list are false.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): !n.isZero
        case .string(let s): !s.isEmpty
        case .list(let l): !l.isEmpty
        case .object: true
        }
    }

    /// The value's kind, for messages.
    public var kind: ValueKind {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .number: .number
        case .string: .text
        case .list: .list
        case .object: .object
        }
    }
}

extension TemplateValue: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Decimal.self) {
            self = .number(n)
        } else if let l = try? container.decode([TemplateValue].self) {
            self = .list(l)
        } else {
            let members = try container.decode([String: TemplateValue].self)
            self = .object(Dictionary(uniqueKeysWithValues: members.map { (FieldKey($0.key), $0.value) }))
        }
    }
}

extension TemplateValue {
    /// Reads JSON text; numbers keep their decimal digits exactly.
    public static func fromJSON(_ data: Data) throws -> TemplateValue {
        try JSONDecoder().decode(TemplateValue.self, from: data)
    }

    /// Converts any `Encodable` (through JSON, so numbers stay decimal).
    public static func from<T: Encodable>(_ value: T) throws -> TemplateValue {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISODate.string(from: date))
        }
        return try fromJSON(try encoder.encode(value))
    }
}
