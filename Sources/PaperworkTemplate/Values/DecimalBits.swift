import Foundation

/// A `Decimal`'s fields — a 128-bit mantissa, a power of ten and a sign — read and written directly.
///
/// Foundation on Linux spends microseconds on each Decimal it formats, rounds, compares or adds: it
/// works digit by digit through heap arrays. A 100,000-row list does that millions of times. The
/// value's layout (exponent byte, length and flags byte, two reserved bytes, eight 16-bit mantissa
/// words) is checked against Foundation once; should it ever differ, `parts` and `make` return nil and
/// every caller uses Foundation's own arithmetic.
struct DecimalParts: Equatable {
    var mantissa: UInt128
    var exponent: Int
    var negative: Bool

    /// True when this build's Decimal is laid out as expected: known values read back right and rebuild to the same bytes.
    static let layoutHolds: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let cases: [(String, DecimalParts)] = [
            ("-123.45", DecimalParts(mantissa: 12345, exponent: -2, negative: true)),
            ("0.055", DecimalParts(mantissa: 55, exponent: -3, negative: false)),
            ("18446744073709551617", DecimalParts(mantissa: 18_446_744_073_709_551_617, exponent: 0, negative: false)),
            ("1e30", DecimalParts(mantissa: 1, exponent: 30, negative: false)),
            ("0", DecimalParts(mantissa: 0, exponent: 0, negative: false)),
        ]
        for (text, expected) in cases {
            guard let d = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), read(d) == expected,
                  let rebuilt = write(expected), bytes(rebuilt) == bytes(d) else { return false }
        }
        return true
    }()

    /// The fields of `value`; nil for NaN or when the layout is not the expected one.
    init?(_ value: Decimal) {
        guard Self.layoutHolds, let p = Self.read(value) else { return nil }
        self = p
    }

    init(mantissa: UInt128, exponent: Int, negative: Bool) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.negative = negative
    }

    /// The Decimal with these fields (trailing zeros moved into the exponent); nil when it does not fit.
    var decimal: Decimal? {
        guard Self.layoutHolds else { return nil }
        return Self.write(self)
    }

    /// The mantissa's eight 16-bit words, lowest first, are read as one little-endian 128-bit number;
    /// `layoutHolds` checks that this gives the right values on this machine.
    private static func read(_ value: Decimal) -> DecimalParts? {
        withUnsafeBytes(of: value) { b in
            let length = b[1] >> 4
            let negative = b[1] & 0x08 != 0
            if length == 0 { return negative ? nil : DecimalParts(mantissa: 0, exponent: 0, negative: false) }
            let low = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let high = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            return DecimalParts(mantissa: UInt128(high) << 64 | UInt128(low), exponent: Int(Int8(bitPattern: b[0])), negative: negative)
        }
    }

    private static func write(_ parts: DecimalParts) -> Decimal? {
        var m = parts.mantissa, e = parts.exponent
        if m == 0 { return Decimal() }
        if m <= UInt128(UInt64.max) {
            var small = UInt64(m)
            while small % 10 == 0 && e < 127 { small /= 10; e += 1 }
            m = UInt128(small)
        } else {
            while m % 10 == 0 && e < 127 { m /= 10; e += 1 }
        }
        guard e >= -128 && e <= 127 else { return nil }
        let length = UInt8((128 - m.leadingZeroBitCount + 15) / 16)
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { b in
            b[0] = UInt8(bitPattern: Int8(e))
            b[1] = length << 4 | (parts.negative ? 0x08 : 0) | 0x04
            b.storeBytes(of: UInt64(truncatingIfNeeded: m).littleEndian, toByteOffset: 4, as: UInt64.self)
            b.storeBytes(of: UInt64(truncatingIfNeeded: m >> 64).littleEndian, toByteOffset: 12, as: UInt64.self)
        }
        return value
    }

    private static func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

    static let powersOfTen: [UInt128] = (0...38).map { n in (0..<n).reduce(UInt128(1)) { r, _ in r * 10 } }

    /// The mantissa scaled to `exponent` (not above its own), or nil when it would overflow.
    func mantissa(at exponent: Int) -> UInt128? {
        let shift = self.exponent - exponent
        guard shift >= 0, shift < Self.powersOfTen.count else { return nil }
        let (m, overflow) = mantissa.multipliedReportingOverflow(by: Self.powersOfTen[shift])
        return overflow ? nil : m
    }

    /// Both values over one exponent, or nil when scaling would overflow.
    static func aligned(_ a: DecimalParts, _ b: DecimalParts) -> (UInt128, UInt128, exponent: Int)? {
        if a.exponent == b.exponent { return (a.mantissa, b.mantissa, a.exponent) }
        let e = min(a.exponent, b.exponent)
        guard let x = a.mantissa(at: e), let y = b.mantissa(at: e) else { return nil }
        return (x, y, e)
    }
}

/// Exact Decimal arithmetic that is fast for the values forms hold, and falls back to Foundation otherwise.
public enum DecimalMath {
    /// `a + b`.
    public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let p = DecimalParts(a), let q = DecimalParts(b), let (x, y, e) = DecimalParts.aligned(p, q) else { return a + b }
        let result: DecimalParts
        if p.negative == q.negative {
            let (s, overflow) = x.addingReportingOverflow(y)
            guard !overflow else { return a + b }
            result = DecimalParts(mantissa: s, exponent: e, negative: p.negative)
        } else {
            result = x >= y ? DecimalParts(mantissa: x - y, exponent: e, negative: p.negative)
                : DecimalParts(mantissa: y - x, exponent: e, negative: q.negative)
        }
        return (result.mantissa == 0 ? Decimal() : result.decimal) ?? a + b
    }

    /// `a - b`.
    public static func difference(_ a: Decimal, _ b: Decimal) -> Decimal {
        sum(a, negated(b))
    }

    /// `a × b`.
    public static func product(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let p = DecimalParts(a), let q = DecimalParts(b) else { return a * b }
        let (m, overflow) = p.mantissa.multipliedReportingOverflow(by: q.mantissa)
        guard !overflow else { return a * b }
        if m == 0 { return Decimal() }
        return DecimalParts(mantissa: m, exponent: p.exponent + q.exponent, negative: p.negative != q.negative).decimal ?? a * b
    }

    /// `a ÷ b` rounded half away from zero to `places` decimals, computed exactly (Foundation divides to
    /// 38 digits first and then rounds, which is the same but for ties hidden beyond the 38th digit).
    public static func quotient(_ a: Decimal, _ b: Decimal, places: Int) -> Decimal {
        if let p = DecimalParts(a), let q = DecimalParts(b), q.mantissa != 0, places >= 0,
           places < DecimalParts.powersOfTen.count, let (x, y, _) = DecimalParts.aligned(p, q) {
            let (scaled, overflow) = x.multipliedReportingOverflow(by: DecimalParts.powersOfTen[places])
            if !overflow {
                var (m, r) = scaled.quotientAndRemainder(dividingBy: y)
                if r >= y - r { m += 1 }
                if m == 0 { return Decimal() }
                if let d = DecimalParts(mantissa: m, exponent: -places, negative: p.negative != q.negative).decimal { return d }
            }
        }
        return DecimalFormat.rounded(a / b, places: places)
    }

    /// `-a`.
    public static func negated(_ a: Decimal) -> Decimal {
        guard var p = DecimalParts(a) else { return -a }
        if p.mantissa == 0 { return a }
        p.negative.toggle()
        return p.decimal ?? -a
    }

    /// The order of `a` and `b`.
    public static func compare(_ a: Decimal, _ b: Decimal) -> ComparisonResult {
        guard let p = DecimalParts(a), let q = DecimalParts(b), let (x, y, _) = DecimalParts.aligned(p, q) else {
            return a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
        }
        let sx = p.negative && x != 0, sy = q.negative && y != 0
        if sx != sy { return sx ? .orderedAscending : .orderedDescending }
        if x == y { return .orderedSame }
        return (x < y) != sx ? .orderedAscending : .orderedDescending
    }

    /// `a < b`.
    public static func less(_ a: Decimal, _ b: Decimal) -> Bool { compare(a, b) == .orderedAscending }

    /// The whole number `a` holds, when it is one and fits an `Int`.
    public static func integer(_ a: Decimal) -> Int? {
        guard let p = DecimalParts(a) else {
            return a == DecimalFormat.rounded(a, places: 0) && abs(a) < 1_000_000_000_000_000 ? NSDecimalNumber(decimal: a).intValue : nil
        }
        let m: UInt128
        if p.exponent >= 0 {
            guard let scaled = p.mantissa(at: 0) else { return nil }
            m = scaled
        } else {
            guard -p.exponent < DecimalParts.powersOfTen.count else { return p.mantissa == 0 ? 0 : nil }
            let f = DecimalParts.powersOfTen[-p.exponent]
            guard p.mantissa % f == 0 else { return nil }
            m = p.mantissa / f
        }
        guard m <= UInt128(Int.max) else { return nil }
        return p.negative ? -Int(m) : Int(m)
    }
}
