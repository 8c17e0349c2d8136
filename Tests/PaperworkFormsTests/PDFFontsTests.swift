import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms

@Suite struct PDFFontsTests {
    static let fixtures = Repo.root + "/Tests/PaperworkFormsTests/Fixtures/fonts/"
    static let builtIn = DocumentFonts(eastAsian: ["仿宋", "宋体", "黑体"], latin: ["Times New Roman"])

    /// Stand-ins as fontconfig would give them on a machine with Noto CJK and Liberation.
    static func standIn(_ font: String, _ eastAsian: Bool) -> (family: String, chinese: Bool)? {
        eastAsian ? ("Noto Sans CJK SC", true) : (font == "Times New Roman" ? "Liberation Serif" : "DejaVu Sans", false)
    }

    @Test func namedFontsInstalledNeedNoNote() {
        let note = PDFFonts.note(named: Self.builtIn, installed: ["仿宋", "SimSun", "黑体", "Times New Roman"], standIn: Self.standIn)
        #expect(note == nil)
    }

    @Test func missingFontsAreNamedWithTheirStandIns() {
        let note = PDFFonts.note(named: Self.builtIn, installed: ["Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"], standIn: Self.standIn)
        #expect(note == .fontsReplaced([FontStandIn("仿宋", "Noto Serif CJK SC"), FontStandIn("宋体", "Noto Serif CJK SC"),
                                        FontStandIn("黑体", "Noto Sans CJK SC"), FontStandIn("Times New Roman", "Liberation Serif")]))
        #expect(note?.message(.zh).contains("仿宋→Noto Serif CJK SC、宋体→Noto Serif CJK SC") == true)
        #expect(note?.message(.en).contains("Times New Roman → Liberation Serif") == true)
        #expect(note?.isFailure == false)
    }

    @Test func noChineseFontAtAllSaysWhatToInstall() {
        let note = PDFFonts.note(named: Self.builtIn, installed: ["DejaVu Sans", "Liberation Serif"]) { font, eastAsian in (eastAsian ? "DejaVu Sans" : "Liberation Serif", false) }
        #expect(note == .noChineseFonts(missing: ["仿宋", "宋体", "黑体"]))
        #expect(note?.message(.zh).contains("fonts-noto-cjk") == true && note?.message(.en).contains("fonts-noto-cjk") == true)
    }

    @Test func fontconfigFileIncludesTheSystemAndFallsBackOnlyWhenMissing() throws {
        let text = PDFFonts.fontconfig(including: "/etc/fonts/fonts.conf")
        #expect(text.contains("<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>"))
        #expect(text.contains("<alias binding=\"same\"><family>仿宋_GB2312</family><accept><family>Noto Serif CJK SC</family>"))
        #expect(!text.contains("<prefer>"), "an installed 仿宋 is used before any stand-in")
        let parsed = try MarkupParser.parse(Array(text.utf8), part: "fonts.conf")
        #expect(parsed.root.elements.filter { $0.localName == "alias" }.count == PDFFonts.table.reduce(0) { $0 + 1 + $1.aliases.count })
    }

    @Test func builtInTemplatesNameTheirChineseAndLatinFonts() throws {
        let agreement = DocumentFonts(contentsOf: Repo.root + "/Templates/rent-reduction-agreement/template.docx")
        #expect(agreement.eastAsian == ["仿宋", "宋体", "黑体"])
        #expect(agreement.latin == ["Times New Roman"])
        let list = DocumentFonts(contentsOf: Repo.root + "/Templates/hr-enterprise-list/template.xlsx")
        #expect(list.eastAsian == ["仿宋", "方正小标宋简体", "黑体", "宋体"], "宋体 through the theme, for the default cell font")
        #expect(list.latin == ["Calibri"])
    }

    /// A user's own templates, made by python-docx and openpyxl (`Fixtures/fonts/make-font-templates.py`), name fonts
    /// no machine has: in a style, in a run, through the theme, in workbook cells.
    @Test func aUsersTemplatesFontsAreRead() throws {
        let word = DocumentFonts(contentsOf: Self.fixtures + "user-fonts.docx")
        #expect(word.eastAsian.contains("方正不存在仿宋_GBK"))
        #expect(word.latin.contains("No Such Latin Serif"))
        #expect(word.latin.contains("Cambria"), "the body font of python-docx's theme, through the default style")
        #expect(!word.latin.contains("Courier"), "a style the document does not use")
        #expect(!word.latin.contains("Symbol"), "a bullet's font in the numbering definitions")
        let workbook = DocumentFonts(contentsOf: Self.fixtures + "user-fonts.xlsx")
        #expect(workbook.eastAsian.contains("不存在的楷体"))
        #expect(workbook.latin.contains("No Such Sans"))
    }

    @Test func aUsersMissingFontsAreNamedOnceWithTheirStandIns() {
        var named = DocumentFonts(contentsOf: Self.fixtures + "user-fonts.docx")
        named.formUnion(DocumentFonts(contentsOf: Self.fixtures + "user-fonts.xlsx"))
        let note = PDFFonts.note(named: named, installed: ["Noto Sans CJK SC", "Noto Serif CJK SC", "Cambria"], standIn: Self.standIn)
        guard case .fontsReplaced(let fonts)? = note else { Issue.record("\(String(describing: note))"); return }
        #expect(fonts.contains(FontStandIn("方正不存在仿宋_GBK", "Noto Sans CJK SC")) && fonts.contains(FontStandIn("不存在的楷体", "Noto Sans CJK SC")))
        #expect(fonts.contains(FontStandIn("No Such Latin Serif", "DejaVu Sans")) && fonts.contains(FontStandIn("No Such Sans", "DejaVu Sans")))
        #expect(!fonts.contains { $0.font == "Cambria" }, "an installed font is not named")
        #expect(Set(fonts.map(\.font)).count == fonts.count)
    }

    /// What `--pdf` does, with this machine's fontconfig: the user's missing fonts named once for two documents.
    @Test(.enabled(if: Tool.canRender, "needs LibreOffice (soffice) and fontconfig"))
    func convertingAUsersDocumentsWarnsOnceNamingTheirFonts() throws {
        let dir = NSTemporaryDirectory() + "paperwork-fonts-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for name in ["a.docx", "b.docx"] { try FileManager.default.copyItem(atPath: Self.fixtures + "user-fonts.docx", toPath: dir + "/" + name) }
        let notes = PDFConversion.convert([dir + "/a.docx", dir + "/b.docx"], in: dir)
        let failures = notes.filter(\.isFailure)
        #expect(failures.isEmpty, "\(failures.map { $0.message(.en) })")
        let fontNotes = notes.filter { if case .fontsReplaced = $0 { true } else if case .noChineseFonts = $0 { true } else { false } }
        #expect(fontNotes.count == 1)
        let message = try #require(fontNotes.first).message(.zh)
        #expect(message.contains("方正不存在仿宋_GBK") && message.contains("No Such Latin Serif"))
        #expect(FileManager.default.fileExists(atPath: dir + "/a.pdf") && FileManager.default.fileExists(atPath: dir + "/b.pdf"))
    }
}
