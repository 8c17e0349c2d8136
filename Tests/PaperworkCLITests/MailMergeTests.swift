import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing

/// A Word mail-merge main document (saved by LibreOffice) with its data in an .xlsx (made by openpyxl), as an office has them.
@Suite struct MailMergeTests {
    static let fixtures = CLI.root + "/Tests/PaperworkTemplateTests/Fixtures/"

    @Test func batchFillsTheMergeFieldsFromTheWorkbook() throws {
        let dir = CLI.scratch()
        let result = try CLI.run(["batch", Self.fixtures + "mail-merge.docx", Self.fixtures + "mail-merge-data.xlsx",
                                  "--out-dir", dir, "--name", "{{企业名称}}", "--quiet"])
        #expect(result.status == 0, "\(result.err)")
        #expect(CLI.files(dir) == ["北京密云示例科技有限公司.docx", "北京密云长城旅游发展有限公司（有限合伙）.docx"])
        let package = try OOXMLPackage(contentsOf: dir + "/北京密云长城旅游发展有限公司（有限合伙）.docx")
        let document = try package.xml(of: "word/document.xml").root
        let runs = document.all("r").map(\.textContent)
        let name = try #require(runs.firstIndex(of: "北京密云长城旅游发展有限公司（有限合伙）"), "\(runs)")
        #expect(name > 0 && runs[name - 1].hasSuffix("致 "), "the value takes the merge field's place, after 致")
        let text = document.textContent
        #expect(text.contains("91110228MA01A0XB1P") && text.contains("欧阳建华") && text.contains("200000"))
        #expect(document.all("fldChar").isEmpty && document.all("instrText").isEmpty && document.all("fldSimple").isEmpty)
    }

    @Test func inspectListsMergeFieldsBesideTags() throws {
        let result = try CLI.run(["inspect", Self.fixtures + "mail-merge.docx"])
        #expect(result.status == 0)
        #expect(result.out.contains("标记（0 个）："))
        #expect(result.out.contains("邮件合并域与内容控件（4 个）："))
        #expect(result.out.contains("MERGEFIELD 贴息金额  →  {{贴息金额}}  word/document.xml 第 2 段"))
    }

    /// The LibreOffice letter with a tag typed into a DATE field's result, which Word recalculates: a template warning.
    static func letterWithATagInADateField(in dir: String) throws -> String {
        var package = try OOXMLPackage(contentsOf: fixtures + "mail-merge.docx")
        let field = #"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy年M月d日" </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{{企业名称}}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
        let xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self).replacingOccurrences(of: "<w:sectPr>", with: field + "<w:sectPr>")
        package.setPart("word/document.xml", bytes: Array(xml.utf8))
        let path = dir + "/带日期域的通知.docx"
        try package.write(to: path, overwrite: false)
        return path
    }

    @Test func fillAndBatchPrintTheTemplatesWarningsOnceAndReportThem() throws {
        let dir = CLI.scratch()
        let letter = try Self.letterWithATagInADateField(in: dir)
        let batch = try CLI.run(["batch", letter, Self.fixtures + "mail-merge-data.xlsx", "--out-dir", dir + "/out", "--report", dir + "/报告.csv"])
        #expect(batch.status == 0, "\(batch.err)")
        let warning = "警告：\(letter)：word/document.xml 第 6 段「DATE"
        #expect(batch.err.components(separatedBy: warning).count == 2, "once per run, not once per record: \(batch.err)")
        #expect(batch.err.contains("请把标记移到域外"), "\(batch.err)")
        #expect(CLI.files(dir + "/out").count == 2, "a warning does not stop the batch")
        let report = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/报告.csv")), as: UTF8.self)
        let row = try #require(report.split(separator: "\r\n").first { $0.contains("tag_in_field_result") }, "\(report)")
        #expect(row.hasPrefix("警告,,,") && row.hasSuffix("," + letter))
        #expect(row.contains("word/document.xml 第 6 段") && row.contains("move the tag outside the field"))

        try Data(#"{"企业名称": "北京密云示例科技有限公司", "信用代码": "91110228MA0030003Y", "贴息金额": 1, "联系人": "王小明"}"#.utf8)
            .write(to: URL(fileURLWithPath: dir + "/case.json"))
        let fill = try CLI.run(["fill", letter, dir + "/case.json", "-o", dir + "/one.docx", "--lang", "en"])
        #expect(fill.status == 0, "\(fill.err)")
        #expect(fill.err.contains("warning: \(letter): word/document.xml, paragraph 6 “DATE") && fill.err.contains("move the tag outside the field"), "\(fill.err)")
    }

    /// A drop-down list's value is checked for every record before any file is written (the check-first pass
    /// fills each record in memory): the LibreOffice controls, named as Word names them.
    @Test func aDropDownItemNotInTheListStopsTheBatchBeforeAnyFile() throws {
        let dir = CLI.scratch()
        var package = try OOXMLPackage(contentsOf: Self.fixtures + "content-controls.docx")
        var xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self)
        var pieces = xml.components(separatedBy: "<w:sdtPr>")
        for (i, name) in ["企业名称", "再贷款", "行业", "签订日期"].enumerated() where i + 1 < pieces.count {
            pieces[i + 1] = "<w:tag w:val=\"\(name)\"/>" + pieces[i + 1]
        }
        xml = pieces.joined(separator: "<w:sdtPr>")
        package.setPart("word/document.xml", bytes: Array(xml.utf8))
        try package.write(to: dir + "/登记表.docx", overwrite: false)
        let csv = "企业名称,再贷款,行业,签订日期,联系人\n北京密云示例餐饮有限公司,true,catering,2020-05-14,王小明\n北京密云示例制造有限公司,false,制造业,2020-05-15,李四\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/企业.csv"))
        let result = try CLI.run(["batch", dir + "/登记表.docx", dir + "/企业.csv", "--out-dir", dir + "/out"])
        #expect(result.status == 1)
        #expect(result.err.contains("第 3 行") && result.err.contains("「制造业」") && result.err.contains("餐饮业、旅游业"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out") || CLI.files(dir + "/out").isEmpty)
        let validate = try CLI.run(["validate", dir + "/登记表.docx", dir + "/企业.csv"])
        #expect(validate.status == 1, "validate fills each record in memory as batch does")
        #expect(validate.err.contains("第 3 行") && validate.err.contains("「制造业」"), "\(validate.err)")
    }
}
