/// Where each credit code (or ID number) of a collect was first seen: the list's index and the row.
///
/// Kept for every row, so it is kept small: a code of up to 20 letters and digits is packed six bits a
/// character into two words (injective: a character is 1…62, the code ends at the first 0), and the place
/// is two 32-bit numbers, in a table of its own (open addressing, filled up to 7/8) — 24 bytes a slot, about
/// 3 MB for 100,000 codes, where a `String` key with the file's name was over 100 bytes a code in a
/// `Dictionary` kept under 3/4 full. Other text (a code typed with spaces or dashes, which validation
/// reports) is kept as it is.
struct CodeIndex {
    struct Place: Equatable {
        var file: Int
        var row: Int?
    }

    /// A packed code; bit 63 of `high` marks a used slot (the code itself uses 60 bits of each word).
    private struct Slot {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var file: Int32 = 0
        var row: Int32 = 0
    }

    private static let used: UInt64 = 1 << 63
    private var slots: [Slot]
    private var count = 0
    private var others: [String: Place] = [:]

    /// Room for `expected` codes (the rows the lists announce; at most a million are made room for ahead).
    init(expected: Int = 0) {
        var capacity = 16
        while capacity / 8 * 7 < min(max(expected, 0), 1 << 20) { capacity *= 2 }
        slots = Array(repeating: Slot(), count: capacity)
    }

    /// The place where `code` was first seen, if it was.
    subscript(code: String) -> Place? {
        guard let (low, high) = Self.pack(code) else { return others[code] }
        let slot = slots[find(low, high)]
        guard slot.high & Self.used != 0 else { return nil }
        return Place(file: Int(slot.file), row: slot.row < 0 ? nil : Int(slot.row))
    }

    /// Records `code` at this place unless it was seen before; returns the earlier place when it was.
    mutating func insert(_ code: String, file: Int, row: Int?) -> Place? {
        guard let (low, high) = Self.pack(code) else {
            if let earlier = others[code] { return earlier }
            others[code] = Place(file: file, row: row)
            return nil
        }
        if (count + 1) > slots.count / 8 * 7 { grow() }
        let i = find(low, high)
        if slots[i].high & Self.used != 0 { return Place(file: Int(slots[i].file), row: slots[i].row < 0 ? nil : Int(slots[i].row)) }
        slots[i] = Slot(low: low, high: high | Self.used, file: Int32(clamping: file), row: Int32(clamping: row ?? -1))
        count += 1
        return nil
    }

    /// The slot holding the code, or the empty one where it would go (linear probing).
    private func find(_ low: UInt64, _ high: UInt64) -> Int {
        let mask = slots.count - 1
        var mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 31
        var i = Int(truncatingIfNeeded: mixed) & mask
        while slots[i].high & Self.used != 0 && (slots[i].low != low || slots[i].high != high | Self.used) { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.high & Self.used != 0 { slots[find(slot.low, slot.high & ~Self.used)] = slot }
    }

    private static func pack(_ code: String) -> (UInt64, UInt64)? {
        var low: UInt64 = 0, high: UInt64 = 0
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
            if count < 10 { low |= UInt64(value) << (6 * count) } else { high |= UInt64(value) << (6 * (count - 10)) }
            count += 1
        }
        return (low, high)
    }
}
