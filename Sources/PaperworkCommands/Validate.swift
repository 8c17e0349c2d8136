import ArgumentParser
import PaperworkForms

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "只校验数据，不生成文件 — check every case and report every problem at once.",
        discussion: "退出码 exit status: 0 全部有效 valid, 1 数据有误 invalid data, 2 用法或输入不可读 usage or unreadable input.")

    @OptionGroup var output: OutputOptions
    @OptionGroup var findings: FindingOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "数据 data (.json .yaml .csv .xlsx)") var data: String
    @Flag(help: "覆盖已存在的报告文件 replace an existing report file") var force = false

    func validate() throws {
        guard formOptions.form != nil else { throw UsageError.needsForm }
    }

    func run() throws {
        try output.guarded {
            try findings.checkReport(overwrite: force)
            let (form, policy) = try formOptions.resolve(template: nil)
            let prepared = try CasePreparation.prepare(data: data, form: form, policy: policy, options: formOptions.loadOptions)
            try findings.report(prepared, output: output, overwrite: force)
            output.say(zh: "\(prepared.recordCount) 条记录全部有效", en: "all \(prepared.recordCount) record(s) are valid")
        }
    }
}
