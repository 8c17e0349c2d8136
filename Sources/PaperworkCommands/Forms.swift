import ArgumentParser
import PaperworkForms

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出内置表单 — list the built-in forms.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "列出表单 — list the forms.")
        @OptionGroup var output: OutputOptions
        @Option(help: "模板目录 the Templates folder") var templates: String?

        func run() throws {
            try output.guarded {
                let catalog = FormCatalog(folder: templates)
                for name in catalog.names {
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
}
