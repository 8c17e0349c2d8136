import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkTemplate

/// Word mail-merge fields: filled like tags, in the field's formatting, and the field taken out.
@Suite struct MergeFieldTests {
    static let letter = Fixture.json("""
        {"企业名称": "北京密云长城旅游发展有限公司（有限合伙）", "信用代码": "91110228MA01A0XB1P", "贴息金额": 200000, "联系人": "欧阳建华",
         "签订日期": "2020-05-14", "金额": 1234567.5}
        """)

    /// A complex field as Word writes it: begin, instruction (split over runs), separate, «result», end.
    static func complex(_ instruction: String, result: String, bold: Bool = false) -> String {
        let rPr = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        let half = instruction.index(instruction.startIndex, offsetBy: instruction.count / 2)
        return """
            <w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve">\(instruction[..<half])</w:instrText></w:r>\
            <w:r><w:instrText xml:space="preserve">\(instruction[half...])</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            <w:r>\(rPr)<w:t>\(result)</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r>
            """
    }

    @Test func fillsTheLibreOfficeMailMergeLetter() throws {
        let template = try DocxTemplate(contentsOf: Fixture.path("mail-merge.docx"))
        #expect(template.tags.compactMap(\.field) == ["MERGEFIELD 企业名称", "MERGEFIELD 信用代码", "MERGEFIELD 贴息金额", "MERGEFIELD 联系人"])
        let filled = try template.render(Self.letter)
        let text = try paragraphs(filled)
        #expect(text.contains("致 北京密云长城旅游发展有限公司（有限合伙）："))
        #expect(text.contains("贵单位（统一社会信用代码 91110228MA01A0XB1P）申请的贴息资金 200000 元已核定。"))
        #expect(text.contains("欧阳建华"))
        let xml = String(decoding: try filled.data(of: "word/document.xml"), as: UTF8.self)
        #expect(!xml.contains("fldChar") && !xml.contains("MERGEFIELD") && !xml.contains("&lt;企业名称&gt;"))
    }

    @Test func switchesBecomeFilters() throws {
        let body = "<w:p>" + Self.complex(#" MERGEFIELD 签订日期 \@ "yyyy年M月d日" \* MERGEFORMAT "#, result: "«签订日期»") + "</w:p>"
            + "<w:p>" + Self.complex(##" MERGEFIELD  金额 \# "#,##0.00" "##, result: "«金额»") + "</w:p>"
            + ##"<w:p><w:fldSimple w:instr=" MERGEFIELD 金额 \# &quot;¥#,##0&quot; "><w:r><w:rPr><w:i/></w:rPr><w:t>«金额»</w:t></w:r></w:fldSimple></w:p>"##
            + "<w:p>" + Self.complex(#" MERGEFIELD "企业名称" \* Upper"#, result: "«企业名称»", bold: true) + "</w:p>"
        let template = try DocxTemplate(package: try wordPackage(body: body))
        #expect(template.tags.map(\.source) == [#"{{签订日期 | date("yyyy年M月d日")}}"#, ##"{{金额 | format("#,##0.00")}}"##,
                                                ##"{{金额 | format("¥#,##0")}}"##, "{{企业名称 | upper}}"])
        let filled = try template.render(Self.letter)
        #expect(try paragraphs(filled) == ["2020年5月14日", "1,234,567.50", "¥1,234,568", "北京密云长城旅游发展有限公司（有限合伙）"])
        let document = try filled.xml(of: "word/document.xml").root
        let runs = document.all("r")
        let yuan = try #require(runs.first { $0.textContent == "¥1,234,568" })
        #expect(yuan.child("rPr")?.elements.map(\.localName) == ["i"], "the simple field's result was italic")
        let name = try #require(runs.first { $0.textContent == "北京密云长城旅游发展有限公司（有限合伙）" })
        #expect(name.child("rPr")?.elements.map(\.localName) == ["b"], "the complex field's result was bold")
        #expect(document.all("fldSimple").isEmpty && document.all("instrText").isEmpty && document.all("fldChar").isEmpty)
    }

    @Test func caseAndTextAroundSwitchesApplyInWordsOrder() throws {
        let fields = [#" MERGEFIELD 英文名 \* Upper "#, #" MERGEFIELD 英文名 \* Lower \* MERGEFORMAT "#, #" MERGEFIELD 英文名 \* Caps "#,
                      #" MERGEFIELD 英文名 \* FirstCap "#, #" MERGEFIELD 企业名称 \* Upper "#,
                      #" MERGEFIELD 传真 \b "传真：" \f "（工作日）" "#, #" MERGEFIELD 手机 \b "手机：" \f "。" "#,
                      ##" MERGEFIELD 金额 \# "#,##0.00" \b "金额 " \f " 元" "##, #" MERGEFIELD 签订日期 \@ "yyyy年M月d日" \f "签订" "#]
        let body = fields.map { "<w:p><w:r><w:t>[</w:t></w:r>" + Self.complex($0, result: "«x»") + "<w:r><w:t>]</w:t></w:r></w:p>" }.joined()
        let template = try DocxTemplate(package: try wordPackage(body: body))
        #expect(template.tags.map(\.source)[5] == #"{{传真 | wrap("传真：", "（工作日）")}}"#)
        let data = Fixture.json("""
            {"英文名": "miyun GREAT-wall tourism co.", "企业名称": "北京密云长城旅游发展有限公司", "传真": "010-69041234", "手机": "",
             "金额": 1234.5, "签订日期": "2020-05-14"}
            """)
        #expect(try paragraphs(try template.render(data)) == [
            "[MIYUN GREAT-WALL TOURISM CO.]", "[miyun great-wall tourism co.]", "[Miyun GREAT-wall Tourism Co.]",
            "[Miyun GREAT-wall tourism co.]", "[北京密云长城旅游发展有限公司]",
            "[传真：010-69041234（工作日）]", "[]", "[金额 1,234.50 元]", "[2020年5月14日签订]"])
        let missing = try template.render(Fixture.json(#"{"英文名": "a", "企业名称": "b", "手机": "", "金额": 1, "签订日期": "2020-05-14"}"#),
                                          options: RenderOptions(optionalPaths: ["传真"]))
        #expect(try paragraphs(missing)[5] == "[]", "no text before or after an optional value that is missing")
    }

    @Test func switchesTypedIntoTheLibreOfficeLetterAreApplied() throws {
        // LibreOffice 7.4 writes a database field as a bare " MERGEFIELD 名称 " and drops \b, \f and \* on import;
        // the switches are typed into its fields as a Word user would (Alt+F9), the letter otherwise as LibreOffice saved it.
        var package = try OOXMLPackage(contentsOf: Fixture.path("mail-merge.docx"))
        var xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self)
        #expect(xml.contains(" MERGEFIELD 联系人 ") && xml.contains(" MERGEFIELD 贴息金额 "))
        xml = xml.replacingOccurrences(of: " MERGEFIELD 联系人 ", with: #" MERGEFIELD 联系人 \b "联系人：" \f "（经办）" "#)
        xml = xml.replacingOccurrences(of: " MERGEFIELD 贴息金额 ", with: ##" MERGEFIELD 贴息金额 \# "#,##0.00" \* Upper "##)
        package.setPart("word/document.xml", bytes: Array(xml.utf8))
        let template = try DocxTemplate(package: try OOXMLPackage(bytes: try package.serialized(), label: "mail-merge.docx"))
        let text = try paragraphs(try template.render(Self.letter))
        #expect(text.contains("联系人：欧阳建华（经办）"), "\(text)")
        #expect(text.contains("贵单位（统一社会信用代码 91110228MA01A0XB1P）申请的贴息资金 200,000.00 元已核定。"), "\(text)")
    }

    @Test func namesResolveThroughTheHook() throws {
        let body = "<w:p><w:r><w:t>承租方：</w:t></w:r>" + Self.complex(" MERGEFIELD 承租方名称 ", result: "«承租方名称»") + "</w:p>"
        let template = try DocxTemplate(package: try wordPackage(body: body), names: { $0 == "承租方名称" ? "乙方.名称" : nil })
        let filled = try template.render(Fixture.json(#"{"乙方": {"名称": "北京密云示例餐饮有限公司"}}"#))
        #expect(try paragraphs(filled) == ["承租方：北京密云示例餐饮有限公司"])
    }

    @Test func aMissingMergeValueIsReportedAtTheField() throws {
        let body = "<w:p>" + Self.complex(" MERGEFIELD 法定代表人 ", result: "«法定代表人»") + "</w:p>"
        let template = try DocxTemplate(package: try wordPackage(body: body))
        let error = try #require(thrownProblems { _ = try template.render(Self.letter) })
        #expect(error.problems.map { $0.message(.zh) } == ["word/document.xml 第 1 段「MERGEFIELD 法定代表人」：缺少字段 法定代表人 的值"])
    }

    @Test(arguments: [
        ("NEXT", " NEXT ", "{{#each 列表}} … {{/each}}"),
        ("NEXTIF", #" NEXTIF 金额 > "0" "#, "{{#each 列表}} … {{/each}}"),
        ("SKIPIF", #" SKIPIF 金额 = "0" "#, "{{#unless 金额}} … {{/unless}}"),
        ("ASK", #" ASK 经办人 "请输入经办人" "#, "{{经办人}}"),
        ("FILLIN", #" FILLIN "请输入经办人" "#, "{{请输入经办人}}"),
    ])
    func unsupportedFieldsAreReportedWithTheirEquivalent(type: String, instruction: String, equivalent: String) throws {
        let body = p("第一段") + "<w:p>" + Self.complex(instruction, result: "x") + "</w:p>"
        let error = try #require(thrownProblems { _ = try DocxTemplate(package: try wordPackage(body: body)) })
        #expect(error.problems.map(\.kind) == [.unsupportedField(type: type, equivalent: equivalent)])
        #expect(error.problems.first?.place.paragraph == 2)
        #expect(error.problems.first?.message(.zh).contains("请改用 \(equivalent)") == true)
    }

    @Test func anIfFieldNamesItsNestedMergeField() throws {
        let body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>"
            + Self.complex(" MERGEFIELD 再贷款 ", result: "«再贷款»")
            + #"<w:r><w:instrText xml:space="preserve"> = "是" "享受" "不享受" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            + "<w:r><w:t>享受</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        let error = try #require(thrownProblems { _ = try DocxTemplate(package: try wordPackage(body: body)) })
        #expect(error.problems.map(\.kind) == [.unsupportedField(type: "IF", equivalent: "{{#if 再贷款}} … {{else}} … {{/if}}")])
    }

    @Test func aTagInsideAFieldResultIsAWarningAndStillFilled() throws {
        let body = "<w:p>" + Self.complex(#" DATE \@ "yyyy-MM-dd" "#, result: "{{签订日期}}") + "</w:p>" + p("{{联系人}}")
        let template = try DocxTemplate(package: try wordPackage(body: body))
        #expect(template.warnings.map(\.kind) == [.tagInFieldResult])
        #expect(template.warnings.first?.message(.en).contains("move the tag outside the field") == true)
        #expect(try paragraphs(try template.render(Self.letter)) == ["2020-05-14", "欧阳建华"])
    }

    /// A field that begins in one paragraph and ends in a later one, as Word keeps it when its result or code
    /// holds a paragraph mark: the parts of the field in the order given, each `¶` closing a paragraph.
    static func acrossParagraphs(_ pieces: [String]) -> String {
        let runs = pieces.map { piece -> String in
            switch piece {
            case "begin", "separate", "end": "<w:r><w:fldChar w:fldCharType=\"\(piece)\"/></w:r>"
            case "¶": "</w:p><w:bookmarkStart w:id=\"0\" w:name=\"地址\"/><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            case let code where code.hasPrefix(" "): "<w:r><w:instrText xml:space=\"preserve\">\(code)</w:instrText></w:r>"
            default: "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">\(piece)</w:t></w:r>"
            }
        }
        return "<w:p>" + runs.joined() + "</w:p>"
    }

    @Test(arguments: [
        ["致 ", "begin", " MERGEFIELD 企业名称 ", "separate", "«企业名称", "¶", "»", "end", "："],
        ["致 ", "begin", " MERGEFIELD ", "¶", " 企业名称 \\* MERGEFORMAT ", "separate", "«企业名称»", "end", "："],
        ["致 ", "begin", " MERGEFIELD 企业名称 ", "separate", "«企业名称»", "¶", "¶", "end", "："],
    ])
    func aMergeFieldEndingInALaterParagraphIsFilledInTheFirst(pieces: [String]) throws {
        let body = p("第一段") + Self.acrossParagraphs(pieces) + p("{{联系人}}")
        let template = try DocxTemplate(package: try wordPackage(body: body))
        #expect(template.tags.map(\.source) == ["{{企业名称}}", "{{联系人}}"])
        let filled = try template.render(Self.letter)
        #expect(try paragraphs(filled) == ["第一段", "致 北京密云长城旅游发展有限公司（有限合伙）：", "欧阳建华"],
                "the field's paragraph marks go with it, as Word merges it")
        let document = try filled.xml(of: "word/document.xml").root
        #expect(document.all("fldChar").isEmpty && document.all("instrText").isEmpty)
        #expect(document.all("bookmarkStart").count == pieces.count { $0 == "¶" }, "bookmarks between the paragraphs are kept")
        let name = try #require(document.all("r").first { $0.textContent.hasPrefix("北京密云") })
        #expect(name.child("rPr")?.elements.map(\.localName) == ["b"], "the value takes the result's formatting")
    }

    @Test func aMergeFieldEndingInATableIsReportedAtItsParagraph() throws {
        let body = p("第一段") + "<w:p>" + #"<w:r><w:t>致 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
            + #"<w:r><w:instrText xml:space="preserve"> MERGEFIELD 企业名称 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
            + "<w:r><w:t>«企业名称</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>»</w:t></w:r>"
            + #"<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc></w:tr></w:tbl>"#
        let error = try #require(thrownProblems { _ = try DocxTemplate(package: try wordPackage(body: body)) })
        #expect(error.problems.map(\.kind) == [.fieldAcrossParagraphs])
        #expect(error.problems.first?.place.paragraph == 2)
        #expect(error.problems.first?.message(.zh).hasPrefix("word/document.xml 第 2 段「MERGEFIELD 企业名称」：邮件合并域从此段开始") == true)
    }

    @Test func otherFieldsAcrossParagraphsAreReportedOrKept() throws {
        let ifField = Self.acrossParagraphs(["begin", #" IF "是" = "是" "享受" "#, "¶", #" "不享受" "#, "separate", "享受", "end"])
        let error = try #require(thrownProblems { _ = try DocxTemplate(package: try wordPackage(body: ifField)) })
        #expect(error.problems.map(\.kind) == [.unsupportedField(type: "IF", equivalent: "{{#if 是}} … {{else}} … {{/if}}")])
        let toc = Self.acrossParagraphs(["begin", #" TOC \o "1-3" "#, "separate", "第一章", "¶", "第二章", "end"])
        let template = try DocxTemplate(package: try wordPackage(body: toc + p("{{联系人}}")))
        let document = try template.render(Self.letter).xml(of: "word/document.xml").root
        #expect(document.all("fldChar").count == 3 && document.all("p").count == 3, "a table of contents spans paragraphs as Word made it")
    }

    @Test func fieldCodesAreSplitIntoSwitches() {
        let code = FieldCode(#" MERGEFIELD "First Name" \@"M/d/yy" \* MERGEFORMAT \b "致：" "#)
        #expect(code.type == "MERGEFIELD")
        #expect(code.arguments == ["First Name"])
        #expect(code.value(of: "@") == "M/d/yy")
        #expect(code.value(of: "*") == "MERGEFORMAT")
        #expect(code.value(of: "b") == "致：")
    }

    @Test func numberPictures() {
        #expect(NumberPicture.format(1234567.456, picture: "#,##0.00") == "1,234,567.46")
        #expect(NumberPicture.format(-5, picture: "0.0") == "-5.0")
        #expect(NumberPicture.format(12, picture: "#,##0元;(#,##0)") == "12元")
        #expect(NumberPicture.format(0.5, picture: "0") == "1")
    }
}
