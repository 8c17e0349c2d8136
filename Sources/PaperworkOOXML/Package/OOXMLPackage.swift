import Foundation

/// An Office Open XML package (.docx, .xlsx): its parts, content types and relationships.
///
/// Reading never changes the source; edits are recorded and applied when the package is
/// serialised. Unchanged parts are copied compressed as they are; changed parts are deflated;
/// `[Content_Types].xml` comes first; timestamps are fixed, so output is deterministic.
public struct OOXMLPackage: Sendable {
    /// The file's path, or a label for bytes; used in every message.
    public let label: String
    public private(set) var contentTypes: ContentTypes
    private(set) var archive: ZipArchive
    private var order: [String]
    private var replaced: [String: [UInt8]] = [:]
    private var files: [String: DeflatedPart] = [:]
    /// True once a content type was set or removed: `[Content_Types].xml` is then written anew, else copied.
    private var contentTypesChanged = false
    /// Shared by every copy of this package: what its unchanged parts were found to hold.
    let sourceParts = SourcePartCache()

    static let contentTypesPart = "[Content_Types].xml"
    /// Largest file accepted as a template.
    public static let maxFileSize = 256 << 20

    /// Opens the package stored in a file.
    /// The file stays open and its parts are read from it as they are needed: a package is not held in memory.
    public init(contentsOf path: String, limits: ZipLimits = ZipLimits()) throws(PackageError) {
        let (file, size) = try Self.openFile(path)
        let archive: ZipArchive
        do { archive = try ZipArchive(file: file, size: size, label: path, limits: limits) } catch { throw .zip(error) }
        try self.init(archive)
    }

    /// Opens a package from bytes; `label` names it in messages.
    public init(bytes: [UInt8], label: String, limits: ZipLimits = ZipLimits()) throws(PackageError) {
        let archive: ZipArchive
        do { archive = try ZipArchive(bytes: bytes, label: label, limits: limits) } catch { throw .zip(error) }
        try self.init(archive)
    }

    private init(_ archive: ZipArchive) throws(PackageError) {
        self.label = archive.label
        self.archive = archive
        order = archive.entries.map(\.name)
        guard let ctEntry = archive.entries.first(where: { $0.name == Self.contentTypesPart }) else {
            throw .missingContentTypes(file: label)
        }
        let ctBytes: [UInt8]
        do { ctBytes = try archive.read(ctEntry) } catch { throw .zip(error) }
        do { contentTypes = ContentTypes(try MarkupParser.parse(ctBytes, part: Self.contentTypesPart)) } catch {
            throw .xml(file: label, error)
        }
        let main = try mainDocumentPart()
        guard contains(main) else { throw .missingPart(file: label, part: main) }
    }

    /// The bytes this package holds in memory: the parts set since it was opened (a filled document's own parts).
    public var heldBytes: Int { replaced.values.reduce(0) { $0 + $1.count } }

    /// The names of all parts, in archive order (folders excluded).
    public var partNames: [String] { order.filter { !$0.hasSuffix("/") } }

    /// True when the package holds a part of this name.
    public func contains(_ part: String) -> Bool {
        order.contains(part)
    }

    /// The uncompressed size of a part.
    public func size(of part: String) -> Int? {
        if let r = replaced[part] { return r.count }
        if let f = files[part] { return f.size }
        return entry(part).map { Int($0.size) }
    }

    /// The raw bytes of a part.
    public func data(of part: String) throws(PackageError) -> [UInt8] {
        if part == Self.contentTypesPart { return contentTypes.serialized() }
        if let r = replaced[part] { return r }
        if let f = files[part] {
            do { return try f.contents() } catch { throw .output(error) }
        }
        guard let e = entry(part) else { throw .missingPart(file: label, part: part) }
        do { return try archive.read(e) } catch { throw .zip(error) }
    }

    /// A part parsed as XML.
    public func xml(of part: String) throws(PackageError) -> MarkupDocument {
        let bytes = try data(of: part)
        do { return try MarkupParser.parse(bytes, part: part) } catch { throw .xml(file: label, error) }
    }

    /// The relationships of a part (`""` for the package's own `_rels/.rels`); none when it has no `.rels`.
    public func relationships(of part: String) throws(PackageError) -> [Relationship] {
        let relsPart = PartName.relationshipsPart(of: part)
        guard contains(relsPart) else { return [] }
        guard isSource(relsPart) else { return Relationship.list(in: try xml(of: relsPart), source: part) }
        return try sourceParts.relationships(in: relsPart) { () throws(PackageError) in
            Relationship.list(in: try xml(of: relsPart), source: part)
        }
    }

    /// Whether a part is still the source's own (not replaced, not written since), so what it holds can be remembered.
    func isSource(_ part: String) -> Bool {
        part != Self.contentTypesPart && replaced[part] == nil && files[part] == nil
    }


    /// The main part (`word/document.xml`, `xl/workbook.xml`), found through `_rels/.rels`.
    public func mainDocumentPart() throws(PackageError) -> String {
        let rel = try relationships(of: "").first { $0.kind == "officeDocument" && !$0.isExternal }
        guard let part = rel?.targetPart else { throw .missingMainPart(file: label) }
        return part
    }

    /// The parts a part points to, with relationships of the given kind (`header`, `worksheet`).
    public func related(to part: String, kind: String) throws(PackageError) -> [String] {
        try relationships(of: part).filter { $0.kind == kind }.compactMap(\.targetPart).filter { contains($0) }
    }

    /// Every part with its content type and uncompressed size, in archive order.
    public var inventory: [(part: String, contentType: String?, size: Int)] {
        partNames.map { ($0, contentType(of: $0), size(of: $0) ?? 0) }
    }

    /// The content type of a part.
    public func contentType(of part: String) -> String? { contentTypes.type(of: part) }

    /// Replaces a part's bytes, or adds a new part (with its content type when given).
    public mutating func setPart(_ part: String, bytes: [UInt8], contentType: String? = nil) {
        if !order.contains(part) { order.append(part) }
        replaced[part] = bytes
        files[part] = nil
        if let contentType, contentTypes.type(of: part) != contentType {
            contentTypes.setOverride(part, type: contentType)
            contentTypesChanged = true
        }
    }

    /// Replaces a part with one deflated as it was written (for parts too large to hold in memory).
    public mutating func setPart(_ part: String, file: DeflatedPart) {
        if !order.contains(part) { order.append(part) }
        replaced[part] = nil
        files[part] = file
    }

    /// Replaces a part with a serialised XML document.
    public mutating func setPart(_ part: String, xml: MarkupDocument, contentType: String? = nil) {
        setPart(part, bytes: MarkupSerializer.serialize(xml), contentType: contentType)
    }

    /// Removes a part and its content-type override.
    public mutating func removePart(_ part: String) {
        order.removeAll { $0 == part }
        replaced[part] = nil
        files[part] = nil
        contentTypes.setOverride(part, type: nil)
        contentTypesChanged = true
    }

    /// The package as bytes: `[Content_Types].xml` first, then the parts in order.
    public func serialized() throws(PackageError) -> [UInt8] {
        let entries = try outputEntries()
        do { return try archive.withLock { () throws(ZipError) in try ZipWriter.archive(entries, copyingFrom: archive) } } catch {
            throw .zip(error)
        }
    }

    /// The zip entries of the package, in order: `[Content_Types].xml` first.
    private func outputEntries() throws(PackageError) -> [ZipOutputEntry] {
        var entries: [ZipOutputEntry]
        if !contentTypesChanged, let source = entry(Self.contentTypesPart) {
            entries = [.copy(name: Self.contentTypesPart, entry: source)]
        } else {
            entries = [.data(name: Self.contentTypesPart, bytes: contentTypes.serialized())]
        }
        for name in order where name != Self.contentTypesPart {
            if let bytes = replaced[name] {
                entries.append(.data(name: name, bytes: bytes))
            } else if let file = files[name] {
                do { entries.append(.deflated(name: name, part: try file.finish())) } catch { throw .output(error) }
            } else if let e = entry(name) {
                entries.append(.copy(name: name, entry: e))
            }
        }
        return entries
    }

    /// The same package on its own zip handle, so that another thread can read and write it without waiting.
    public func independentCopy() throws(PackageError) -> OOXMLPackage {
        var copy = self
        do { copy.archive = try archive.reopened() } catch { throw .zip(error) }
        return copy
    }

    /// Writes the package to a file atomically; an existing file is replaced only with `overwrite`.
    /// The archive is written into the temporary file as it is made, never held whole in memory.
    public func write(to path: String, overwrite: Bool, syncFolder: Bool = true) throws(PackageError) {
        let entries = try outputEntries()
        try AtomicFile.write(to: path, overwrite: overwrite, syncFolder: syncFolder, writing: { (fd: Int32) throws(PackageError) in
            do throws(ZipError) {
                try archive.withLock { () throws(ZipError) in try ZipWriter.write(entries, copyingFrom: archive, toFile: fd) }
            } catch {
                throw .zip(error)
            }
        }, output: { .output($0) })
    }

    /// The archive's entry of a part that is read as the source holds it (not replaced, not written since).
    func sourceEntry(of part: String) -> ZipEntry? {
        guard part != Self.contentTypesPart, replaced[part] == nil, files[part] == nil else { return nil }
        return entry(part)
    }

    /// The part written as it was produced, when it is one.
    func deflatedPart(_ part: String) -> DeflatedPart? { files[part] }

    private func entry(_ part: String) -> ZipEntry? {
        archive.entry(named: part)
    }

    /// The file opened for reading, and its size; a folder, an unreadable file or one over `maxFileSize` refused.
    private static func openFile(_ path: String) throws(PackageError) -> (Descriptor, Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(file: path, cause: .reading(path)) }
        let file = Descriptor(fd)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, cause: .reading(path)) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .unreadable(file: path, cause: SystemError(.read, code: EISDIR)) }
        let size = Int(info.st_size)
        if size > maxFileSize { throw .tooLarge(file: path, bytes: size) }
        return (file, size)
    }
}
