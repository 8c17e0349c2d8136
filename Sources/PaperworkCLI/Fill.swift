import ArgumentParser
import PaperworkForms
import PaperworkOOXML
import PaperworkTemplate

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用数据填写模板，生成一份文件 — fill a template with one record.",
        discussion: "退出码 exit status: 0 成功 ok, 1 数据有误 invalid data, 2 用法或输入不可读 usage or unreadable input, 3 写出失败 output error.")

    @OptionGroup var output: OutputOptions
    @Argument(help: "模板 template (.docx)") var template: String
    @Argument(help: "数据 data (.json, .yaml)") var data: String
    @Option(name: .shortAndLong, help: "输出文件 output file") var out: String
    @Flag(help: "覆盖已存在的输出文件 replace an existing output file") var force = false

    func run() throws {
        try output.guarded {
            let records = try CaseFile.records(at: data)
            guard records.count == 1 else { throw UsageFailure.oneRecordExpected(file: data, count: records.count) }
            let compiled = try DocxTemplate(contentsOf: template)
            try compiled.render(records[0], to: out, overwrite: force)
            if !output.quiet { print(output.language == .zh ? "已生成 \(out)" : "wrote \(out)") }
        }
    }
}
