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
}
