/// The items of a list too long to hold, made one at a time as a sheet's rows are written.
///
/// An .xlsx row loop over a streamed list writes each item as it comes, so memory stays flat however long the list.
/// The count is known ahead, because everything below the loop moves by it.
public protocol ItemStream: Sendable {
    /// How many items `forEach` yields.
    var count: Int { get }
    /// Calls `body` with each item in order; may be called more than once.
    func forEach(_ body: (TemplateValue) throws -> Void) throws
}

extension ItemStream {
    /// Every item, held in memory.
    func collect() throws -> [TemplateValue] {
        var items: [TemplateValue] = []
        items.reserveCapacity(count)
        try forEach { items.append($0) }
        return items
    }
}

/// The items of one row loop: a list in the data, or a stream.
enum LoopItems {
    case list([TemplateValue])
    case stream(any ItemStream)

    var count: Int {
        switch self {
        case .list(let l): l.count
        case .stream(let s): s.count
        }
    }

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        switch self {
        case .list(let l): for item in l { try body(item) }
        case .stream(let s): try s.forEach(body)
        }
    }
}

extension TemplateValue {
    /// The data with each stream's items put in as a list under its key, for templates that use a list other than as a row loop.
    func including(_ streams: [FieldKey: any ItemStream]) throws -> TemplateValue {
        guard !streams.isEmpty, case .object(var members) = self else { return self }
        for (key, stream) in streams { members[key] = .list(try stream.collect()) }
        return .object(members)
    }
}
