import Foundation
import Testing
@testable import PaperworkTemplate

/// The fast Decimal paths give exactly what Foundation gives, on values forms hold and on awkward ones.
@Suite struct DecimalMathTests {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Amounts, ratios, big and tiny numbers, negative ones (spread by a fixed multiplicative hash, so a failure repeats),
    /// and results of Foundation's own arithmetic (not compacted).
    private static let values: [Decimal] = {
        var out: [Decimal] = ["0", "1", "-1", "0.5", "-0.5", "1234.50", "0.055", "100000", "99999999999999999999", "-0.000001",
                              "123456789012345678901234567890", "1e30", "2.5", "-2.5", "0.125", "1540", "0.8"].map { Decimal(string: $0, locale: posix)! }
        for i in 0..<400 {
            let bits = UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
            let digits = Int(bits % 18) + 1
            let m = (bits >> 4) % (1 << 60)
            let e = -Int((bits >> 8) % UInt64(digits + 3))
            out.append(Decimal(sign: (bits >> 2) % 4 == 0 ? .minus : .plus, exponent: e, significand: Decimal(m)))
        }
        out += [Decimal(10) / 4, Decimal(1000) * Decimal(string: "0.10")!, Decimal(3) - Decimal(string: "3.00")!, Decimal(2) / 3]
        return out
    }()

    @Test func layoutIsTheExpectedOne() {
        #expect(DecimalParts.layoutHolds)
    }

    @Test func plainMatchesFoundation() {
        for v in Self.values {
            var copy = v
            let expected = NSDecimalString(&copy, Self.posix)
            #expect(DecimalFormat.plain(v) == expected, "\(v)")
            var bytes = Array("x".utf8)
            DecimalFormat.appendPlain(v, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + expected, "\(v)")
        }
        for n in [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min + 1] {
            var bytes: [UInt8] = []
            bytes.append(decimal: n)
            #expect(String(decoding: bytes, as: UTF8.self) == String(n))
        }
    }

    @Test func roundingMatchesFoundationInEveryMode() {
        for v in Self.values {
            for places in [0, 1, 2, 6] {
                for mode in [NSDecimalNumber.RoundingMode.plain, .down, .up, .bankers] {
                    var input = v, expected = Decimal()
                    NSDecimalRound(&expected, &input, places, mode)
                    #expect(DecimalFormat.rounded(v, places: places, mode: mode) == expected, "\(v) \(places) \(mode.rawValue)")
                }
            }
        }
    }

    /// Significant digits counted from the mantissa give what counting by dividing by ten gives, the same value and bytes.
    @Test func significantDigitsMatchCountingByDivision() {
        let tenth = Decimal(sign: .plus, exponent: -1, significand: 1)
        for v in Self.values {
            for digits in [1, 2, 15] {
                var count = 0
                var scaled = abs(v)
                if !v.isZero {
                    while scaled >= 1 { scaled /= 10; count += 1 }
                    while scaled < tenth { scaled *= 10; count -= 1 }
                }
                let expected = v.isZero ? v : DecimalFormat.rounded(v, places: max(0, digits - count))
                let got = DecimalFormat.significant(v, digits: digits)
                #expect(got == expected, "\(v) \(digits)")
                #expect(DecimalFormat.plain(got) == DecimalFormat.plain(expected), "\(v) \(digits)")
            }
        }
        #expect(DecimalFormat.significant(Decimal(string: "8378.440000000001", locale: Self.posix)!, digits: 15) == Decimal(string: "8378.44", locale: Self.posix)!)
        #expect(DecimalFormat.significant(Decimal(string: "-0.0123456789012345678", locale: Self.posix)!, digits: 15)
                == Decimal(string: "-0.0123456789012346", locale: Self.posix)!)
    }

    /// ISO text of a date, padded by hand, is what `String(format:)` gives.
    @Test func isoDatesArePaddedAsFormatPadsThem() {
        for (y, m, d) in [(2020, 5, 14), (1, 1, 1), (999, 12, 31), (9999, 12, 31), (2000, 2, 29)] {
            guard let date = CalendarDate(year: y, month: m, day: d) else { continue }
            #expect(date.iso == String(format: "%04d-%02d-%02d", y, m, d))
        }
        #expect(CalendarDate(year: 2020, month: 5, day: 4)?.iso == "2020-05-04")
    }

    @Test func arithmeticAndOrderMatchFoundation() {
        let sample = Array(Self.values.prefix(120))
        for a in sample {
            for b in sample.prefix(40) {
                #expect(DecimalMath.sum(a, b) == a + b, "\(a) + \(b)")
                #expect(DecimalMath.difference(a, b) == a - b, "\(a) - \(b)")
                #expect(DecimalMath.product(a, b) == a * b, "\(a) × \(b)")
                let order: ComparisonResult = a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
                #expect(DecimalMath.compare(a, b) == order, "\(a) <> \(b)")
            }
        }
        for a in sample.prefix(60) {
            for b in sample.prefix(30) where !b.isZero {
                #expect(DecimalMath.quotient(a, b, places: 6) == DecimalFormat.rounded(a / b, places: 6), "\(a) ÷ \(b)")
            }
        }
        #expect(DecimalMath.quotient(1, 8, places: 2) == Decimal(string: "0.13"))
        #expect(DecimalMath.quotient(-1, 8, places: 2) == Decimal(string: "-0.13"))
        #expect(DecimalMath.integer(Decimal(string: "12.000")!) == 12)
        #expect(DecimalMath.integer(Decimal(string: "-7")!) == -7)
        #expect(DecimalMath.integer(Decimal(string: "12.5")!) == nil)
        #expect(DecimalMath.integer(Decimal(string: "1e30")!) == nil)
    }

    @Test func parsedAmountsAreCompactAndExact() {
        #expect(DecimalFormat.parseAmount("200000") == Decimal(200_000))
        #expect(DecimalFormat.parseAmount("1,234.50元") == Decimal(string: "1234.5"))
        #expect(DecimalFormat.plain(DecimalFormat.parseAmount("10000.50")!) == "10000.5")
        #expect(DecimalFormat.parseAmount("-0.00") == 0)
    }
}
