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
        a.hash == b.hash && (a.text.hasSameBytes(as: b.text) || a.text == b.text)
    }

    public static func < (a: FieldKey, b: FieldKey) -> Bool { a.text < b.text }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    /// What `Dictionary` asks for: the stored hash (already a full SipHash of the text) mixed with the
    /// table's seed, instead of running a second SipHash over it on every lookup.
    public func _rawHashValue(seed: Int) -> Int {
        var x = UInt64(bitPattern: Int64(hash ^ seed))
        x ^= x >> 32
        x &*= 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        return Int(truncatingIfNeeded: x)
    }

    public var description: String { text }
}

extension String {
    /// True when both texts are the same UTF-8 bytes: a quick test before `==`, which also finds texts
    /// composed differently equal but costs more for Chinese.
    package func hasSameBytes(as other: String) -> Bool {
        let same = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
        return (same ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}

extension Array where Element == FieldKey {
    /// The parts of a dotted key: `乙方.名称` → `乙方`, `名称`.
    package init(dotted key: String) {
        self = key.split(separator: ".").map { FieldKey(String($0)) }
    }
}
