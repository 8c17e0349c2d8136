import Foundation
import PaperworkOOXML
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
        let xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self)
        #expect(xml.contains("致 </w:t></w:r><w:r><w:rPr/><w:t xml:space=\"preserve\">北京密云长城旅游发展有限公司（有限合伙）</w:t>"))
        #expect(xml.contains("91110228MA01A0XB1P") && xml.contains("欧阳建华") && xml.contains("200000"))
        #expect(!xml.contains("MERGEFIELD") && !xml.contains("fldChar"))
    }

    @Test func inspectListsMergeFieldsBesideTags() throws {
        let result = try CLI.run(["inspect", Self.fixtures + "mail-merge.docx"])
        #expect(result.status == 0)
        #expect(result.out.contains("标记（0 个）："))
        #expect(result.out.contains("邮件合并域与内容控件（4 个）："))
        #expect(result.out.contains("MERGEFIELD 贴息金额  →  {{贴息金额}}  word/document.xml 第 2 段"))
    }
}
