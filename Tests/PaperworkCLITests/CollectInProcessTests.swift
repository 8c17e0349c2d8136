import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkCommands

/// `collect` and `extract` run in the test process: every output format, the edits they report, the
/// statuses they exit with and the errors they explain. (CollectCommandTests runs the README's batch day
/// through the binary.)
@Suite struct CollectInProcessTests {
    static let hr = ["--form", "hr-enterprise-list"] + InProcess.templates
    static let application = ["--form", "interest-subsidy-application"] + InProcess.templates
    static let district = ["--set", "部门=密云区人力资源和社会保障局", "--set", "填报人=李娜", "--set", "联系电话=010-69042233",
                           "--set", "填报日期=2020-05-13", "--batch", "2"]

    /// A department's list filled in-process from a sample CSV.
    func list(_ department: String, in dir: String, embed: Bool = true) throws -> String {
        let out = dir + "/\(department).xlsx"
        let r = InProcess.run(["fill"] + Self.hr + [CLI.root + "/Samples/collect/\(department).csv", "--set", "部门=区\(department)", "--set", "批次=2",
                                                   "--set", "填报人=周明", "--set", "联系电话=010-69041234", "--set", "填报日期=2020-05-12", "-o", out]
                               + (embed ? [] : ["--no-embed"]))
        try #require(r.status == 0, "\(r.err)")
        return out
    }

    /// The sample application filled in-process, with `old` typed over by `new` in its text when given.
    func application(in dir: String, name: String = "申请.docx", embed: Bool = true, typing: (old: String, new: String)? = nil) throws -> String {
        let out = dir + "/" + name
        let r = InProcess.run(["fill"] + Self.application + [CLI.root + "/Samples/interest-subsidy-application/valid.json", "-o", out]
                               + (embed ? [] : ["--no-embed"]))
        try #require(r.status == 0, "\(r.err)")
        if let typing {
            var package = try OOXMLPackage(contentsOf: out)
            let xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self)
            try #require(xml.contains(typing.old))
            package.setPart("word/document.xml", bytes: Array(xml.replacingOccurrences(of: typing.old, with: typing.new).utf8))
            try package.write(to: out, overwrite: true)
        }
        return out
    }

    @Test func extractPrintsJSONAndWritesCSVAndWorkbooks() throws {
        let dir = CLI.scratch()
        let file = try list("商务局", in: dir)
        let printed = InProcess.run(["extract", file])
        #expect(printed.status == 0, "\(printed.err)")
        #expect(printed.out.contains("\"form\": \"hr-enterprise-list\", \"embedded\": true"))
        let csv = InProcess.run(["extract", file, "-o", dir + "/数据.csv"])
        #expect(csv.status == 0 && csv.out == "已读出 1 份文件、15 条记录，写入 \(dir)/数据.csv\n", "\(csv.out)")
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/数据.csv"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) && text.contains("信用代码") && text.split(separator: "\r\n").count == 16, "\(text.prefix(200))")
        let book = InProcess.run(["extract", file, "-o", dir + "/数据.xlsx", "--lang", "en"])
        #expect(book.out == "read 1 document(s), 15 record(s) into \(dir)/数据.xlsx\n")
        let reader = try WorkbookReader(OOXMLPackage(contentsOf: dir + "/数据.xlsx"))
        var rows = 0
        try reader.rows(ofSheet: reader.sheets[0].part) { _ in rows += 1 }
        #expect(rows == 16)
        let again = InProcess.run(["extract", file, "-o", dir + "/数据.xlsx"])
        #expect(again.status == 3 && again.err.contains("数据.xlsx"), "an existing output is kept without --force: \(again.err)")
        #expect(InProcess.run(["extract", file, "-o", dir + "/数据.xlsx", "--force"]).status == 0)
        let other = InProcess.run(["extract", file, "-o", dir + "/数据.txt"])
        #expect(other.status != 0 && other.err.contains("导出文件须为 .json、.csv 或 .xlsx"), "\(other.err)")
    }

    @Test func extractSkipsWhatItCannotReadAndSaysWhy() throws {
        let dir = CLI.scratch()
        try "不是文件".write(toFile: dir + "/说明.xlsx", atomically: true, encoding: .utf8)
        let none = InProcess.run(["extract", dir + "/说明.xlsx"])
        #expect(none.status == 2 && none.err.contains("跳过 \(dir)/说明.xlsx"), "\(none.err)")
        let plain = try application(in: dir, embed: false)
        let unnamed = InProcess.run(["extract", plain, "--lang", "en"])
        #expect(unnamed.status == 2 && unnamed.err.contains("--form reads what it shows"), "\(unnamed.err)")
        let read = InProcess.run(["extract"] + Self.application + [plain])
        #expect(read.status == 0, "\(read.err)")
        #expect(read.err.contains("注意：\(plain) 没有嵌入数据，模板未显示的字段无法读回：") && read.err.contains("贷款.再贷款"))
        #expect(read.out.contains("\"embedded\": false") && read.out.contains("\"金额\": 8000000"))
        let wrong = InProcess.run(["extract", "--form", "rent-reduction-agreement"] + InProcess.templates + [plain])
        #expect(wrong.status == 2 && wrong.err.contains("按模板") && wrong.err.contains("找不到任何字段"), "\(wrong.err)")
        let embedded = try application(in: dir, name: "有嵌入.docx")
        let mismatch = InProcess.run(["extract", "--form", "rent-reduction-agreement"] + InProcess.templates + [embedded])
        #expect(mismatch.status == 2 && mismatch.err.contains("由表单 interest-subsidy-application 生成，不是 rent-reduction-agreement"), "\(mismatch.err)")
    }

    /// Documents filled from templates of one's own (no form) are read back from the data embedded in them; a form
    /// asked for is refused with the file named; with nothing read, no output file is written.
    @Test func extractReadsDocumentsFilledFromAPlainTemplate() throws {
        let dir = CLI.scratch()
        let fixtures = CLI.root + "/Tests/PaperworkCLITests/Fixtures/"
        var csv = "企业名称,信用代码,人数,金额,比例,日期,编号\n"
        for i in 1...40 { csv += "北京密云第\(i)号科技有限公司,91110228MA0030003Y,\(i),\(i).5,1%,2020-05-14,0\(i)\n" }
        try csv.write(toFile: dir + "/名单.csv", atomically: true, encoding: .utf8)
        let filled = InProcess.run(["fill", fixtures + "plain-list.xlsx", dir + "/名单.csv", "--set", "部门=区商务局", "-o", dir + "/名单.xlsx"])
        try #require(filled.status == 0, "\(filled.err)")
        let printed = InProcess.run(["extract", dir + "/名单.xlsx"])
        #expect(printed.status == 0, "\(printed.err)")
        #expect(printed.out.contains("\"form\": null, \"template\": \"plain-list.xlsx\", \"embedded\": true"), "\(printed.out.prefix(300))")
        #expect(printed.out.contains("\"部门\": \"区商务局\"") && printed.out.contains("北京密云第40号科技有限公司"))
        let table = InProcess.run(["extract", dir + "/名单.xlsx", "-o", dir + "/读回.csv"])
        #expect(table.status == 0 && table.out.contains("已读出 1 份文件、40 条记录"), "\(table.out)\(table.err)")
        let rows = try String(contentsOfFile: dir + "/读回.csv", encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 41 && rows[1].contains("北京密云第1号科技有限公司") && rows[1].split(separator: ",").contains("01"), "\(rows.prefix(2))")

        try "{\"企业名称\": \"北京密云长城旅游发展有限公司\", \"日期\": \"2020-05-14\", \"金额\": \"1234.5\"}"
            .write(toFile: dir + "/一家.json", atomically: true, encoding: .utf8)
        #expect(InProcess.run(["fill", fixtures + "plain-letter.docx", dir + "/一家.json", "-o", dir + "/通知.docx"]).status == 0)
        let letter = InProcess.run(["extract", dir + "/通知.docx"])
        #expect(letter.status == 0 && letter.out.contains("\"企业名称\": \"北京密云长城旅游发展有限公司\""), "\(letter.out)\(letter.err)")

        let asForm = InProcess.run(["extract"] + Self.hr + [dir + "/名单.xlsx", "-o", dir + "/错.json"])
        #expect(asForm.status == 2 && asForm.err.contains("\(dir)/名单.xlsx：由模板 plain-list.xlsx 生成（不是表单 hr-enterprise-list 的文件）"), "\(asForm.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/错.json"), "nothing read, nothing written")

        #expect(InProcess.run(["fill", fixtures + "plain-list.xlsx", dir + "/名单.csv", "--set", "部门=区商务局", "-o", dir + "/无嵌入.xlsx", "--no-embed"]).status == 0)
        let bare = InProcess.run(["extract", dir + "/无嵌入.xlsx", "-o", dir + "/空.json"])
        #expect(bare.status == 2 && bare.err.contains("没有 paperwork 嵌入的数据"), "\(bare.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/空.json"))

        // A one-sheet workbook of one's own, without embedded data, read through a form: its headings are not the form's.
        try #"{"部门": "区商务局", "批次": 2, "填报人": "周明", "企业": [{"名称": "北京甲公司", "收入": 1000}]}"#.write(toFile: dir + "/收入.json", atomically: true, encoding: .utf8)
        let other = CLI.root + "/Tests/PaperworkTemplateTests/Fixtures/comment-loop.xlsx"
        #expect(InProcess.run(["fill", other, dir + "/收入.json", "-o", dir + "/收入.xlsx", "--no-embed"]).status == 0)
        let foreign = InProcess.run(["extract"] + Self.hr + [dir + "/收入.xlsx", "-o", dir + "/收入读回.json"])
        #expect(foreign.status == 2 && foreign.err.contains("\(dir)/收入.xlsx：没有嵌入数据，且工作表「企业清单」第 3 行不是模板"), "\(foreign.err)")
        #expect(foreign.err.contains("（应为 序号、企业名称、统一社会信用代码、"), "\(foreign.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/收入读回.json"))
    }

    @Test func extractReportsATypedOverAmountAndHonoursPrefer() throws {
        let dir = CLI.scratch()
        let file = try application(in: dir, typing: ("8,000,000.00", "8,800,000.00"))
        let visible = InProcess.run(["extract", file])
        #expect(visible.status == 0)
        #expect(visible.err.contains("警告：\(file) 字段「贷款金额（元）」：word/document.xml 第 30 段（表格 1 第 10 行第 4 列） 文件中为「8,800,000.00」，嵌入数据为「8,000,000.00」，采用文件中可见的值"),
                "\(visible.err)")
        #expect(visible.out.contains("\"金额\": 8800000"))
        let embedded = InProcess.run(["extract", file, "--prefer", "embedded", "--lang", "en"])
        #expect(embedded.err.contains("(table 1, row 10, cell 4) shows “8,800,000.00”, embedded “8,000,000.00”; the embedded value is used"), "\(embedded.err)")
        #expect(embedded.out.contains("\"金额\": 8000000"))
        let typo = try application(in: dir, name: "错字.docx", embed: false, typing: ("8,000,000.00", "八百万"))
        let bad = InProcess.run(["extract"] + Self.application + [typo])
        #expect(bad.status == 1 && bad.err.contains("八百万"), "a value that is not an amount is a data error: \(bad.err)")
    }

    @Test func collectMergesListsReportsInEveryFormatAndExitsOneOnErrors() throws {
        let dir = CLI.scratch()
        let trade = try list("商务局", in: dir), city = try list("城管委", in: dir, embed: false)
        let twice = InProcess.run(["collect"] + Self.hr + [trade, trade, city] + Self.district + ["-o", dir + "/区汇总.xlsx", "--report", dir + "/结果.json"])
        #expect(twice.status == 1)
        #expect(twice.err.contains("与本表第 4 行重复，同一企业只能报一次"), "the same list given twice repeats itself: \(twice.err)")
        #expect(twice.err.contains("未生成汇总文件"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/区汇总.xlsx"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/结果.json"))) as? [[String: Any]])
        let rules = json.compactMap { ($0["finding"] as? [String: Any])?["rule"] as? String }
        #expect(rules.contains("duplicate_credit_code") && rules.contains("not_embedded"), "\(rules)")
        let merged = InProcess.run(["collect"] + Self.hr + [trade, trade, city] + Self.district
                                   + ["-o", dir + "/区汇总.xlsx", "--report", dir + "/结果.csv", "--skip-invalid", "--lang", "en"])
        #expect(merged.status == 4, "invalid rows were left out: \(merged.err)")
        #expect(merged.out.contains("merged 3 list(s), 43 row(s), 28 written: \(dir)/区汇总.xlsx"), "\(merged.out)")
        #expect(try String(contentsOfFile: dir + "/结果.csv", encoding: .utf8).contains("duplicate_credit_code"))
        let later = InProcess.run(["collect"] + Self.hr + [city] + Self.district + ["--previous", dir + "/区汇总.xlsx", "-o", dir + "/第3批.xlsx",
                                                                               "--report", dir + "/结果.xlsx", "--no-embed"])
        #expect(later.status == 1 && later.err.contains("已在 \(dir)/区汇总.xlsx 第"), "\(later.err)")
        #expect(FileManager.default.fileExists(atPath: dir + "/结果.xlsx"))
    }

    @Test func collectBuildsTheReviewWorkbookAndRefusesWithoutAForm() throws {
        let dir = CLI.scratch()
        let files = [try application(in: dir), try application(in: dir, name: "改过.docx", typing: ("8,000,000.00", "8,800,000.00")),
                     try application(in: dir, name: "无嵌入.docx", embed: false)]
        let review = InProcess.run(["collect"] + Self.application + files + ["-o", dir + "/审核.xlsx", "--report", dir + "/审核结果.csv"])
        #expect(review.status == 0, "\(review.err)")
        #expect(review.out == "已汇总 3 份申请：\(dir)/审核.xlsx\n")
        #expect(review.err.contains("改过.docx") && review.err.contains("文件中为「8,800,000.00」"))
        #expect(review.err.contains("没有嵌入数据，已按模板读取文件中可见的内容"))
        let usage = InProcess.run(["collect", files[0], "-o", dir + "/x.xlsx"])
        #expect(usage.status == 2 && usage.err.contains("--form"), "\(usage.err)")
        let badSet = InProcess.run(["collect"] + Self.hr + [files[0], "--set", "部门", "-o", dir + "/y.xlsx"])
        #expect(badSet.status == 2, "\(badSet.err)")
    }
}
