import ArgumentParser
import PaperworkForms

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "只校验数据，不生成文件 — check every case and report every problem at once.",
        discussion: """
            paperwork validate --form hr-enterprise-list 企业名单.csv
            paperwork validate my-template.docx 名单.csv   (every record filled in memory; nothing written)
            退出码 exit status: 0 全部有效 valid, 1 数据有误 invalid data, 2 用法或输入不可读 usage or unreadable input.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var findings: FindingOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "模板（使用 --form 时省略）template, omitted with --form; then DATA (.json .yaml .csv .xlsx)")
    var files: [String]
    @Flag(help: "覆盖已存在的报告文件 replace an existing report file") var force = false

    func validate() throws {
        let expected = formOptions.form == nil ? 2 : 1
        guard files.count == expected else {
            throw formOptions.form == nil ? UsageError.needsTemplateAndData : UsageError.needsData
        }
    }

    func run() throws {
        try output.guarded {
            try findings.checkReport(overwrite: force)
            let template = formOptions.form == nil ? files[0] : nil
            let (form, policy) = try formOptions.resolve(template: template)
            let job = FillJob(data: files[files.count - 1], template: template, form: form, policy: policy, options: formOptions.loadOptions)
            let prepared = try job.check()
            try findings.report(prepared, output: output, overwrite: force)
            output.say(zh: "\(prepared.recordCount) 条记录全部有效", en: "all \(prepared.recordCount) record(s) are valid")
        }
    }
}
