import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms

@Suite struct PDFFontsTests {
    @Test func namedFontsInstalledNeedNoNote() {
        #expect(PDFFonts.note(installed: ["仿宋", "SimSun", "黑体", "DejaVu Sans"]) == nil)
    }

    @Test func missingFontsAreNamedWithTheirStandIns() {
        let note = PDFFonts.note(installed: ["Noto Serif CJK SC", "Noto Sans CJK SC", "DejaVu Sans"])
        #expect(note == .fontsReplaced(missing: ["仿宋", "宋体", "黑体"], using: ["Noto Sans CJK SC", "Noto Serif CJK SC"]))
        #expect(note?.message(.zh).contains("仿宋、宋体、黑体") == true)
        #expect(note?.isFailure == false)
    }

    @Test func noChineseFontAtAllSaysWhatToInstall() {
        let note = PDFFonts.note(installed: ["DejaVu Sans", "Liberation Serif"])
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
}
