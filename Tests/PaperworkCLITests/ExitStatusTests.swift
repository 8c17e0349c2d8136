import Foundation
import Testing

/// Every exit status the README documents, shown by running the binary.
@Suite struct ExitStatusTests {
    static let sample = CLI.root + "/Samples/rent-reduction-agreement/"

    @Test func zeroWhenAllWentWell() throws {
        let dir = CLI.scratch()
        let r = try CLI.run(["fill", "--form", "rent-reduction-agreement", Self.sample + "valid.yaml", "-o", dir + "/协议.docx"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try CLI.run(["validate", "--form", "rent-reduction-agreement", Self.sample + "valid.json"]).status == 0)
    }

    @Test func oneWhenTheDataIsInvalidAndNothingIsWritten() throws {
        let dir = CLI.scratch()
        let r = try CLI.run(["fill", "--form", "rent-reduction-agreement", Self.sample + "invalid.json", "-o", dir + "/协议.docx"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.err.contains("未生成任何文件"))
        #expect(CLI.files(dir).isEmpty)
    }

    @Test func twoWhenAnInputCannotBeReadOrATemplateIsBroken() throws {
        let dir = CLI.scratch()
        let missing = try CLI.run(["validate", "--form", "rent-reduction-agreement", dir + "/没有.json"])
        #expect(missing.status == 2 && missing.err.contains("没有.json"), "\(missing.err)")
        let template = try HostileRunTests.letterTemplate(HostileRunTests.p("{{#if a}}没有结束"), in: dir)
        try Data(#"{"a": true}"#.utf8).write(to: URL(fileURLWithPath: dir + "/d.json"))
        let broken = try CLI.run(["fill", template, dir + "/d.json", "-o", dir + "/o.docx"])
        #expect(broken.status == 2, "\(broken.err)")
        #expect(broken.err.contains("{{/if}}"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/o.docx"))
    }

    @Test func threeWhenAnOutputExistsWithoutForce() throws {
        let dir = CLI.scratch()
        let out = dir + "/协议.docx"
        try Data("old".utf8).write(to: URL(fileURLWithPath: out))
        let r = try CLI.run(["fill", "--form", "rent-reduction-agreement", Self.sample + "valid.yaml", "-o", out])
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains("--force"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
    }

    /// A usage error: its arguments, words the Chinese message must hold, words the English one must hold.
    struct Usage: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var zh: [String]
        var en: [String]
        var help: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usages: [Usage] = [
        Usage(arguments: ["fill", "--form", "rent-reduction-agreement", "x.yaml", "--ouput", "o.docx"],
              zh: ["没有选项 --ouput", "是不是 --out"], en: ["no option --ouput", "did you mean --out"], help: "paperwork fill --help"),
        Usage(arguments: ["fil", "x.yaml"], zh: ["没有命令 fil", "是不是 fill"], en: ["no command fil", "did you mean fill"], help: "paperwork --help"),
        Usage(arguments: ["forms", "shw", "x"], zh: ["没有命令 shw", "是不是 show"], en: ["no command shw", "did you mean show"], help: "paperwork forms --help"),
        Usage(arguments: ["validate", "x.yaml", "--lang", "fr"], zh: ["--lang", "「fr」", "zh、en"], en: ["“fr”", "--lang", "zh, en"], help: "paperwork validate --help"),
        Usage(arguments: ["fill", "--form", "rent-reduction-agreement", "x.yaml"], zh: ["缺少参数 --out"], en: ["missing --out"], help: "paperwork fill --help"),
        Usage(arguments: ["fill", "x.yaml", "-o", "o.docx"], zh: ["模板文件和数据文件"], en: ["TEMPLATE and a DATA"], help: "paperwork fill --help"),
        Usage(arguments: ["batch", "--form", "rent-reduction-agreement", "x.csv", "--out-dir"], zh: ["--out-dir 后面缺少值"], en: ["--out-dir needs a value"],
              help: "paperwork batch --help"),
        Usage(arguments: ["batch", "--form", "rent-reduction-agreement", "x.csv", "--out-dir", ".", "--jobs", "many"],
              zh: ["--jobs", "「many」"], en: ["“many”", "--jobs"], help: "paperwork batch --help"),
        Usage(arguments: ["batch", "--form", "rent-reduction-agreement", "x.csv", "--out-dir", ".", "--name", "{{a | nosuch}}"],
              zh: ["--name {{a | nosuch}}", "未知的格式 nosuch", "rmb"], en: ["--name {{a | nosuch}}", "unknown filter nosuch", "rmb"], help: "paperwork batch --help"),
        Usage(arguments: ["batch", "--form", "rent-reduction-agreement", "x.csv"], zh: ["--out-dir", "--merge"], en: ["--out-dir", "--merge"],
              help: "paperwork batch --help"),
        Usage(arguments: ["validate", "x.yaml"], zh: ["需要模板文件和数据文件"], en: ["give a TEMPLATE and a DATA file"], help: "paperwork validate --help"),
        Usage(arguments: ["fill", "--force=yes"], zh: ["--force 不带值"], en: ["--force takes no value"], help: "paperwork fill --help"),
        Usage(arguments: ["init", "--form", "hr-enterprise-list", "-o", "x.yaml", "--format", "json"], zh: ["没有选项 --format"],
              en: ["no option --format"], help: "paperwork init --help"),
    ]

    /// Usage errors exit 2 in Chinese, English with `--lang en`; each names the nearest spelling and the help.
    @Test(arguments: usages) func twoForWrongUsageInTheUsersLanguage(usage: Usage) throws {
        let dir = CLI.scratch()
        let zh = try CLI.run(usage.arguments, in: dir)
        #expect(zh.status == 2, "\(zh.err)")
        for word in usage.zh { #expect(zh.err.contains(word), "\(zh.err)") }
        #expect(zh.err.contains("用法请看 " + usage.help), "\(zh.err)")
        #expect(!zh.err.contains("Error") && !zh.err.contains("Usage"), "\(zh.err)")
        let en = try CLI.run(usage.arguments.filter { $0 != "fr" && $0 != "--lang" } + ["--lang", "en"], in: dir)
        #expect(en.status == 2, "\(en.err)")
        for word in usage.en where usage.arguments.contains("fr") == false { #expect(en.err.contains(word), "\(en.err)") }
        #expect(en.err.contains("see " + usage.help), "\(en.err)")
        #expect(CLI.files(dir).isEmpty)
    }

    @Test func helpAndVersionStillExitZero() throws {
        #expect(try CLI.run(["--help"]).status == 0)
        #expect(try CLI.run(["fill", "--help"]).status == 0)
        #expect(try CLI.run(["--version"]).out.contains("0.1.0"))
    }

    /// Each command advertises only the options it uses.
    @Test func initInspectAndFormsOfferNoFindingOptions() throws {
        for command in [["init"], ["inspect"], ["forms", "list"], ["forms", "show"]] {
            let help = try CLI.run(command + ["--help"]).out
            #expect(help.contains("--lang"), "\(command): \(help)")
            #expect(!help.contains("--format") && !help.contains("--report"), "\(command): \(help)")
        }
        for command in ["fill", "batch", "validate"] {
            let help = try CLI.run([command, "--help"]).out
            #expect(help.contains("--format") && help.contains("--report"), "\(command): \(help)")
        }
    }

    /// Not on a terminal, progress is a few plain lines on standard error, each with a rate of documents per second.
    @Test func progressOnAPipeIsAFewPlainLinesWithARate() throws {
        let dir = CLI.scratch()
        let r = try CLI.run(["batch", "--form", "rent-reduction-agreement", Self.sample + "tenants.csv", "--out-dir", dir] + CLI.landlord)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.err.split(separator: "\n").filter { $0.hasPrefix("已完成") }
        #expect(!lines.isEmpty && lines.count <= 11, "\(r.err)")
        #expect(lines.last?.hasPrefix("已完成 12/12") == true, "\(r.err)")
        #expect(!r.err.contains("\r") && !r.err.contains("█"))
        let rate = lines.last.flatMap { $0.split(separator: "（").last?.split(separator: " ").first }.flatMap { Int($0) }
        #expect((rate ?? 0) > 0, "\(r.err)")
        #expect(r.out.contains("已写出 12 份"))
    }
}
