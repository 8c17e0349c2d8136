import Synchronization

/// What reading a package's own, unchanged parts found, shared by every copy of the package.
///
/// A batch fills one copy of the template's package per document and asks each copy for the same relationships
/// and custom XML items; the answers depend only on the source's parts, so they are worked out once. Entries are
/// only ever asked for and stored for parts the copy has not replaced.
final class SourcePartCache: Sendable {
    private let relationships = Mutex<[String: [Relationship]]>([:])
    private let rootNamespaces = Mutex<[String: String?]>([:])
    private let extendedRelationships = Mutex<[String: [UInt8]]>([:])

    /// The relationships in a source `.rels` part, read by `read` the first time.
    func relationships(in relsPart: String, read: () throws(PackageError) -> [Relationship]) throws(PackageError) -> [Relationship] {
        if let known = relationships.withLock({ $0[relsPart] }) { return known }
        let list = try read()
        relationships.withLock { $0[relsPart] = list }
        return list
    }

    /// The namespace of a source part's root element (nil when it has none or cannot be read), found by `read` the first time.
    func rootNamespace(of part: String, read: () -> String?) -> String? {
        if let known = rootNamespaces.withLock({ $0[part] }) { return known }
        let namespace = read()
        rootNamespaces.withLock { $0[part] = namespace }
        return namespace
    }

    /// A source `.rels` part with one relationship added, as bytes, made by `make` the first time for this key.
    func extended(_ key: String, make: () throws(PackageError) -> [UInt8]) throws(PackageError) -> [UInt8] {
        if let known = extendedRelationships.withLock({ $0[key] }) { return known }
        let bytes = try make()
        extendedRelationships.withLock { $0[key] = bytes }
        return bytes
    }
}
