import Foundation
import Testing
@testable import PaperworkTemplate

@Suite struct FilterTests {
    static let capitals: [(String, String)] = [
        ("0", "零元整"), ("0.05", "伍分"), ("10", "壹拾元整"), ("100000", "壹拾万元整"), ("200000", "贰拾万元整"),
        ("10000000", "壹仟万元整"), ("1010101.01", "壹佰零壹万零壹佰零壹元零壹分"), ("1004.50", "壹仟零肆元伍角"),
        ("1680.32", "壹仟陆佰捌拾元零叁角贰分"), ("107000.53", "壹拾万零柒仟元零伍角叁分"), ("108000", "壹拾万零捌仟元整"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"), ("100000000.10", "壹亿元零壹角"), ("100010000", "壹亿零壹万元整"),
        ("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"), ("10000", "壹万元整"), ("12345.60", "壹万贰仟叁佰肆拾伍元陆角"),
        ("25400", "贰万伍仟肆佰元整"), ("0.005", "壹分"), ("0.1", "壹角"), ("10001000", "壹仟万零壹仟元整"),
    ]

    @Test(arguments: capitals)
    func rmbUpper(amount: String, expected: String) {
        #expect(ChineseAmount.capitals(Decimal(string: amount)!) == expected)
    }

    @Test func rmbUpperRefusesNegativeAndHuge() {
        #expect(ChineseAmount.capitals(-1) == nil)
        #expect(ChineseAmount.capitals(Decimal(string: "1000000000000")!) == nil)
    }

    private func run(_ name: String, _ args: [FilterArgument] = [], _ value: TemplateValue) throws -> String? {
        let call = FilterCall(name: name, arguments: args)
        try Filters.check(call)
        return Filters.text(of: try Filters.apply(call, to: value))
    }

    @Test func numbersAndMoney() throws {
        #expect(try run("rmb", [], .number(Decimal(string: "12345.6")!)) == "12,345.60")
        #expect(try run("rmb", [], .number(Decimal(string: "-1234567.005")!)) == "-1,234,567.01")
        #expect(try run("rmb", [], .string("1,234.5元")) == "1,234.50")
        #expect(try run("number", [.number(2)], .number(Decimal(string: "1234.5")!)) == "1234.50")
        #expect(try run("number", [.number(0)], .number(Decimal(string: "2.5")!)) == "3")
        #expect(try run("percent", [.number(1)], .number(Decimal(string: "0.055")!)) == "5.5%")
        #expect(try run("percent", [], .number(Decimal(string: "0.8")!)) == "80%")
    }

    @Test func datesAndChecks() throws {
        #expect(try run("date", [], .string("2020-05-14")) == "2020年5月14日")
        #expect(try run("date", [.string("yyyy-MM-dd")], .string("2020年5月4日")) == "2020-05-04")
        #expect(try run("date_upper", [], .string("2020/5/14")) == "二〇二〇年五月十四日")
        #expect(try run("date_upper", [], .string("2020-10-20")) == "二〇二〇年十月二十日")
        #expect(try run("check", [], .bool(true)) == "☑")
        #expect(try run("check", [], .null) == "☐")
        #expect(try run("default", [.string("无")], .null) == "无")
        #expect(try run("default", [.string("无")], .string("有")) == "有")
    }

    @Test func letterCaseAndTextAround() throws {
        #expect(try run("upper", [], .string("Miyun co., ltd. 密云")) == "MIYUN CO., LTD. 密云")
        #expect(try run("lower", [], .string("MIYUN Co.")) == "miyun co.")
        #expect(try run("caps", [], .string("great wall  tourism-co")) == "Great Wall  Tourism-co")
        #expect(try run("first_cap", [], .string("“great wall” tourism")) == "“Great wall” tourism")
        #expect(try run("upper", [], .number(12.5)) == "12.5")
        #expect(try run("wrap", [.string("传真：")], .string("010-69041234")) == "传真：010-69041234")
        #expect(try run("wrap", [.string("（"), .string("）")], .string("")) == "")
        #expect(try run("wrap", [.string("第"), .string("号")], .number(3)) == "第3号")
    }

    @Test func wrongKindsAndBadCallsAreErrors() {
        #expect(throws: FilterFailure.wrongKind(filter: "rmb", value: "abc", expected: .number)) { try run("rmb", [], .string("abc")) }
        #expect(throws: FilterFailure.self) { try run("date", [], .string("2020-02-30")) }
        #expect(throws: FilterFailure.unknown("money")) { try run("money", [], .number(1)) }
        #expect(throws: FilterFailure.self) { try run("number", [.string("x")], .number(1)) }
        #expect(throws: FilterFailure.self) { try run("default", [], .null) }
        #expect(throws: FilterFailure.badArguments(filter: "wrap", expected: .wrapText)) { try run("wrap", [], .string("x")) }
        #expect(throws: FilterFailure.badArguments(filter: "wrap", expected: .wrapText)) { try run("wrap", [.number(1)], .string("x")) }
        #expect(throws: FilterFailure.self) { try run("upper", [.string("x")], .string("x")) }
    }

    @Test func amountsParseAsPeopleWriteThem() {
        #expect(DecimalFormat.parseAmount("１２３４.５") == Decimal(string: "1234.5"))
        #expect(DecimalFormat.parseAmount(" 1,234.50 ") == Decimal(string: "1234.5"))
        #expect(DecimalFormat.parseAmount("1234.5元") == Decimal(string: "1234.5"))
        #expect(DecimalFormat.parseAmount("12a") == nil)
        #expect(DecimalFormat.parseAmount("1.2.3") == nil)
    }

    /// Plain ASCII figures take a shorter path; it must agree with the general one on every edge.
    @Test(arguments: [
        ("123\n", "123"), ("-0.50", "-0.5"), ("1,234.5", "1234.5"), ("007", "7"), ("5.", "5"), ("0.05", "0.05"),
        ("-", nil), (".", nil), ("12 34", nil), ("1,2.3,4", nil), ("--1", nil), ("9999999999999999999", "9999999999999999999"),
        ("99999999999999999999", nil), ("RMB12", "12"), ("12\t", "12"),
    ] as [(String, String?)])
    func plainFiguresReadLikeAnyOther(text: String, expected: String?) {
        #expect(DecimalFormat.parseAmount(text) == expected.flatMap { Decimal(string: $0) })
    }
}
