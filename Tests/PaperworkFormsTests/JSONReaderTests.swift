import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct JSONReaderTests {
    private func read(_ text: String) throws -> TemplateValue { try JSONReader.value(in: Data(text.utf8)) }

    @Test func valuesAreReadExactly() throws {
        let value = try read(#"{"金额": 276650.61, "big": 12345678901234567890, "e": 1e3, "neg": -0.5, "list": [1, "二", true, null, {}],"#
                             + #" "text": "a\"b\\c\/d\n\t\u4E2D\uD83D\uDE00", "dup": 1, "dup": 2}"#)
        #expect(value["金额"] == .number(Decimal(string: "276650.61")!))
        #expect(value["big"] == .number(Decimal(string: "12345678901234567890")!))
        #expect(value["e"] == .number(1000))
        #expect(value["neg"] == .number(Decimal(string: "-0.5")!))
        #expect(value["list"] == .list([.number(1), .string("二"), .bool(true), .null, .object([:])]))
        #expect(value["text"] == .string("a\"b\\c/d\n\t中😀"))
        #expect(value["dup"] == .number(2), "the last of two equal keys wins, as in Foundation")
        #expect(try JSONReader.value(in: Data([0xEF, 0xBB, 0xBF]) + Data(#"[" 密云 "]"#.utf8)) == .list([.string(" 密云 ")]))
    }

    @Test func readsWhatFoundationReads() throws {
        let documents = [#"{"a": [1, 2.5, -3e-2, {"b": "c"}], "d": false}"#, #"[]"#, #""x""#, #"0"#, #"[{"名称": "北京\"示例\"", "n": 0.1}]"#]
        for text in documents {
            #expect(try read(text) == TemplateValue.fromJSON(Data(text.utf8)), "\(text)")
        }
    }

    @Test func aBadByteIsNamedWithItsLineAndColumn() {
        let cases: [(String, SyntaxProblem.Kind, Int, Int)] = [
            ("[1,\n 01]", .unexpected("1"), 2, 3),
            ("[1,]", .unexpected("]"), 1, 4),
            ("{\"a\": .5}", .unexpected("."), 1, 7),
            ("{\"名称\": 北京}", .unexpected("北"), 1, 8),
            ("[\"a\\x\"]", .unexpected("x"), 1, 5),
            ("[\"open]", .unclosedQuote, 1, 2),
            ("[\"a\u{01}\"]", .controlCharacter(1), 1, 4),
            ("{\"a\": 1} x", .unexpected("x"), 1, 10),
            ("{\"a\": [1, 2", .unexpectedEnd, 1, 12),
            ("[-]", .unexpected("]"), 1, 3),
            ("[1.]", .unexpected("]"), 1, 4),
        ]
        for (text, kind, line, column) in cases {
            #expect(throws: SyntaxProblem(.json, kind, line: line, column: column), "\(text)") { try read(text) }
        }
    }

    @Test func aTopLevelListIsCheckedWholeAndReadItemByItem() throws {
        let data = Data(#"[{"a": 1}, {"a": "二", "b": [1]} ,{}]"#.utf8)
        let ranges = try #require(try JSONReader.items(in: data))
        #expect(ranges.map { JSONReader.item($0, in: data) } == [.object(["a": .number(1)]), .object(["a": .string("二"), "b": .list([.number(1)])]), .object([:])])
        #expect(try JSONReader.items(in: Data(#"{"a": []}"#.utf8)) == nil)
        #expect(throws: SyntaxProblem(.json, .unexpected("}"), line: 1, column: 20)) { try JSONReader.items(in: Data(#"[{"a": 1}, {"a": 2}}]"#.utf8)) }
    }
}

@Suite struct JSONListStreamTests {
    private func enterprise(_ n: Int, trainees: String = "5") -> String {
        #"{"名称": "密云示例企业\#(n)", "信用代码": "\#(creditCode(300 + n))", "重点行业": "生活性服务业", "主管部门": "区商务局", "规模": "小型", "#
            + #""参加失业保险": true, "参保人数": 20, "2020年2至4月营业收入": "10000.5", "2019年2至4月营业收入": 200000, "#
            + #""培训人数": \#(trainees), "培训时长": 1800, "联系人": "王先生", "联系电话": "13800138000"}"#
    }

    private func write(_ text: String) throws -> String {
        let dir = NSTemporaryDirectory() + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/list.json"))
        return dir + "/list.json"
    }

    @Test func aListFormsItemsAsAJSONListStayInTheFileAndGiveTheFindingsOfTheHeldList() throws {
        let items = (1...30).map { enterprise($0, trainees: $0 == 7 ? "\"七\"" : "5") }
        let settings = ["部门=区商务局", "批次=2", "填报人=周明", "联系电话=010-69041234", "填报日期=2020-05-12"]
        let form = try Repo.catalog.form("hr-enterprise-list")
        let streamed = try CasePreparation.prepare(data: try write("[\(items.joined(separator: ",\n"))]"), form: form, policy: Repo.policy,
                                                   options: LoadOptions(settings: settings), today: Repo.today)
        let held = try CasePreparation.prepare(data: try write(#"{"企业": [\#(items.joined(separator: ","))]}"#), form: form, policy: Repo.policy,
                                               options: LoadOptions(settings: settings), today: Repo.today)
        #expect(streamed.cases[0].value["企业"] == nil, "the items are read from the file when they are needed")
        #expect(streamed.cases[0].streams["企业"]?.count == 30)
        #expect(streamed.findings.map { $0.line(.zh) }.sorted() == held.findings.map { $0.line(.zh) }.sorted())
        let line = try #require(streamed.findings.first { $0.severity == .error }).line(.zh)
        #expect(line.contains("第 7 条记录") && !line.contains("行"), "\(line)")
    }

    @Test func aPlainTemplatesRowListStreamsFromAJSONListOfStrings() throws {
        let path = try write(#"[{"名称": "甲", "金额": "1,234.50"}, {"名称": "乙", "金额": "7"}]"#)
        let loaded = try CaseLoader.load(path, form: nil, listKey: "行")
        let table = try #require(loaded.cases.first?.items)
        var names: [TemplateValue?] = []
        try TableRows(table: table).forEach { names.append($0["名称"]) }
        #expect(names == [.string("甲"), .string("乙")])
        let nested = try CaseLoader.load(try write(#"[{"行": [{"名称": "甲"}]}]"#), form: nil, listKey: "行")
        #expect(nested.cases.first?.items == nil && nested.cases.count == 1, "records that hold the list themselves are cases")
    }
}
