import ArgumentParser
import PaperworkForms
import PaperworkOOXML

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "校验并填写一份文件 — validate, then fill one document (or one workbook for a list form).",
        discussion: """
            paperwork fill --form rent-reduction-agreement case.yaml -o 协议.docx
            paperwork fill my-template.docx case.json -o out.docx
            退出码 exit status: 0 成功 ok, 1 数据有误 invalid data, 2 用法或输入不可读 usage or unreadable input, 3 写出失败 output error.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var findings: FindingOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "模板（使用 --form 时省略）template, omitted with --form; then DATA (.json .yaml .csv .xlsx)")
    var files: [String]
    @Option(name: .shortAndLong, help: "输出文件 output file") var out: String
    @Flag(help: "覆盖已存在的输出文件 replace an existing output file") var force = false
    @Flag(help: "不在文件中嵌入案件数据 do not embed the case data in the document") var noEmbed = false

    func validate() throws {
        let expected = formOptions.form == nil ? 2 : 1
        guard files.count == expected else {
            throw formOptions.form == nil ? UsageError.needsTemplateAndData : UsageError.needsData
        }
    }

    func run() throws {
        try output.guarded {
            let template = formOptions.form == nil ? files[0] : nil
            let (form, policy) = try formOptions.resolve(template: template)
            try findings.checkReport(overwrite: force)
            var job = FillJob(data: files[files.count - 1], template: template, form: form, policy: policy, options: formOptions.loadOptions)
            job.embed = !noEmbed
            let prepared = try job.run(output: out, overwrite: force)
            try findings.report(prepared, output: output, overwrite: force)
            output.say(zh: "已生成 \(out)", en: "wrote \(out)")
        }
    }
}
