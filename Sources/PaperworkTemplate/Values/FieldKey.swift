import Foundation

/// The name of a member of an object value, with its hash worked out once, when the key is made.
///
/// Swift hashes a `String` through its normalised (NFC) form on every lookup, which for Chinese names
/// costs more than the rest of the lookup; a key made once — from a schema, a compiled tag, a
/// constant — is hashed once. Equality is `String`'s (canonical equivalence): the same bytes are
/// compared first, and two spellings of one name are still one key.
public struct FieldKey: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    private let hash: Int

    public init(_ text: String) {
        self.text = text
        hash = text.hashValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func == (a: FieldKey, b: FieldKey) -> Bool {
        a.hash == b.hash && (sameBytes(a.text, b.text) ?? (a.text == b.text))
    }

    /// True when both texts are the same bytes; nil when that is not the answer (different bytes may still be
    /// the same text, composed differently) or a text is not stored contiguously.
    private static func sameBytes(_ a: String, _ b: String) -> Bool? {
        let same = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return same == true ? true : nil
    }

    public static func < (a: FieldKey, b: FieldKey) -> Bool { a.text < b.text }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public var description: String { text }
}

extension Array where Element == FieldKey {
    /// The parts of a dotted key: `乙方.名称` → `乙方`, `名称`.
    public init(dotted key: String) {
        self = key.split(separator: ".").map { FieldKey(String($0)) }
    }
}
