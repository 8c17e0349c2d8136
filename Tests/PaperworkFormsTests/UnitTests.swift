import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// Types that say what they hold: amounts in 元, quantities in their unit, counts, ratios and percentages — checked
/// in expressions when a form is loaded, converted and shown each in its own way.
@Suite struct UnitTests {
    /// The fields of a made-up form, typed as a manifest declares them.
    static let fields: [String: ValueType] = [
        "面积": FieldType.quantity.valueType(unit: "平方米"),
        "月租金": FieldType.amount.valueType(unit: nil),
        "比例": FieldType.ratio.valueType(unit: nil),
        "下降幅度": FieldType.percent.valueType(unit: nil),
        "参保人数": FieldType.count.valueType(unit: "人"),
        "企业数": FieldType.count.valueType(unit: "家"),
        "月数": FieldType.count.valueType(unit: "个月"),
        "批次": FieldType.integer.valueType(unit: nil),
        "收入2019": FieldType.amount.valueType(unit: nil),
        "收入2020": FieldType.amount.valueType(unit: nil),
        "开始": .date, "结束": .date,
    ]

    func type(_ text: String) throws(ExpressionError) -> ValueType {
        var scope = Scope()
        scope.fields = Self.fields
        scope.policy = Repo.policy.values
        var checker = Checker(scope: scope, state: CheckState())
        return try checker.check(try Parser.parse(text)).1
    }

    @Test(arguments: [
        ("比例 * 月租金", NumberUnit.yuan),                               // a ratio times an amount is an amount
        ("round(月租金 * 比例, 2) * 月数", .yuan),                   // a count of months scales it
        ("月租金 / 面积", .measure("元/平方米")),
        ("(月租金 / 面积) * 面积", .yuan),                          // a rate per 平方米 times 平方米
        ("round(月租金 / 面积, 2)", .measure("元/平方米")),
        ("(收入2019 - 收入2020) / 收入2019", .ratio),               // like over like
        ("参保人数 / 参保人数", .ratio),
        ("5.5% * 下降幅度", .ratio),
        ("参保人数 + 12", .count("人")),                            // a bare number fits any unit
        ("count(policy.hr.batches) + 参保人数", .count("人")),      // count() is a count of anything
        ("days_between(开始, 结束) * (月租金 / 30)", .yuan),
        ("min(月租金, policy.interest.cap)", .yuan),
        ("if 批次 > 1 then 月租金 else 0", .yuan),
        ("default(面积, 0)", .measure("平方米")),
        ("policy.rent.landlord_subsidy_ratio * 月租金", .yuan),
    ])
    func unitsCombineAsTheyShould(expression: String, unit: NumberUnit) throws {
        #expect(try type(expression) == .number(unit), "\(expression)")
    }

    @Test(arguments: [
        ("面积 + 月租金", "+", 5),                 // 平方米 + 元
        ("月租金 - 比例", "-", 6),                 // 元 − a ratio
        ("面积 > 月租金", ">", 5),
        ("参保人数 + 企业数", "+", 7),             // 人 + 家
        ("面积 * 月租金", "*", 5),                 // 平方米 × 元 is no unit this language knows
        ("月租金 / 比例 > 面积", ">", 11),
        ("min(月租金, 面积)", "min", 9),
        ("capitals(面积)", "capitals", 9),            // 人民币大写 of 平方米
        ("capitals(比例)", "capitals", 9),
        ("sum(policy.hr.batches) + 面积", "+", -1), // dates cannot be summed: a type error, not a unit one
    ])
    func unitsThatDoNotAgreeAreTypeErrorsWithTheirPlace(expression: String, context: String, at: Int) {
        do {
            _ = try type(expression)
            Issue.record("\(expression) was accepted")
        } catch {
            if at >= 0 {
                guard case .units(let c, _, _) = error.problem else { Issue.record("\(expression): \(error.message(.en))"); return }
                #expect(c == context && error.at == at, "\(expression): \(error.message(.zh)) at \(error.at)")
            }
            #expect(!error.message(.zh).isEmpty && !error.message(.en).isEmpty)
        }
    }

    @Test func theUnitsErrorSaysWhichUnits() throws {
        #expect(throws: ExpressionError(.units(context: "+", .measure("平方米"), .yuan), at: 5)) { try type("面积 + 月租金") }
        let error = ExpressionError(.units(context: "+", .measure("平方米"), .yuan), at: 5)
        #expect(error.message(.zh) == "「+」：两边的单位不一致，数量（平方米） 与 金额（元）")
        #expect(error.message(.en) == "“+”: the units do not agree, a quantity in 平方米 and an amount in 元")
    }

    /// The second broken computed value of `unit-error.yaml`: 平方米 added to 元, refused at the right operand.
    @Test func aManifestAddingSquareMetresToYuanIsRefusedAtTheOperand() throws {
        let file = ManifestCheckTests.folder + "/unit-error.yaml"
        let (manifest, read) = ManifestReader.read(try String(contentsOfFile: file, encoding: .utf8), file: file)
        let problems = FormCompiler.compile(try #require(manifest), policy: Repo.policy, file: file).1
        #expect(read.isEmpty && problems.count == 2, "\(problems.map { $0.message(.zh) })")
        let second = try #require(problems.last)
        #expect((second.line, second.column) == (8, 43), "\(second.message(.zh))")
        #expect(second.message(.zh).hasSuffix("合计：「+」：两边的单位不一致，金额（元） 与 数量（平方米）"), "\(second.message(.zh))")
    }

    func convert(_ raw: TemplateValue, _ type: FieldType, unit: String? = nil, min: String? = nil, max: String? = nil) -> Result<TemplateValue?, FieldConverter.Failure> {
        let spec = FieldSpec(key: "x", label: "x", type: type, unit: unit, min: min, max: max)
        do {
            let v = try FieldConverter.convert(raw, spec, today: Repo.today)
            if let v { try FieldConverter.checkConstraints(v, spec) }
            return .success(v)
        } catch { return .failure(error) }
    }

    @Test func countsReadWithTheirUnitAndWhole() {
        for raw: TemplateValue in [.string("12"), .string("12人"), .string(" 12 人 "), .number(12)] {
            guard case .success(.number(let n)?) = convert(raw, .count, unit: "人") else { Issue.record("\(raw)"); continue }
            #expect(n == 12, "\(raw)")
        }
        for raw: TemplateValue in [.string("12.5"), .string("-1"), .string("十二人"), .string("12家"), .number(Decimal(string: "0.5")!)] {
            guard case .failure(let f) = convert(raw, .count, unit: "人") else { Issue.record("\(raw) was read"); continue }
            #expect(f.zh == "应为不小于 0 的整数（如 12人）", "\(raw)")
        }
        guard case .success(.number(1200)?) = convert(.string("1,200人"), .count, unit: "人") else { Issue.record("1,200人"); return }
        guard case .failure(let f) = convert(.string("120人"), .count, unit: "人", max: "100") else { Issue.record("over max"); return }
        #expect(f.zh == "不能大于 100")
    }

    @Test func percentagesAreWrittenInPointsAndHeldAsRatios() {
        for raw: TemplateValue in [.string("5.5"), .string("5.5%"), .string("5.5％"), .number(Decimal(string: "5.5")!)] {
            guard case .success(.number(let n)?) = convert(raw, .percent) else { Issue.record("\(raw)"); continue }
            #expect(n == Decimal(string: "0.055"), "\(raw)")
        }
        guard case .failure(let f) = convert(.string("百分之五"), .percent) else { Issue.record("read"); return }
        #expect(f.zh == "应为百分数（如 5.5 或 5.5%）")
        // Limits are in points too, and a finding shows them as percentages.
        guard case .failure(let over) = convert(.string("120"), .percent, min: "0", max: "100") else { Issue.record("over"); return }
        #expect(over.zh == "不能大于 100%" && over.en == "must be at most 100%")
        guard case .success = convert(.string("100"), .percent, min: "0", max: "100") else { Issue.record("100 % refused"); return }
        // A ratio takes a limit written as a percentage as well as a fraction.
        guard case .failure(let ratio) = convert(.string("25%"), .ratio, max: "24%") else { Issue.record("ratio over"); return }
        #expect(ratio.zh == "不能大于 0.24")
    }

    static let hasOpenpyxl = LandlordSubsidyTests.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]) == 0

    /// A made-up form with every kind of number: an area, a head count, a decline in points, a ratio, a rate per 平方米.
    static func madeUpForm() throws -> Form {
        let dir = NSTemporaryDirectory() + "units-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try """
        name: site-subsidy
        title: 经营场地补贴测算表（密云区某镇试行，名称较长以便检查列宽）
        template: template.docx
        fields:
          - {key: 单位.名称, label: 单位名称, type: text, max_length: 100}
          - {key: 场地.面积, label: 场地面积, type: quantity, unit: 平方米, min: "0.01"}
          - {key: 职工人数, label: 职工人数, type: count, unit: 人, min: "1"}
          - {key: 收入降幅, label: 营业收入降幅, type: percent, min: "0", max: "100"}
          - {key: 补贴比例, label: 补贴比例, type: ratio, max: "0.5"}
          - {key: 每平方米补贴, label: 每平方米补贴, type: quantity, unit: 元/平方米}
        computed:
          - {key: 补贴金额, label: 补贴金额, type: amount, value: "round(场地.面积 * 每平方米补贴 * 补贴比例, 2)"}
          - {key: 人均补贴, label: 人均补贴, type: amount, value: "round(补贴金额 / 职工人数, 2)"}
          - {key: 补贴大写, label: 补贴金额（大写）, type: text, value: "capitals(补贴金额)"}
        rules:
          - {id: decline, check: "收入降幅 >= 30%", field: 收入降幅, message: "营业收入降幅未达到 30%"}
        """.write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        return try Form(folder: dir)
    }

    @Test func formsShowSaysWhatEachNumberHolds() throws {
        let shown = try Self.madeUpForm().description(.zh)
        for line in ["  * 场地.面积  场地面积  [数量（平方米）]  ≥ 0.01", "  * 职工人数  职工人数  [计数（人）]  ≥ 1",
                     "  * 收入降幅  营业收入降幅  [百分比]  ≥ 0%  ≤ 100%", "  * 补贴比例  补贴比例  [比例]  ≤ 50%",
                     "  * 每平方米补贴  每平方米补贴  [数量（元/平方米）]"] {
            #expect(shown.contains(line + "\n"), "\(line)\n\(shown)")
        }
        #expect(try Self.madeUpForm().description(.en).contains("[count (人)]  ≥ 1"))
    }

    @Test func aRecordConvertsEachNumberAndComputesInItsUnit() throws {
        let validator = try CaseValidator(form: try Self.madeUpForm(), policy: Repo.policy, today: Repo.today)
        func check(_ decline: String) throws -> ValidatedCase {
            let value: TemplateValue = .object(["单位": .object(["名称": .string("北京密云某某农业科技发展有限公司")]),
                                                "场地": .object(["面积": .string("186.5 平方米")]), "职工人数": .string("12人"),
                                                "收入降幅": .string(decline), "补贴比例": .string("50%"), "每平方米补贴": .string("20元/平方米")])
            return try validator.validate(CaseRecord(value: value), number: 1)
        }
        let passed = try check("35")
        #expect(passed.findings.isEmpty, "\(passed.findings.map { $0.line(.zh) })")
        #expect(passed.value["收入降幅"] == .number(Decimal(string: "0.35")!) && passed.value["职工人数"] == .number(12))
        #expect(passed.value["补贴金额"] == .number(1865) && passed.value["人均补贴"] == .number(Decimal(string: "155.42")!))
        #expect(passed.value["补贴大写"] == .string("壹仟捌佰陆拾伍元整"))
        let short = try check("29.99%")
        #expect(short.findings.map(\.rule) == ["decline"])
    }

    /// The data-entry workbook `init` makes: a count column shows its unit and a percentage column a `%` that does not
    /// scale what is typed; openpyxl fills a row as a clerk would, and it reads back as the field means it.
    @Test(.enabled(if: hasOpenpyxl)) func theEntryWorkbookReadsBackAsTyped() throws {
        let form = try Self.madeUpForm()
        let file = form.folder + "/录入.xlsx"
        try Data(try CaseFileTemplate.workbook(form)).write(to: URL(fileURLWithPath: file))
        let script = """
        import sys, zipfile, openpyxl
        styles = zipfile.ZipFile(sys.argv[1]).read("xl/styles.xml").decode()
        assert 'formatCode="0&quot;人&quot;"' in styles and 'formatCode="0.00&quot;%&quot;"' in styles, styles
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book.active
        sheet.append(["北京密云某某农业科技发展有限公司", 186.5, 12, 35, 0.5, 20])
        book.save(sys.argv[1])
        """
        #expect(LandlordSubsidyTests.run("/usr/bin/env", ["python3", "-c", script, file]) == 0)
        let loaded = try CaseLoader.load(file, form: form)
        #expect(loaded.cases.count == 1)
        let checked = try CaseValidator(form: form, policy: Repo.policy, today: Repo.today).validate(try #require(loaded.cases.first), number: 1)
        #expect(checked.findings.isEmpty, "\(checked.findings.map { $0.line(.zh) })")
        #expect(checked.value["收入降幅"] == .number(Decimal(string: "0.35")!) && checked.value["补贴金额"] == .number(1865))
    }
}
