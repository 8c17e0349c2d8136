import ArgumentParser
import Foundation
import PaperworkForms
import PaperworkOOXML

struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "每条记录生成一份文件 — one document per record, on every core.",
        discussion: """
            paperwork batch --form rent-reduction-agreement tenants.csv --out-dir 协议 --merge 协议-打印.docx
            paperwork batch 我的模板.docx 名单.xlsx --out-dir out --name "{{企业名称}}-通知"
            先校验全部记录；有错误时不写任何文件（--skip-invalid 只写有效的）。中断后用 --resume 继续（合并文件按全部记录重新生成）。
            Every record is validated first; with any error nothing is written (--skip-invalid writes the valid ones).
            After an interruption, --resume skips the documents already complete and makes the --merge print file again.
            退出码 exit status: 0 成功 ok, 1 数据有误 invalid data, 2 用法或输入不可读 usage or unreadable input, 3 写出失败或中断 output error or interrupted, 4 已跳过无效记录 invalid records skipped (--skip-invalid).
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var findings: FindingOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "模板（使用 --form 时省略）template, omitted with --form; then DATA (.json .yaml .csv .xlsx)")
    var files: [String]
    @Option(help: "输出目录 folder for the documents") var outDir: String?
    @Option(help: "文件名模式 file-name pattern, e.g. \"{{乙方.名称}}-租金减免补充协议\"") var name: String?
    @Option(help: "另存一份合并文件，每条记录另起一页 also write all records into one .docx, each on a new page") var merge: String?
    @Flag(help: "覆盖已存在的文件 replace existing files") var force = false
    @Flag(help: "跳过已完成的文件，继续中断的批次 skip documents already complete") var resume = false
    @Flag(help: "只写有效记录 write the valid records, skip the invalid ones") var skipInvalid = false
    @Flag(help: "同时用 LibreOffice 生成 PDF also make PDFs with LibreOffice, when installed") var pdf = false
    @Option(help: "并行数（默认全部核心） worker threads (default: all cores)") var jobs: Int = 0
    @Flag(help: "不在文件中嵌入案件数据 do not embed the case data in the documents") var noEmbed = false

    func validate() throws {
        let expected = formOptions.form == nil ? 2 : 1
        guard files.count == expected else {
            throw formOptions.form == nil ? UsageError.needsTemplateAndData : UsageError.needsData
        }
        guard outDir != nil || merge != nil else { throw UsageError.needsOutput }
        try UsageError.checkPattern(name, option: "--name")
    }

    func run() throws {
        try output.guarded {
            let template = formOptions.form == nil ? files[0] : nil
            let (form, policy) = try formOptions.resolve(template: template)
            try findings.checkReport(overwrite: force)
            var fill = FillJob(data: files[files.count - 1], template: template, form: form, policy: policy, options: formOptions.loadOptions)
            fill.embed = !noEmbed
            var job = BatchJob(fill: fill, outDir: outDir)
            job.namePattern = name
            job.merge = merge
            job.overwrite = force
            job.resume = resume
            job.skipInvalid = skipInvalid
            job.pdf = pdf
            job.jobs = jobs
            let cancel = BatchCancellation()
            let bar = ProgressLine(quiet: output.quiet, language: output.language)
            let summary = try InterruptSignals.whileRunning(interrupted: { cancel.cancel() }) {
                try job.run(cancel: cancel) { done, total in bar.update(done, total) }
            }
            bar.finish()
            try findings.report(summary.prepared, output: output, overwrite: force, blocking: !skipInvalid)
            try output.summarize(summary)
        }
    }
}
