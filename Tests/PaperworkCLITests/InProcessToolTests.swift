import Foundation
import PaperworkOOXML
import PaperworkTestSupport
import Testing
@testable import PaperworkCommands

/// The smaller commands and paths run in the test process: forms check, a Templates folder that is not there, pdf,
/// inspect of a mail-merge letter, the parser's wordings, and the signal handlers a batch borrows.
@Suite struct InProcessToolTests {
    @Test(arguments: [("zh", "模板目录 /no/such/folder 无法打开", "文件或目录不存在"),
                      ("en", "the Templates folder /no/such/folder cannot be opened", "no such file or folder")])
    func aTemplatesFolderThatIsNotThereIsAnErrorNamingIt(lang: String, says: String, reason: String) throws {
        for arguments in [["forms", "list"], ["forms", "show", "hr-enterprise-list"], ["init", "--form", "hr-enterprise-list", "-o", CLI.scratch() + "/x.yaml"],
                          ["validate", "--form", "hr-enterprise-list", CLI.root + "/Samples/hr-enterprise-list/valid.csv"]] {
            let r = InProcess.run(arguments + ["--templates", "/no/such/folder", "--lang", lang])
            #expect(r.status == 2, "\(arguments): \(r.err)")
            #expect(r.err.contains(says) && r.err.contains(reason), "\(arguments): \(r.err)")
            #expect(r.out.isEmpty, "\(arguments): \(r.out)")
        }
        let file = CLI.scratch() + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notAFolder = InProcess.run(["forms", "list", "--templates", file, "--lang", lang])
        #expect(notAFolder.status == 2 && notAFolder.err.contains(file), "\(notAFolder.err)")
    }

    @Test func formsCheckPassesTheBuiltInFormsAndReportsABrokenOneAtItsPlace() throws {
        let built = InProcess.run(["forms", "check"] + InProcess.templates)
        #expect(built.status == 0, "\(built.out) \(built.err)")
        let passed = built.out.split(separator: "\n").filter { $0.hasSuffix("：检查通过") }
        #expect(passed.count == 3, "\(built.out)")
        let dir = CLI.scratch() + "/broken"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.root + "/Tests/PaperworkFormsTests/Fixtures/broken/unknown-type.yaml", toPath: dir + "/form.yaml")
        let broken = InProcess.run(["forms", "check", dir, "--lang", "en"] + InProcess.templates)
        #expect(broken.status == 2, "\(broken.out) \(broken.err)")
        #expect(broken.out.contains(dir + "/form.yaml:6:21: error: ") && broken.out.contains("area"), "\(broken.out)")
        #expect(!broken.out.contains("no errors"), "\(broken.out)")
    }

    @Test func inspectListsAMailMergeLettersFieldsInEitherLanguage() {
        let letter = CLI.root + "/Tests/PaperworkTemplateTests/Fixtures/mail-merge.docx"
        let zh = InProcess.run(["inspect", letter])
        #expect(zh.status == 0, "\(zh.err)")
        #expect(zh.out.contains("邮件合并域与内容控件（4 个）："), "\(zh.out)")
        #expect(zh.out.contains("MERGEFIELD 贴息金额  →  {{贴息金额}}  word/document.xml 第 2 段"), "\(zh.out)")
        let en = InProcess.run(["inspect", letter, "--lang", "en"])
        #expect(en.out.contains("mail-merge fields and content controls (4):"), "\(en.out)")
    }

    @Test(arguments: ["zh", "en"])
    func inspectListsATemplatesWarnings(lang: String) throws {
        let date = #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy-MM-dd" </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{{签订日期}}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        let template = try HostileRunTests.letterTemplate("<w:p>" + date + "</w:p>" + HostileRunTests.p("{{联系人}}"), in: CLI.scratch())
        let r = InProcess.run(["inspect", template, "--lang", lang])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(lang == "zh" ? "警告（1 个）：" : "warnings (1):"), "\(r.out)")
        #expect(r.out.contains(lang == "zh" ? "标记位于域的结果中" : "move the tag outside the field"), "\(r.out)")
    }

    @Test(arguments: [
        (["validate", "--fom", "hr-enterprise-list", "x.csv"], "--fom"),
        (["inspect", "a.docx", "b.docx"], "多余的参数：b.docx"),
        (["batch", "--form", "rent-reduction-agreement", "a.csv", "b.csv", "--out-dir", "."], "使用 --form 时只需给出一个数据文件"),
    ])
    func parserWordingsNameWhatWasWrong(arguments: [String], names: String) {
        let zh = InProcess.run(arguments)
        #expect(zh.status == 2, "\(zh.err)")
        #expect(zh.err.contains(names), "\(zh.err)")
        #expect(!zh.err.contains("Error:"), "argument-parser's own English leaked: \(zh.err)")
    }

    static let sofficeInstalled = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: sofficeInstalled, "needs LibreOffice (soffice) installed"))
    func pdfMakesAPDFOfAFilledAgreement() throws {
        let dir = CLI.scratch()
        let fill = InProcess.run(["fill", "--form", "rent-reduction-agreement", CLI.root + "/Samples/rent-reduction-agreement/valid.yaml",
                                  "-o", dir + "/协议.docx"] + InProcess.templates)
        #expect(fill.status == 0, "\(fill.err)")
        let pdf = InProcess.run(["pdf", dir + "/协议.docx", "--out-dir", dir])
        #expect(pdf.status == 0, "\(pdf.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/协议.pdf"))
        #expect(bytes.starts(with: Array("%PDF".utf8)))
    }

    /// A batch lets SIGINT and SIGTERM cancel it while it runs, then gives the process its own handlers back —
    /// also when two runs overlap. SIGUSR2 stands in, so the test process's own SIGINT is left alone. (Which thread
    /// a signal reaches in a process this busy is the kernel's choice, so what is checked is the handler in place.)
    @Test func signalHandlersAreLentWhileABatchRunsAndGivenBack() throws {
        let own: @convention(c) (Int32) -> Void = { _ in }
        let before = signal(SIGUSR2, own)
        defer { signal(SIGUSR2, before) }
        func installed() -> Int {
            let handler = signal(SIGUSR2, SIG_IGN)
            signal(SIGUSR2, handler)
            return unsafeBitCast(handler, to: Int.self)
        }
        let ownHandler = unsafeBitCast(own, to: Int.self)
        InterruptSignals.whileRunning([SIGUSR2], interrupted: {}) {
            #expect(installed() != ownHandler, "while a batch runs, the signal is the batch's")
            InterruptSignals.whileRunning([SIGUSR2], interrupted: {}) {}
            #expect(installed() != ownHandler, "a second run that ended first does not give the handler back early")
        }
        // Before the mend the signal stayed ignored (SIG_IGN) after the batch.
        #expect(installed() == ownHandler, "the process's own handler is back")
    }
}
