import CLibXML2

/// A libxml2 text reader over one part of a package: fed as the entry is inflated when the part is the
/// source archive's own, from memory when it was replaced. A DOCTYPE is refused before libxml2 reads it
/// (in the first bytes) and as a node (should one follow a long prolog), as everywhere else.
extension OOXMLPackage {
    /// How many of a streamed part's first bytes are looked at for a DOCTYPE before libxml2 reads them.
    static let streamPrefix = 64 << 10

    /// Runs `body` with a reader positioned before the part's first node; the reader is freed after.
    func withTextReader<T>(of part: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let entry = sourceEntry(of: part) else {
            let bytes = try data(of: part)
            try Self.refuseDoctype(bytes, isWhole: true, part: part, label: label)
            // libxml2 reads the bytes as it goes: they stay alive, in place, until the reader is freed.
            return try bytes.withUnsafeBufferPointer { buf in
                try buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { start in
                    guard let reader = xmlReaderForMemory(start, Int32(buf.count), nil, nil, options) else {
                        throw PackageError.xml(file: label, .malformed(part: part, line: 0, column: 0, cause: .outOfMemory))
                    }
                    defer { xmlFreeTextReader(reader) }
                    return try body(reader)
                }
            }
        }
        let source: StreamedPart
        do { source = try StreamedPart(ZipEntryStream(archive, entry: entry)) } catch { throw PackageError.zip(error) }
        try Self.refuseDoctype(source.prefix, isWhole: source.prefix.count < Self.streamPrefix, part: part, label: label)
        return try withExtendedLifetime(source) {
            guard let reader = xmlReaderForIO(streamedPartRead, nil, Unmanaged.passUnretained(source).toOpaque(), nil, nil, options) else {
                throw PackageError.xml(file: label, .malformed(part: part, line: 0, column: 0, cause: .outOfMemory))
            }
            defer { xmlFreeTextReader(reader) }
            do { return try body(reader) } catch {
                // Bad XML may be a damaged entry whose CRC is only checked at its end: read on to tell which.
                if let failure = source.drain() { throw PackageError.zip(failure) }
                throw error
            }
        }
    }

    /// A part's first bytes — the first `streamPrefix` of them, or all of a shorter part — inflated without
    /// reading the rest: enough to see a root element's start tag without inflating a 100,000-record part.
    func head(of part: String) throws -> [UInt8] {
        if let entry = sourceEntry(of: part) {
            do { return try StreamedPart(ZipEntryStream(archive, entry: entry)).prefix } catch { throw PackageError.zip(error) }
        }
        if let file = deflatedPart(part) {
            do { return try file.prefix(Self.streamPrefix) } catch { throw PackageError.output(error) }
        }
        return Array(try data(of: part).prefix(Self.streamPrefix))
    }

    private static func refuseDoctype(_ bytes: [UInt8], isWhole: Bool, part: String, label: String) throws {
        if MarkupParser.declaresDoctype(bytes) { throw PackageError.xml(file: label, .doctype(part: part)) }
        if isWhole && bytes.isEmpty { throw PackageError.xml(file: label, .malformed(part: part, line: 1, column: 0, cause: .emptyPart)) }
    }
}

/// libxml2's read callback: the context is the `StreamedPart` being read.
private let streamedPartRead: xmlInputReadCallback = { context, buffer, length in
    guard let context, let buffer, length > 0 else { return -1 }
    let source = Unmanaged<StreamedPart>.fromOpaque(context).takeUnretainedValue()
    return Int32(source.read(into: buffer, capacity: Int(length)))
}

/// A part's stream with its first bytes read ahead (to look for a DOCTYPE), handed to libxml2 first.
private final class StreamedPart {
    let stream: ZipEntryStream
    let prefix: [UInt8]
    private var offset = 0

    init(_ stream: ZipEntryStream) throws(ZipError) {
        self.stream = stream
        var head = [UInt8](repeating: 0, count: OOXMLPackage.streamPrefix)
        var filled = 0
        while filled < head.count {
            let n = head.withUnsafeMutableBytes { stream.read(into: $0.baseAddress! + filled, capacity: $0.count - filled) }
            if n < 0 { throw stream.failure ?? .damaged(file: "", entry: stream.entry.name, cause: .read) }
            if n == 0 { break }
            filled += n
        }
        prefix = Array(head[..<filled])
    }

    /// Reads the entry to its end: why it is damaged, if it is.
    func drain() -> ZipError? {
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        while stream.failure == nil, scratch.withUnsafeMutableBytes({ stream.read(into: $0.baseAddress!, capacity: $0.count) }) > 0 {}
        return stream.failure
    }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        guard offset < prefix.count else { return stream.read(into: buffer, capacity: capacity) }
        let n = min(capacity, prefix.count - offset)
        prefix.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
