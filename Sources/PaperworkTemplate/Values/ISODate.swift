import Foundation

/// A calendar date without a time or a zone, as official papers use.
public struct CalendarDate: Sendable, Equatable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A date only when it exists in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The same day `years` later; 29 February becomes 28 February in a common year.
    public func adding(years: Int) -> CalendarDate? {
        CalendarDate(year: year + years, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year + years)))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Reads `2020-05-14`, `2020/5/14`, `2020.5.14`, `2020年5月14日`, `20200514`, and an ISO date-time's date.
    public static func parse(_ text: String) -> CalendarDate? {
        var parts: [Int] = [0]
        var lengths: [Int] = [0]
        var separators: [Unicode.Scalar] = []
        for scalar in text.trimmed.unicodeScalars {
            switch scalar {
            case "0"..."9":
                parts[parts.count - 1] = parts[parts.count - 1] * 10 + Int(scalar.value - 48)
                lengths[lengths.count - 1] += 1
                guard lengths[lengths.count - 1] <= 8 else { return nil }
            case "-", "/", ".", "年", "月", "日":
                separators.append(scalar)
                if scalar == "日" { continue }
                guard parts.count < 3 else { return nil }
                parts.append(0); lengths.append(0)
            case "T", " ":
                guard parts.count == 3 && lengths[2] > 0 else { return nil }
                return date(parts, lengths, separators)
            default:
                return nil
            }
        }
        if parts.count == 1 && lengths[0] == 8 {
            return CalendarDate(year: parts[0] / 10000, month: parts[0] / 100 % 100, day: parts[0] % 100)
        }
        return date(parts, lengths, separators)
    }

    /// Three parts of the right lengths, between 年, 月 (and 日), or between one separator used twice.
    private static func date(_ parts: [Int], _ lengths: [Int], _ separators: [Unicode.Scalar]) -> CalendarDate? {
        guard parts.count == 3, lengths[0] == 4, (1...2).contains(lengths[1]), (1...2).contains(lengths[2]) else { return nil }
        if separators.contains("年") {
            guard separators == ["年", "月", "日"] else { return nil }
        } else if separators.contains(where: { $0 != separators[0] }) {
            return nil
        }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Days since 1899-12-30, Excel's date serial.
    public var excelSerial: Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        let jdn = day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
        return jdn - 2_415_019
    }

    /// The date of an Excel serial (1900 date system).
    public init?(excelSerial serial: Int) {
        guard serial > 60, serial < 2_958_466 else { return nil }
        let jdn = serial + 2_415_019
        let a = jdn + 32044
        let b = (4 * a + 3) / 146097
        let c = a - 146097 * b / 4
        let d = (4 * c + 3) / 1461
        let e = c - 1461 * d / 4
        let m = (5 * e + 2) / 153
        self.init(year: 100 * b + d - 4800 + m / 10, month: m + 3 - 12 * (m / 10), day: e - (153 * m + 2) / 5 + 1)
    }

    /// `2020-05-14`.
    public var iso: String {
        // Zero-padded by hand, not through Foundation's formatter: this runs for every date of every row read back.
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }
}

enum ISODate {
    static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1).map(\.iso) ?? "1970-01-01"
    }
}
