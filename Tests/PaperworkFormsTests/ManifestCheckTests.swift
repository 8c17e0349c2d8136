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
        ("unit-error.yaml", 7, 42, "元/平方米"),
        ("unit-declared.yaml", 7, 37, "计数（人）"),
    ])
    func brokenManifestIsRefusedAtItsPlace(file: String, line: Int, column: Int, mentions: String) throws {
        let found = try problems(file)
        let first = try #require(found.first { $0.severity == .error }, "\(file) was accepted")
        #expect((first.line, first.column) == (line, column), "\(first.message(.zh))")
        #expect(first.message(.zh).contains(mentions), "\(first.message(.zh))")
        #expect(first.message(.en).hasPrefix(Self.folder + "/" + file + ":\(line):\(column): error: "))
    }

    /// An expression's problem is a value (what was expected, which types met), rendered in one language only.
    @Test(arguments: [
        ("bad-expression.yaml", "合计：此处应为「)」，却已到结尾", "合计: expected “)”, found the end"),
        ("type-error.yaml", "合计：「+」：应为", "合计: “+”: expected "),
    ])
    func expressionProblemsAreRenderedInOneLanguage(file: String, zh: String, en: String) throws {
        let first = try #require(try problems(file).first { $0.severity == .error })
        guard case .expression = first.kind else { Issue.record("\(first.kind)"); return }
        #expect(first.message(.zh).contains(zh), "\(first.message(.zh))")
        #expect(first.message(.en).contains(en), "\(first.message(.en))")
        #expect(!first.message(.zh).contains(en) && !first.message(.en).contains(zh))
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
        #expect(thrownCause { _ = try CasePreparation.prepare(data: dir + "/valid.yaml", form: form, policy: Repo.policy, today: Repo.today) } is FormError)
        let report = try FormCheck.run(target: dir, catalog: nil, policy: Repo.policy)
        #expect(report.passed.isEmpty && report.problems.contains(problem))
    }

    /// The landlord form copied with its manifest's text changed by `edit`.
    func landlordCopy(_ edit: (String) -> String) throws -> String {
        let dir = NSTemporaryDirectory() + "tag-check-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: LandlordSubsidyTests.folder, toPath: dir)
        let manifest = try String(contentsOfFile: dir + "/form.yaml", encoding: .utf8)
        try edit(manifest).write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    /// `output_name`'s tags are checked like the template's: one naming nothing is refused at its column in the manifest;
    /// a field only the file name uses is used.
    @Test func anOutputNameTagNothingProvidesIsRefusedAtItsPlace() throws {
        let dir = try landlordCopy {
            $0.replacingOccurrences(of: "output_name: \"{{出租方.名称}}-减免租金补贴申请表\"",
                                    with: "output_name: \"{{出租方.简称}}-{{出租方.名字 | default(\\\"无\\\")}}-补贴申请表\"")
              .replacingOccurrences(of: "\nfields:\n", with: "\nfields:\n  - {key: 出租方.简称, label: 出租方简称, type: text, required: false}\n")
        }
        let form = try Form(folder: dir)
        let problems = form.problems(policy: Repo.policy)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.map(\.kind) == [.nameTagNotProvided("{{出租方.名字 | default(\"无\")}}")], "\(problems.map { $0.message(.zh) })")
        #expect(errors.first.map { "\($0.file):\($0.line):\($0.column)" } == dir + "/form.yaml:7:26")
        #expect(errors.first?.message(.zh).contains("文件名模式中的 {{出租方.名字") == true)
        #expect(!problems.contains { $0.kind == .unusedField("出租方.简称") }, "a field the file name uses is used")
        #expect(thrownCause { _ = try CasePreparation.prepare(data: dir + "/valid.yaml", form: form, policy: Repo.policy, today: Repo.today) } is FormError)
    }

    /// A pattern that is not a one-line value pattern (a block tag, an unknown filter) is refused at `output_name`'s place.
    @Test(arguments: ["{{#each 承租方}}{{名称}}{{/each}}", "{{出租方.名称 | 大写}}"])
    func anOutputNameThatCannotBeReadIsRefused(pattern: String) throws {
        let dir = try landlordCopy { $0.replacingOccurrences(of: "{{出租方.名称}}-减免租金补贴申请表", with: pattern) }
        let errors = try Form(folder: dir).problems(policy: Repo.policy).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first.map { "\($0.line):\($0.column)" } == "7:15")
        #expect(errors.first?.message(.en).contains("output_name: ") == true, "\(errors.map { $0.message(.en) })")
    }

    /// The fields of a list's items are warned about like top-level fields when neither the template (inside its
    /// `{{#each}}`) nor an expression or a rule's field reads them, each at its own line.
    @Test func unusedListItemFieldsAreWarnedAbout() throws {
        let dir = try landlordCopy {
            $0.replacingOccurrences(of: "      - {key: 减免日期,", with: "      - {key: 备注说明, label: 备注, type: text, required: false}\n      - {key: 减免日期,")
        }
        let warnings = try Form(folder: dir).problems(policy: Repo.policy).filter { $0.severity == .warning }
        let unused = warnings.compactMap { p -> String? in if case .unusedField(let k) = p.kind { "\(k)@\(p.line):\(p.column)" } else { nil } }
        // 信用代码 and 面积 are asked for but the tenant table shows neither; 减免日期 is read by a rule only, 合同编号 by `unique`.
        #expect(unused == ["承租方[].信用代码@24:9", "承租方[].面积@26:9", "承租方[].备注说明@32:9"], "\(warnings.map { $0.message(.zh) })")
    }

    @Test func builtInFormsCompileWithoutProblems() throws {
        for name in try Repo.catalog.names {
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
        var program = Program()
        program.addFrames(checker.state.frames, fields: scope.lists)
        let code = program.add(e)
        var evaluator = Evaluator(program: program, root: root, locals: checker.state.locals)
        return evaluator.value(code)
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
        #expect(try evaluate("职工.2019年12月末 - 1", ["职工.2019年12月末": .number(.bare)], root: .object(["职工": .object(["2019年12月末": .number(40)])])) == .number(39))
    }

    @Test func uniqueKeysPackCodesAndKeepOtherTexts() {
        let code = "91110228MA0030003Y"
        #expect(UniqueKey(code) == UniqueKey(String(code.utf8.map { Character(UnicodeScalar($0)) })))
        #expect(UniqueKey(code) != UniqueKey("91110228MA0030003Z"))
        guard case .packed = UniqueKey(code) else { Issue.record("an 18-character ASCII code is packed"); return }
        // Not 18 ASCII bytes: kept as text, still equal to itself and unequal to a packed code.
        for text in ["9111022", "91110228MA0030003Y0", "９1110228MA0030003Y"] {
            guard case .text(let t) = UniqueKey(text) else { Issue.record("\(text) is kept as text"); continue }
            #expect(t == text && UniqueKey(text) != UniqueKey(code))
        }
    }

    @Test func typeAndSyntaxErrorsNameTheirPlace() {
        #expect(throws: ExpressionError(.unknownOperator("=>"), at: 3)) { try Parser.parse("金额 => 0") }
        #expect(throws: ExpressionError.self) { try evaluate("2020-04-30 + 1") }
        #expect(throws: ExpressionError.self) { try evaluate("\"文字\" < 3") }
        #expect(throws: ExpressionError(.unknownPolicyKey("policy.rent.nope"), at: 0)) { try evaluate("policy.rent.nope") }
    }
}
