import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkTemplate

/// Content controls named by their tag or title, written as Word writes them.
@Suite struct ContentControlTests {
    static let w14 = #"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#
    static let storeID = "{5C2A8E1B-1D3F-4C7A-9E2B-0A1B2C3D4E5F}"

    static func inline(_ properties: String, _ content: String) -> String {
        "<w:sdt><w:sdtPr>\(properties)</w:sdtPr><w:sdtContent>\(content)</w:sdtContent></w:sdt>"
    }

    static let body = "<w:p><w:r><w:t xml:space=\"preserve\">企业：</w:t></w:r>"
        + inline(#"<w:alias w:val="企业名称"/><w:tag w:val="企业名称"/><w:showingPlcHdr/><w:text/>"#,
                 #"<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/><w:b/></w:rPr><w:t>单击此处输入文字。</w:t></w:r>"#) + "</w:p>"
        + "<w:p>" + inline(#"<w:tag w:val="签订日期"/><w:date w:fullDate="2019-01-01T00:00:00Z"><w:dateFormat w:val="yyyy'年'M'月'd'日'"/><w:lid w:val="zh-CN"/></w:date>"#,
                           "<w:r><w:t>2019年1月1日</w:t></w:r>") + "</w:p>"
        + "<w:p>" + inline(#"<w:tag w:val="再贷款"/><w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox>"#,
                           #"<w:r><w:rPr><w:rFonts w:ascii="MS Gothic"/></w:rPr><w:t>☐</w:t></w:r>"#) + "<w:r><w:t>再贷款</w:t></w:r></w:p>"
        + "<w:p>" + inline(#"<w:alias w:val="房屋用途"/><w:dropDownList><w:listItem w:displayText="选择一项" w:value=""/><w:listItem w:displayText="生产经营" w:value="1"/><w:listItem w:displayText="办公" w:value="2"/></w:dropDownList>"#,
                           "<w:r><w:t>选择一项</w:t></w:r>") + "</w:p>"
        + inline(#"<w:tag w:val="版本"/><w:dataBinding w:prefixMappings="xmlns:ns0='urn:example'" w:xpath="/ns0:root[1]/ns0:version[1]" w:storeItemID="\#(storeID)"/><w:richText/>"#,
                 "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t>旧版本</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>")

    static let customXML = #"<ns0:root xmlns:ns0="urn:example"><ns0:version>{{旧}}</ns0:version><ns0:title>{{企业名称}}</ns0:title></ns0:root>"#

    static func package(body: String = body, custom: String = customXML) throws -> OOXMLPackage {
        var package = try wordPackage(body: body, extraNamespaces: w14)
        package.setPart("customXml/item1.xml", bytes: Array(custom.utf8),
                        contentType: "application/xml")
        package.setPart("customXml/itemProps1.xml", bytes: Array(#"<ds:datastoreItem ds:itemID="\#(storeID)" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>"#.utf8),
                        contentType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml")
        package.setPart("customXml/_rels/item1.xml.rels", bytes: Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>"#.utf8))
        return try OOXMLPackage(bytes: try package.serialized(), label: "controls.docx")
    }

    static let data = Fixture.json(#"{"企业名称": "北京密云示例科技有限公司", "签订日期": "2020-05-14", "再贷款": true, "房屋用途": "办公", "版本": "第 2 版"}"#)

    @Test func controlsOfEachKindAreFilledByTagOrTitle() throws {
        let template = try DocxTemplate(package: try Self.package())
        #expect(template.tags.compactMap(\.field) == ["内容控件 企业名称", "内容控件 签订日期", "内容控件 再贷款", "内容控件 房屋用途", "内容控件 版本"])
        let filled = try template.render(Self.data)
        #expect(try paragraphs(filled) == ["企业：北京密云示例科技有限公司", "2020年5月14日", "☒再贷款", "办公", "第 2 版"])
        let xml = String(decoding: try filled.data(of: "word/document.xml"), as: UTF8.self)
        #expect(!xml.contains("showingPlcHdr") && !xml.contains("PlaceholderText") && !xml.contains("fullDate"))
        #expect(xml.contains(#"<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">北京密云示例科技有限公司</w:t>"#))
        #expect(xml.contains(#"<w14:checked w14:val="1"/>"#) && xml.contains("<w:t>☒</w:t>"))
        #expect(xml.contains(#"<w:sdt><w:sdtPr><w:tag w:val="版本"/>"#) && xml.contains(#"<w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:i/></w:rPr>"#))
        let unchecked = try template.render(Fixture.json(#"{"企业名称": "a", "签订日期": "2020-05-14", "再贷款": false, "房屋用途": "1", "版本": "1"}"#))
        #expect(try paragraphs(unchecked)[2...3] == ["☐再贷款", "生产经营"])
    }

    @Test func aBoundControlUpdatesItsCustomXMLPartAndTagsThereAreFilled() throws {
        let filled = try DocxTemplate(package: try Self.package()).render(Self.data.merging(["旧": .string("x")]))
        let custom = String(decoding: try filled.data(of: "customXml/item1.xml"), as: UTF8.self)
        #expect(custom.contains("<ns0:version>第 2 版</ns0:version>"))
        #expect(custom.contains("<ns0:title>北京密云示例科技有限公司</ns0:title>"))
    }

    @Test func aDropDownValueMustBeOneOfItsItems() throws {
        let template = try DocxTemplate(package: try Self.package())
        let error = try #require(thrownProblems { _ = try template.render(Self.data.merging(["房屋用途": .string("仓储")])) })
        #expect(error.problems.map { $0.message(.zh) }.contains { $0.contains("「仓储」") && $0.contains("以下之一：选择一项、生产经营、办公") })
    }

    /// A bound check box as Word saves one: its custom XML value is `true` or `false` (xsd:boolean), not 是/否.
    @Test func aBoundCheckBoxWritesTrueOrFalseToItsCustomXMLPart() throws {
        let body = "<w:p>" + Self.inline(#"<w:tag w:val="再贷款"/><w:dataBinding w:prefixMappings="xmlns:ns0='urn:example'" w:xpath="/ns0:root[1]/ns0:loan[1]" w:storeItemID="\#(Self.storeID)"/><w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612"/><w14:uncheckedState w14:val="2610"/></w14:checkbox>"#,
                                         "<w:r><w:t>☐</w:t></w:r>") + "</w:p>"
        let template = try DocxTemplate(package: try Self.package(body: body, custom: #"<ns0:root xmlns:ns0="urn:example"><ns0:loan>false</ns0:loan></ns0:root>"#))
        for (data, expected) in [(#"{"再贷款": true}"#, "true"), (#"{"再贷款": false}"#, "false"), (#"{"再贷款": "是"}"#, "true"), ("{}", "false")] {
            let filled = try template.render(Fixture.json(data))
            let custom = String(decoding: try filled.data(of: "customXml/item1.xml"), as: UTF8.self)
            #expect(custom.contains("<ns0:loan>\(expected)</ns0:loan>"), "\(data): \(custom)")
            #expect(try paragraphs(filled) == [expected == "true" ? "☒" : "☐"])
        }
    }

    /// content-controls.docx: the controls LibreOffice 7.4 makes (rich text, check box, drop-down list, date),
    /// saved by LibreOffice from content-controls.fodt. LibreOffice 7.4 writes no tag or title for them.
    static let libreOffice = Fixture.path("content-controls.docx")

    @Test func libreOfficeControlsWithoutANameAreLeftAndTagsTypedInThemAreFilled() throws {
        let template = try DocxTemplate(contentsOf: Self.libreOffice)
        #expect(template.tags.map(\.source) == ["{{联系人}}"] && template.tags.compactMap(\.field).isEmpty)
        let filled = try template.render(Fixture.json(#"{"联系人": "欧阳建华"}"#))
        #expect(try paragraphs(filled) == ["企业名称：点击输入企业名称", "再贷款：☐", "行业：请选择", "签订日期：选择日期", "联系人：欧阳建华"])
        let xml = String(decoding: try filled.data(of: "word/document.xml"), as: UTF8.self)
        #expect(xml.components(separatedBy: "showingPlcHdr").count - 1 == 2, "the filled control no longer shows as a placeholder; the others still do")
    }

    @Test func libreOfficeControlsNamedAsWordNamesThemAreFilled() throws {
        // The same controls with the tag Word writes when a control is given one (控件属性 → 标记).
        var package = try OOXMLPackage(contentsOf: Self.libreOffice)
        var xml = String(decoding: try package.data(of: "word/document.xml"), as: UTF8.self)
        #expect(!xml.contains("<w:tag ") && !xml.contains("<w:alias "))
        var pieces = xml.components(separatedBy: "<w:sdtPr>")
        for (i, name) in ["企业名称", "再贷款", "行业", "签订日期"].enumerated() where i + 1 < pieces.count {
            pieces[i + 1] = "<w:tag w:val=\"\(name)\"/>" + pieces[i + 1]
        }
        xml = pieces.joined(separator: "<w:sdtPr>")
        package.setPart("word/document.xml", bytes: Array(xml.utf8))
        let template = try DocxTemplate(package: try OOXMLPackage(bytes: try package.serialized(), label: "content-controls.docx"))
        #expect(template.tags.compactMap(\.field) == ["内容控件 企业名称", "内容控件 再贷款", "内容控件 行业", "内容控件 签订日期"])
        let data = Fixture.json(#"{"企业名称": "北京密云长城旅游发展有限公司", "再贷款": true, "行业": "tourism", "签订日期": "2020-05-14", "联系人": "欧阳建华"}"#)
        let filled = try template.render(data)
        #expect(try paragraphs(filled) == ["企业名称：北京密云长城旅游发展有限公司", "再贷款：☒", "行业：旅游业", "签订日期：2020年5月14日", "联系人：欧阳建华"])
        let out = String(decoding: try filled.data(of: "word/document.xml"), as: UTF8.self)
        #expect(out.contains(#"<w14:checked w14:val="1"/>"#) && !out.contains("showingPlcHdr"))
        let error = try #require(thrownProblems { _ = try template.render(data.merging(["行业": .string("制造业")])) })
        #expect(error.problems.map { $0.message(.zh) }.contains { $0.contains("「制造业」") && $0.contains("以下之一：餐饮业、旅游业") })
    }
}

extension TemplateValue {
    func merging(_ members: [FieldKey: TemplateValue]) -> TemplateValue {
        guard case .object(var m) = self else { return self }
        for (k, v) in members { m[k] = v }
        return .object(m)
    }
}
