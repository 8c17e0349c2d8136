import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct CaseDataTests {
    @Test func encodingsAreDetected() {
        let text = "企业名称,金额\n密云云水谣,1234.5\n"
        let gb = text.data(using: TextDecoding.gb18030)!
        #expect(TextDecoding.decode(gb)?.encoding == "GB18030")
        #expect(TextDecoding.decode(gb)?.text == text)
        #expect(TextDecoding.decode(Data(text.utf8))?.encoding == "UTF-8")
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))?.text == text)
        #expect(TextDecoding.decode(Data("密云".utf8))?.text == "密云")
        #expect(TextDecoding.decode(Data([0xFF, 0xFE, 0xC6, 0x5B]))?.text == "密")
        #expect(TextDecoding.decode(Data([0x81, 0x20, 0xFF]), forced: nil) == nil)
    }

    @Test func csvQuotesCommasAndLineBreaks() throws {
        let records = try csv("a,b\r\n\"x, y\",\"line1\nline2\"\n\n\"say \"\"hi\"\"\",2")
        #expect(records.map(\.number) == [1, 2, 4])
        #expect(records[1].fields == ["x, y", "line1\nline2"])
        #expect(records[2].fields == ["say \"hi\"", "2"])
        #expect(throws: CSVParser.Failure(record: 2)) { try csv("a\n\"open") }
        #expect(try csv("x,\n\"a\"b,\"\"\r\rlast").map(\.fields) == [["x", ""], ["ab", ""], ["last"]])
    }

    private func csv(_ text: String) throws -> [(number: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        try CSVParser.forEach(text) { records.append(($0, $1)); return true }
        return records
    }

    @Test func columnsMapByKeyLabelAliasAndListConvention() throws {
        let form = try Repo.catalog.form("interest-subsidy-application")
        let map = try ColumnMap(headings: ["企业名称", "统一社会信用代码", "付息记录[2].付息日期", "付息记录[1].金额", "无关列"],
                                fields: form.manifest.fields, file: "x.csv")
        let record = map.record([.string("某公司"), .string("91110000100010433L"), .string("2020-06-21"), .string("100"), .string("?")])
        #expect(record.value(at: ["企业", "名称"]) == .string("某公司"))
        #expect(record.value(at: ["企业", "信用代码"]) == .string("91110000100010433L"))
        guard case .list(let items)? = record["付息记录"] else { Issue.record("no list"); return }
        #expect(items.count == 2)
        #expect(items[1]["日期"] == .string("2020-06-21"))
        #expect(map.unknown.map(\.heading) == ["无关列"])
        #expect(throws: CaseFileError.duplicateHeader(file: "x.csv", column: "B", heading: "企业名称")) {
            try ColumnMap(headings: ["企业名称", "企业名称"], fields: form.manifest.fields, file: "x.csv")
        }
    }

    @Test func withoutAFormHeadingsAreKeys() throws {
        let map = try ColumnMap(headings: ["乙方.名称", "金额"], fields: nil, file: "x.csv")
        #expect(map.record([.string("某"), .string("1")]) == .object(["乙方": .object(["名称": .string("某")]), "金额": .string("1")]))
    }

    @Test func excelNumbersKeepFifteenDigits() {
        #expect(RowReader.excelPrecision(Decimal(string: "8378.440000000001")!) == Decimal(string: "8378.44"))
        #expect(RowReader.excelPrecision(Decimal(string: "0.1000000000000000055")!) == Decimal(string: "0.1"))
        #expect(RowReader.excelPrecision(12345) == 12345)
    }

    @Test func settingsApplyToEveryCase() throws {
        let dir = NSTemporaryDirectory() + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = dir + "/t.csv"
        try Data("名称,金额\nA,1\nB,2\n".utf8).write(to: URL(fileURLWithPath: csv))
        let loaded = try CaseLoader.load(csv, form: nil, options: LoadOptions(settings: ["部门=区科委"]))
        #expect(loaded.cases.count == 2)
        #expect(loaded.cases.allSatisfy { $0.value["部门"] == .string("区科委") })
        #expect(loaded.cases.map(\.row) == [2, 3])
        #expect(throws: CaseFileError.badSetting("部门")) { try CaseLoader.load(csv, form: nil, options: LoadOptions(settings: ["部门"])) }
    }

    /// A list form's table is looked through past its first rows for an item: headings and notes only are an empty file;
    /// one item after a dozen note rows is a list.
    @Test func aListTableIsEmptyOnlyWithoutItems() throws {
        let dir = NSTemporaryDirectory() + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let form = try Repo.catalog.form("hr-enterprise-list")
        let heading = "企业名称,统一社会信用代码,重点行业\n"
        let notes = (1...12).map { "说明：第\($0)条填表说明,,\n" }.joined()
        try Data((heading + notes).utf8).write(to: URL(fileURLWithPath: dir + "/empty.csv"))
        #expect(throws: CaseFileError.empty(file: dir + "/empty.csv")) { try CaseLoader.load(dir + "/empty.csv", form: form) }
        try Data((heading + notes + "北京密云长名称示例企业有限责任公司,\(creditCode(7)),科技创新\n").utf8).write(to: URL(fileURLWithPath: dir + "/late.csv"))
        let loaded = try CaseLoader.load(dir + "/late.csv", form: form)
        #expect(loaded.cases.count == 1)
        var rows: [Int?] = []
        try #require(loaded.cases[0].items).forEach { row, _ in rows.append(row) }
        #expect(rows == [14])
    }
}

@Suite struct LargeDataTests {
    @Test func aHundredThousandRecordsLoadAndValidate() throws {
        let dir = NSTemporaryDirectory() + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var text = "企业名称,统一社会信用代码,重点行业,企业规模,参加本市失业保险,参保职工人数,2020年2-4月营业收入（元）,2019年2-4月营业收入（元）,拟参加培训人数,联系人,联系电话\n"
        text.reserveCapacity(12 << 20)
        for i in 0..<100_000 {
            text += "企业\(i),\(creditCode(200_000 + i)),科技创新,微型,是,10,1000,100000,5,赵先生,13800138000\n"
        }
        try text.write(toFile: dir + "/big.csv", atomically: true, encoding: .utf8)
        let settings = ["部门=区科委", "批次=1", "填报人=钱某", "联系电话=010-69041234", "填报日期=2020-05-05"]
        let prepared = try CasePreparation.prepare(data: dir + "/big.csv", form: try Repo.catalog.form("hr-enterprise-list"),
                                                   policy: Repo.policy, options: LoadOptions(settings: settings), today: Repo.today)
        #expect(!prepared.hasErrors, "\(prepared.findings.prefix(3).map { $0.line(.zh) })")
        #expect(prepared.cases[0].value["企业"] == nil, "the rows stay in the file, not in memory")
        let items = try #require(prepared.cases[0].streams["企业"])
        #expect(items.count == 100_000)
        #expect(prepared.cases[0].value.value(at: ["合计", "临时岗位补贴"]) == .number(770_000_000))
        var read = 0
        try items.forEach { item in
            if read == 99_999 {
                #expect(item["名称"] == .string("企业99999"))
                #expect(item["临时岗位补贴"] == .number(7_700))
            }
            read += 1
        }
        #expect(read == 100_000)
    }
}
