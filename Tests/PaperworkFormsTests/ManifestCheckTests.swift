import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// Broken manifests in `Fixtures/broken`: each is refused, with the problem at its line and column.
@Suite struct ManifestCheckTests {
    static let folder = Repo.root + "/Tests/PaperworkFormsTests/Fixtures/broken"

    func problems(_ name: String) throws -> [ManifestProblem] {
        let file = Self.folder + "/" + name
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let (manifest, read) = ManifestReader.read(text, file: file)
        guard let manifest, read.isEmpty else { return read }
        return FormCompiler.compile(manifest, policy: Repo.policy, file: file).1
    }

    @Test(arguments: [
        ("typo-key.yaml", 6, 27, "requried"),
        ("unknown-type.yaml", 6, 21, "area"),
        ("unknown-operator.yaml", 8, 15, "=>"),
        ("unknown-field.yaml", 8, 12, "金頟"),
        ("bad-expression.yaml", 7, 44, "结尾"),
        ("type-error.yaml", 7, 37, "+"),
        ("circular.yaml", 7, 35, "甲"),
        ("unknown-policy-key.yaml", 7, 41, "policy.rent.nope"),
    ])
    func brokenManifestIsRefusedAtItsPlace(file: String, line: Int, column: Int, mentions: String) throws {
        let found = try problems(file)
        let first = try #require(found.first { $0.severity == .error }, "\(file) was accepted")
        #expect((first.line, first.column) == (line, column), "\(first.message(.zh))")
        #expect(first.message(.zh).contains(mentions), "\(first.message(.zh))")
        #expect(first.message(.en).hasPrefix(Self.folder + "/" + file + ":\(line):\(column): error: "))
    }

    /// The landlord form copied with one field taken out of its manifest: the template's tag for it is refused, with its place.
    @Test func aTemplateTagNothingProvidesIsRefused() throws {
        let dir = NSTemporaryDirectory() + "tag-check-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: LandlordSubsidyTests.folder, toPath: dir)
        let manifest = try String(contentsOfFile: dir + "/form.yaml", encoding: .utf8)
        let without = manifest.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("key: 出租方.银行账号") }
        try without.joined(separator: "\n").write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        let form = try Form(folder: dir)
        let problem = try #require(form.problems(policy: Repo.policy).first { $0.severity == .error })
        #expect(problem.kind == .tagNotProvided("{{出租方.银行账号}}"))
        #expect(problem.file == dir + "/template.docx" && problem.place?.contains("表格 1") == true, "\(problem.message(.zh))")
        #expect(throws: FormError.self) {
            try CasePreparation.prepare(data: dir + "/valid.yaml", form: form, policy: Repo.policy, today: Repo.today)
        }
        let report = try FormCheck.run(target: dir, catalog: nil, policy: Repo.policy)
        #expect(report.passed.isEmpty && report.problems.contains(problem))
    }

    @Test func builtInFormsCompileWithoutProblems() throws {
        for name in Repo.catalog.names {
            let form = try Repo.catalog.form(name)
            let (compiled, problems) = FormCompiler.compile(form.manifest, policy: Repo.policy, file: form.manifestPath)
            #expect(compiled != nil && problems.isEmpty, "\(name): \(problems.map { $0.message(.en) })")
        }
    }
}

@Suite struct ExpressionTests {
    func evaluate(_ text: String, _ fields: [String: ValueType] = [:], root: TemplateValue = .null) throws -> Value {
        var scope = Scope()
        scope.fields = fields
        scope.policy = Repo.policy.values
        var checker = Checker(scope: scope, state: CheckState())
        let (e, _) = try checker.check(try Parser.parse(text))
        var evaluator = Evaluator(root: root, frames: checker.state.frames.count, locals: checker.state.locals)
        return evaluator.value(e)
    }

    @Test func decimalArithmeticDatesAndPolicy() throws {
        #expect(try evaluate("0.1 + 0.2 == 0.3") == .bool(true))
        #expect(try evaluate("round(12345.60 * 0.5, 2)") == .number(Decimal(string: "6172.8")!))
        #expect(try evaluate("min(floor(5400 / 900), 6) * 500") == .number(3000))
        #expect(try evaluate("min(floor(6300 / 900), policy.hr.training.max_units) * 500") == .number(3000))
        #expect(try evaluate("add_months(2020-01-31, 1)") == .date(CalendarDate(year: 2020, month: 2, day: 29)!))
        #expect(try evaluate("days_between(2020-03-01, 2021-03-01)") == .number(365))
        #expect(try evaluate("count(months(2020-02-01, 2020-04-30))") == .number(3))
        #expect(try evaluate("policy.rent.ratio_by_use[\"办公\"]") == .number(Decimal(string: "0.5")!))
        #expect(try evaluate("\"餐饮\" in policy.rent.life_service.trades and not (\"其他\" in policy.rent.life_service.trades)") == .bool(true))
        #expect(try evaluate("capitals(37036.8)") == .text("叁万柒仟零叁拾陆元捌角"))
        #expect(try evaluate("if 5.5% <= policy.rent.layoff_ratio_max then \"符合\" else \"不符合\"") == .text("符合"))
        #expect(try evaluate("职工.2019年12月末 - 1", ["职工.2019年12月末": .number], root: .object(["职工": .object(["2019年12月末": .number(40)])])) == .number(39))
    }

    @Test func typeAndSyntaxErrorsNameTheirPlace() {
        #expect(throws: ExpressionError(.unknownOperator("=>"), at: 3)) { try Parser.parse("金额 => 0") }
        #expect(throws: ExpressionError.self) { try evaluate("2020-04-30 + 1") }
        #expect(throws: ExpressionError.self) { try evaluate("\"文字\" < 3") }
        #expect(throws: ExpressionError(.unknownPolicyKey("policy.rent.nope"), at: 0)) { try evaluate("policy.rent.nope") }
    }
}
