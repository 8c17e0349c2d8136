/// Where each credit code (or ID number) of a collect was first seen: the list's index and the row.
///
/// Kept for every row, so it is kept small: a code of up to 20 letters and digits is packed six bits a
/// character into two words (injective: a character is 1…62, the code ends at the first 0), and the place
/// is two 32-bit numbers — 24 bytes a code, where a `String` key with the file's name was over 100.
/// Other text (a code typed with spaces or dashes, which validation reports) is kept as it is.
struct CodeIndex {
    struct Place: Equatable {
        var file: Int
        var row: Int?
    }

    private struct Packed: Hashable {
        var low: UInt64
        var high: UInt64
    }

    private struct Stored {
        var file: Int32
        var row: Int32
    }

    private var packed: [Packed: Stored] = [:]
    private var others: [String: Stored] = [:]

    /// Room for `expected` codes (the rows the lists announce; at most a million are reserved ahead).
    init(expected: Int = 0) {
        packed.reserveCapacity(min(max(expected, 0), 1 << 20))
    }

    /// The place where `code` was first seen, if it was.
    subscript(code: String) -> Place? {
        let stored = Self.pack(code).map { packed[$0] } ?? others[code]
        return stored.map { Place(file: Int($0.file), row: $0.row < 0 ? nil : Int($0.row)) }
    }

    /// Records `code` at this place unless it was seen before; returns the earlier place when it was.
    mutating func insert(_ code: String, file: Int, row: Int?) -> Place? {
        if let earlier = self[code] { return earlier }
        let stored = Stored(file: Int32(clamping: file), row: Int32(clamping: row ?? -1))
        if let key = Self.pack(code) { packed[key] = stored } else { others[code] = stored }
        return nil
    }

    private static func pack(_ code: String) -> Packed? {
        var words = Packed(low: 0, high: 0)
        var count = 0
        for byte in code.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A") + 11
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 37
            default: return nil
            }
            guard count < 20 else { return nil }
            if count < 10 { words.low |= UInt64(value) << (6 * count) } else { words.high |= UInt64(value) << (6 * (count - 10)) }
            count += 1
        }
        return words
    }
}
