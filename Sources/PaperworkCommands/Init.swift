import ArgumentParser
import PaperworkForms

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "生成空白数据文件 — an empty case file for a form: YAML with a comment per field, or a data-entry workbook (.xlsx).")

    @OptionGroup var output: OutputOptions
    @Option(help: "表单名 form name") var form: String
    @Option(help: "模板目录 the Templates folder") var templates: String?
    @Option(name: .shortAndLong, help: "输出文件 output file: .yaml or .xlsx") var out: String
    @Flag(help: "覆盖已存在的文件 replace an existing file") var force = false

    func run() throws {
        try output.guarded {
            try CaseFileTemplate.write(FormCatalog(folder: templates).form(form), to: out, overwrite: force)
            output.say(zh: "已生成 \(out)", en: "wrote \(out)")
        }
    }
}
