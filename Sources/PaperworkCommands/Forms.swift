import ArgumentParser
import PaperworkForms

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出内置表单 — list the built-in forms.",
        subcommands: [List.self, Show.self, Check.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出表单 — list the forms.")
        @OptionGroup var output: OutputOptions
        @Option(help: "模板目录 the Templates folder") var templates: String?

        func run() throws {
            try output.guarded {
                let catalog = FormCatalog(folder: templates)
                for name in try catalog.names {
                    let form = try catalog.form(name)
                    Console.print("\(name)  \(form.manifest.title)  (\(form.manifest.template))")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示表单的字段与规则 — a form's fields, types, required marks and rules.")
        @OptionGroup var output: OutputOptions
        @Option(help: "模板目录 the Templates folder") var templates: String?
        @Argument(help: "表单名 form name") var name: String

        func run() throws {
            try output.guarded {
                Console.print(try FormCatalog(folder: templates).form(name).description(output.language))
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "检查表单 — check forms as they load: keys, types, expressions, field paths, policy keys, circles, template tags.",
            discussion: "目标为表单目录（含 form.yaml）、表单名，或模板目录（检查其中全部表单）。退出码 exit status: 0 无错误 no errors, 2 有错误 errors.")
        @OptionGroup var output: OutputOptions
        @Option(help: "模板目录 the Templates folder") var templates: String?
        @Option(help: "政策参数文件 policy file (default: Templates/policy/miyun-2020.yaml)") var policy: String?
        @Argument(help: "表单目录、表单名或模板目录 a form's folder, a form's name, or a Templates folder (default: all built-in forms)")
        var target: String?

        func run() throws {
            try output.guarded {
                let catalog = FormCatalog(folder: templates)
                let policyPath = try policy ?? catalog.policyPath(for: nil)
                let checked = try Policy(contentsOf: policyPath)
                let report = try FormCheck.run(target: target, catalog: catalog, policy: checked)
                for problem in report.problems { Console.print(problem.message(output.language)) }
                for folder in report.passed {
                    output.say(zh: "\(folder)：检查通过", en: "\(folder): no errors")
                }
                if report.problems.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.unreadableInput) }
            }
        }
    }
}
