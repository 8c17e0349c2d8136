import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct ValidatorTests {
    static let today = CalendarDate(year: 2020, month: 5, day: 20)!

    @Test(arguments: ["91110000100010433L", "914403001922038216", "91110000802100433B"])
    func publicCreditCodesAreValid(code: String) {
        #expect(CreditCode.problem(code) == nil)
        #expect(CreditCode.organisationCodeIsValid(code))
    }

    @Test func creditCodeProblemsAreNamed() {
        #expect(CreditCode.problem("91110000100010433A") == .checkCharacter(expected: "L"))
        #expect(CreditCode.problem("9111000010001043") == .length(16))
        #expect(CreditCode.problem("9111000010001043IL") == .character("I"))
        #expect(CreditCode.normalized(" 9111-0000 1000 10433l ") == "91110000100010433L")
        #expect(CreditCode.checkCharacter(for: "91110000100010433") == "L")
    }

    @Test func idNumbers() {
        #expect(IDNumber.problem("11010519491231002X", today: Self.today) == nil)
        #expect(IDNumber.problem("110105194902300020", today: Self.today) == .birthDate("19490230"))
        #expect(IDNumber.problem("110105194912310021", today: Self.today) == .checkCharacter(expected: "X"))
        #expect(IDNumber.problem("110105203012310021", today: Self.today) == .birthDate("20301231"))
        #expect(IDNumber.normalized("110105491231002") == "11010519491231002X")
        #expect(IDNumber.normalized("11010519491231002x") == "11010519491231002X")
    }

    @Test func phones() {
        for ok in ["13812345678", "+86 138 1234 5678", "010-69043376", "69043376", "01069043376", "010-69043376-8001",
                   "69043376转123", "0571-87654321"] {
            #expect(ContactFormats.isPhone(ok), "\(ok)")
        }
        for bad in ["12812345678", "1381234567", "6904337", "19043376", "010-1904337", "abc", "010-69043376-"] {
            #expect(!ContactFormats.isPhone(bad), "\(bad)")
        }
    }

    @Test func emails() {
        #expect(ContactFormats.isEmail("hr@miyun.gov.cn"))
        #expect(!ContactFormats.isEmail("hr@miyun"))
        #expect(!ContactFormats.isEmail("h r@miyun.cn"))
        #expect(!ContactFormats.isEmail("@miyun.cn"))
    }

    private func spec(_ type: String, extra: String = "") throws -> FieldSpec {
        try YAMLDecoderHelper.field("{key: x, label: 字段, type: \(type)\(extra)}")
    }

    @Test func conversionsReadValuesAsPeopleWriteThem() throws {
        let amount = try spec("amount")
        #expect(try FieldConverter.convert(.string("１２３４.５"), amount, today: Self.today) == .number(1234.5))
        #expect(try FieldConverter.convert(.string("1,234.50元"), amount, today: Self.today) == .number(1234.5))
        #expect(throws: FieldConverter.Failure.self) { try FieldConverter.convert(.string("1.234"), amount, today: Self.today) }
        let date = try spec("date")
        for text in ["2020-05-14", "2020/5/14", "2020年5月14日"] {
            #expect(try FieldConverter.convert(.string(text), date, today: Self.today) == .string("2020-05-14"))
        }
        #expect(try FieldConverter.convert(.number(43965), date, today: Self.today) == .string("2020-05-14"))
        #expect(try FieldConverter.convert(.string("43965"), date, today: Self.today) == .string("2020-05-14"))
        let boolean = try spec("boolean")
        for (text, value) in [("是", true), ("否", false), ("Y", true), ("false", false), ("N", false)] {
            #expect(try FieldConverter.convert(.string(text), boolean, today: Self.today) == .bool(value))
        }
        let ratio = try spec("ratio")
        #expect(try FieldConverter.convert(.string("5.5%"), ratio, today: Self.today) == .number(Decimal(string: "0.055")!))
        #expect(try FieldConverter.convert(.string("  "), amount, today: Self.today) == nil)
        let text = try spec("text", extra: ", max_length: 3")
        #expect(throws: FieldConverter.Failure.self) {
            try FieldConverter.checkConstraints(.string("密云区政府"), text)
        }
        let bounded = try spec("integer", extra: ", min: '1', max: '4'")
        #expect(throws: FieldConverter.Failure.self) { try FieldConverter.checkConstraints(.number(5), bounded) }
        #expect(throws: FieldConverter.Failure.self) { try FieldConverter.convert(.string("1.5"), bounded, today: Self.today) }
    }
}

enum YAMLDecoderHelper {
    struct Refused: Error { var problems: [ManifestProblem] }

    /// One field, read as a manifest's only field would be.
    static func field(_ yaml: String) throws -> FieldSpec {
        let (manifest, problems) = ManifestReader.read("name: t\ntemplate: t.docx\nfields:\n  - " + yaml, file: "form.yaml")
        guard let field = manifest?.fields.first, problems.isEmpty else { throw Refused(problems: problems) }
        return field
    }
}
