import PaperworkOOXML
import PaperworkTemplate

/// The records of a list embedded in a document, read on a second thread while the visible rows are
/// read, and matched to them: by a key field (the credit code) within a window of the next records, so
/// that a row added or deleted by hand does not shift every row after it; by position without a key.
final class EmbeddedRecords: @unchecked Sendable {
    private let pipe: ItemPipe<TemplateValue>?
    private var buffer: [TemplateValue] = []
    private var ended = false
    private let key: FieldSpec?
    /// How many records ahead a visible row's match is looked for.
    static let window = 256

    init(package: OOXMLPackage, key: FieldSpec?) {
        self.key = key
        pipe = ItemPipe(depth: 2) { pipe in
            _ = try EmbeddedCase.forEachRecord(in: package) { try pipe.send($0) }
        }
    }

    /// The records of a list held in the embedded case itself (a list that was not streamed).
    init(items: [TemplateValue], key: FieldSpec?) {
        self.key = key
        pipe = nil
        buffer = items
        ended = true
    }

    private func fill() throws {
        while buffer.count < Self.window && !ended {
            if let chunk = try pipe?.take() { buffer += chunk } else { ended = true }
        }
    }

    /// The embedded record of a visible row, if any, and the records before it that no row shows any more.
    func match(_ visible: TemplateValue) throws -> (TemplateValue?, removed: [TemplateValue]) {
        try fill()
        guard let key else { return (buffer.isEmpty ? nil : buffer.removeFirst(), []) }
        guard let wanted = visible.value(at: key.path),
              let j = buffer.firstIndex(where: { $0.value(at: key.path) == wanted }) else { return (nil, []) }
        let removed = Array(buffer[..<j])
        let found = buffer[j]
        buffer.removeFirst(j + 1)
        return (found, removed)
    }

    /// The records no row matched, after the last row.
    func rest() throws -> [TemplateValue] {
        var all = buffer
        buffer = []
        while !ended, let chunk = try pipe?.take() { all += chunk }
        ended = true
        return all
    }

    func close() { pipe?.close() }
}
