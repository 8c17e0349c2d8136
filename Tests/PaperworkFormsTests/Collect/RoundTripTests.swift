import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// Fill, then extract, gives back the input: for every field type, with and without the embedded part,
/// and for the three built-in forms.
@Suite struct RoundTripTests {
    static let manifest = """
        name: every-type
        title: 各类字段
        template: template.xlsx
        kind: list
        rows: 项目
        fields:
          - {key: 单位, label: 单位, type: text}
          - {key: 日期, label: 日期, type: date}
          - key: 项目
            label: 项目
            type: list
            fields:
              - {key: 文本, label: 文本, type: text}
              - {key: 整数, label: 整数, type: integer}
              - {key: 金额, label: 金额, type: amount}
              - {key: 比例, label: 比例, type: ratio}
              - {key: 日期, label: 日期, type: date}
              - {key: 是否, label: 是否, type: boolean}
              - {key: 选项, label: 选项, type: enum, values: [甲, 乙, 丙]}
              - {key: 信用代码, label: 信用代码, type: credit_code}
              - {key: 身份证, label: 身份证, type: id_number}
              - {key: 电话, label: 电话, type: phone}
              - {key: 邮箱, label: 邮箱, type: email, required: false}
        """
    static let keys = ["文本", "整数", "金额", "比例", "日期", "是否", "选项", "信用代码", "身份证", "电话", "邮箱"]

    /// A form folder with the manifest and a template whose second row loops over 项目, made here.
    func makeForm() throws -> Form {
        let dir = NSTemporaryDirectory() + "paperwork-roundtrip-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Self.manifest.write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        var loop = Self.keys.map { SimpleWorkbook.Cell.text("{{\($0)}}") }
        loop[0] = .text("{{#each 项目}}{{文本}}")
        loop[loop.count - 1] = .text("{{邮箱 | default(\"\")}}{{/each}}")
        let book = SimpleWorkbook(sheetName: "明细", columns: Self.keys.map { _ in .init(width: 14) }, rows: [
            [.text("{{单位}}各类字段明细（{{日期 | date}}）")],
            Self.keys.map { .text($0) },
            loop,
            [.text("合计")],
            [.text("填报单位：{{单位}}")],
        ])
        try AtomicFile.write(try book.serialized(), to: dir + "/template.xlsx", overwrite: false)
        return try Form(folder: dir)
    }

    /// Messy but valid values of every type, from a seeded generator.
    func items(_ count: Int, seed: UInt64) -> [TemplateValue] {
        var state = seed
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        let texts = ["北京密云示例科技有限公司", "  前后空格  ", "=SUM(A1)", "00123", "含,逗号\"引号\"", "很长的名字" + String(repeating: "长", count: 80), "+86"]
        return (0..<count).map { i in
            var item: [FieldKey: TemplateValue] = [
                "文本": .string(texts[next() % texts.count].trimmingCharacters(in: .whitespaces)),
                "整数": .number(Decimal(next() % 100_000 - 50)),
                "金额": .number(Decimal(next() % 10_000_000) / 100),
                "比例": .number(Decimal(next() % 100_000) / 100_000),
                "日期": .string(CalendarDate(year: 2019 + next() % 3, month: 1 + next() % 12, day: 1 + next() % 28)!.iso),
                "是否": .bool(next() % 2 == 0),
                "选项": .string(["甲", "乙", "丙"][next() % 3]),
                "信用代码": .string(creditCode(i + 1)),
                "身份证": .string(["11010519491231002X", "110101199003070011", "11010519491231002X"][next() % 3]),
                "电话": .string(["13800138000", "010-69043376", "13911112222"][next() % 3]),
            ]
            if next() % 3 != 0 { item["邮箱"] = .string("user\(i)@example.cn") }
            return .object(item)
        }
    }

    func fillAndExtract(_ form: Form, items: [TemplateValue], embed: Bool) throws -> ExtractJob.Document {
        let dir = NSTemporaryDirectory() + "paperwork-roundtrip-" + UUID().uuidString + "/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var json: [UInt8] = []
        JSONText.write(.object(["单位": .string("区商务局"), "日期": .string("2020-05-12"), "项目": .list(items)]), into: &json)
        try AtomicFile.write(json, to: dir + "case.json", overwrite: false)
        var job = FillJob(data: dir + "case.json", template: nil, form: form, policy: Repo.policy, options: LoadOptions())
        job.embed = embed
        let prepared = try job.run(output: dir + "out.xlsx", overwrite: false)
        let errors = prepared.findings.filter { $0.severity == .error }.prefix(3).map { $0.line(.en) }
        #expect(errors.isEmpty, "\(errors)")
        let result = ExtractJob(files: [dir + "out.xlsx"], form: form, catalog: nil).run()
        let failures = result.failures.map { $0.reason.message(.en) }
        #expect(failures.isEmpty, "\(failures)")
        return try #require(result.documents.first)
    }

    @Test(arguments: [(UInt64(1), true), (2, false), (3, true), (4, false)])
    func everyFieldTypeComesBack(seed: UInt64, embed: Bool) throws {
        let form = try makeForm()
        let input = items(25, seed: seed)
        let document = try fillAndExtract(form, items: input, embed: embed)
        #expect(document.data.findings.isEmpty, "\(document.data.findings.map { $0.line(.en) })")
        #expect(document.data.differences.isEmpty)
        #expect((document.data.embedded != nil) == embed)
        #expect(document.items.count == input.count)
        for (got, want) in zip(document.items.map(\.value), input) {
            for key in Self.keys {
                #expect(DocumentReader.same(got[FieldKey(key)], want[FieldKey(key)]), "\(key): \(String(describing: got[FieldKey(key)])) vs \(String(describing: want[FieldKey(key)]))")
            }
        }
        #expect(document.data.value["单位"] == .string("区商务局"), "the header is read back through the title and sign-off cells")
        #expect(document.data.value["日期"] == .string("2020-05-12"))
    }

    static func keysOf(_ v: TemplateValue) -> [String] {
        if case .object(let m) = v { return m.keys.map(\.text) }
        return []
    }

    @Test(arguments: ["rent-reduction-agreement", "interest-subsidy-application", "hr-enterprise-list"])
    func builtInFormsComeBack(name: String) throws {
        let form = try Repo.catalog.form(name)
        let data = Repo.root + "/Samples/\(name)/valid.yaml"
        let settings = name == "hr-enterprise-list" ? EmbeddingTests.hrSettings : []
        let out = NSTemporaryDirectory() + "paperwork-roundtrip-" + UUID().uuidString + "." + (form.manifest.kind == .list ? "xlsx" : "docx")
        _ = try FillJob(data: data, template: nil, form: form, policy: Repo.policy, options: LoadOptions(settings: settings)).run(output: out, overwrite: false)
        let prepared = try CasePreparation.prepare(data: data, form: form, policy: Repo.policy, options: LoadOptions(settings: settings))
        let expected = Selection(manifest: form.manifest, computed: false).filter(prepared.cases[0].value)
        if form.manifest.kind != .list {
            let xml = String(decoding: try OOXMLPackage(contentsOf: out).data(of: "word/document.xml"), as: UTF8.self)
            #expect(xml.contains("\u{2060}"), "the document's dates carry joiners, and the data still comes back as it went in")
        }
        let result = ExtractJob(files: [out], form: nil, catalog: Repo.catalog).run()
        let document = try #require(result.documents.first)
        #expect(document.data.differences.isEmpty)
        for key in Set(Self.keysOf(document.value)).union(Self.keysOf(expected)) {
            #expect(document.value[FieldKey(key)] == expected[FieldKey(key)], "\(key)")
        }
    }
}
