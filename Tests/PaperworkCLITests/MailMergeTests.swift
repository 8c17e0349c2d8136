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
}
