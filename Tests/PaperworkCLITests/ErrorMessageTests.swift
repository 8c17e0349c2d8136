import Foundation
import Testing

/// Messages built from what users and templates wrote: never a crash, never the wrong language.
@Suite struct ErrorMessageTests {
    /// A tag named with `%@` and a value holding a control character once made `fill` die with signal 11:
    /// the message was a `String(format:)` around the tag's name.
    @Test(arguments: ["zh", "en"]) func aPercentInATagNameAndAControlCharacterGiveAMessageNotACrash(lang: String) throws {
        let dir = CLI.scratch()
        let template = try HostileRunTests.letterTemplate(HostileRunTests.p("{{x%@y}} {{a%n%s}}"), in: dir)
        try Data(#"{"x%@y": "a\u0001b", "a%n%s": "c\u0002d"}"#.utf8).write(to: URL(fileURLWithPath: dir + "/d.json"))
        let r = try CLI.run(["fill", template, dir + "/d.json", "-o", dir + "/o.docx", "--lang", lang])
        #expect(r.status == 1, "\(r.status): \(r.err)")
        #expect(r.err.contains("x%@y") && r.err.contains("U+0001"), "\(r.err)")
        #expect(r.err.contains("a%n%s") && r.err.contains("U+0002"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.docx"))
    }

    /// The cases the issue found mixing languages, run as a user would: each in Chinese, then in English.
    @Test func unreadableMalformedAndMisencodedInputsSpeakOneLanguage() throws {
        let dir = CLI.scratch()
        try Data("{\"乙方\": {\"名称\": \"甲\",\n  \"地址\": 北京}}".utf8).write(to: URL(fileURLWithPath: dir + "/bad.json"))
        try Data("乙方:\n  名称: 甲\n 地址: 北京\n".utf8).write(to: URL(fileURLWithPath: dir + "/bad.yaml"))
        let gb = "企业名称,统一社会信用代码\n密云示例企业,91110228MA0030003Y\n".data(using: String.Encoding(rawValue: 0x8000_0632))!
        try gb.write(to: URL(fileURLWithPath: dir + "/gb.csv"))
        let rent = ["validate", "--form", "rent-reduction-agreement"]
        let cases: [(arguments: [String], zh: [String], en: [String])] = [
            (rent + [dir + "/none.json"], ["none.json：无法读取（打开时出错：文件或目录不存在）"], ["none.json: cannot be read (open: no such file or folder)"]),
            (rent + [CLI.root + "/Samples/rent-reduction-agreement/valid.yaml", "--policy", dir + "/nope.yaml"],
             ["政策文件 " + dir + "/nope.yaml：无法读取（打开时出错：文件或目录不存在）"], ["policy file " + dir + "/nope.yaml: cannot be read (open: no such file or folder)"]),
            (rent + [dir + "/bad.json"], ["bad.json 第 2 行第 9 列", "JSON", "「北」"], ["bad.json, line 2, column 9", "JSON", "“北”"]),
            (rent + [dir + "/bad.yaml"], ["bad.yaml 第 3 行", "YAML"], ["bad.yaml, line 3", "YAML"]),
            (["validate", "--form", "hr-enterprise-list", dir + "/gb.csv", "--encoding", "utf-8"],
             ["gb.csv 第 1 行：不是 utf-8 编码的文字", "去掉 --encoding"], ["gb.csv, line 1: the text is not utf-8", "leave out --encoding"]),
        ]
        for c in cases {
            let zh = try CLI.run(c.arguments)
            #expect(zh.status == 2, "\(zh.err)")
            for text in c.zh { #expect(zh.err.contains(text), "\(zh.err)") }
            #expect(MessageLanguageTests.englishWords(in: zh.err.replacingOccurrences(of: dir, with: "")).filter { !["paperwork", "none", "nope", "bad"].contains($0) }.isEmpty, "\(zh.err)")
            let en = try CLI.run(c.arguments + ["--lang", "en"])
            #expect(en.status == 2, "\(en.err)")
            for text in c.en { #expect(en.err.contains(text), "\(en.err)") }
            #expect(!en.err.contains("DecodingError") && !en.err.contains("可用"), "\(en.err)")
        }
    }
}
