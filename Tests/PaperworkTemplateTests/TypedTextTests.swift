import Foundation
import Testing
@testable import PaperworkTemplate

/// The rule by which text data becomes numbers and dates in a workbook's bare-tag cells.
@Suite struct TypedTextTests {
    private func number(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test(arguments: [
        ("27", "27"), ("-3.5", "-3.5"), ("+3.5", "3.5"), ("1,234.50", "1234.5"), ("１２３４", "1234"), ("1,234,567", "1234567"),
        (" 42 ", "42"), ("0.055", "0.055"), ("0", "0"), ("-0", "0"), ("95%", "0.95"), ("5.5%", "0.055"), ("１００％", "1"),
        ("999999999999999", "999999999999999"), ("0.000000000000001", "0.000000000000001"), ("-12345678901", "-12345678901"), ("20200514", "20200514"),
    ])
    func plainNumbersBecomeNumbers(text: String, value: String) {
        #expect(TypedText.infer(text) == .number(number(value)))
    }

    @Test(arguments: [
        ("2020-05-14", 2020, 5, 14), ("2020/5/14", 2020, 5, 14), ("2020年5月14日", 2020, 5, 14),
        ("２０２０年５月１４日", 2020, 5, 14), ("2020-05-14T09:30:00", 2020, 5, 14),
    ])
    func datesBecomeDates(text: String, year: Int, month: Int, day: Int) {
        #expect(TypedText.infer(text) == .date(CalendarDate(year: year, month: month, day: day)!))
    }

    @Test(arguments: [
        "0123", "1234567890123456", "9111022878373222X0", "91110228MA0030003Y", "110228198001011234", "13800138000", "1,23",
        "12,3456", "1234,567", "1.", ".5", "1.2.3", "--5", "5-", "1e5", "12 345", "2020-5-14日", "2020/05-14", "2020-02-30",
        "2020.5.4", "", "%", "abc", "3元", "1,234.5,6", "0,123",
    ])
    func textThatOnlyLooksNumericStaysText(text: String) {
        #expect(TypedText.infer(text) == nil)
    }
}
