import ArgumentParser
import PaperworkForms

struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "汇总各方交回的文件 — merge returned lists into one, or build a review workbook of applications.",
        discussion: """
            paperwork collect --form hr-enterprise-list 各部门/*.xlsx --batch 2 --set 部门=密云区人力资源和社会保障局 -o 区汇总-第2批.xlsx --report 检查结果.xlsx
            paperwork collect --form interest-subsidy-application 申请/*.docx -o 贴息审核表.xlsx
            清单类表单：合并为一份清单（每行填行业主管部门），逐行重新校验，查找重复的信用代码、缺少主管部门的行、以前批次（--previous）已报送的企业。
            文书类表单：每份一行的审核表，按现行政策重新核算。无法读取的文件会报告，但不中断。
            退出码 exit status: 0 成功 ok, 1 有错误（未生成汇总） errors (nothing written), 2 用法或输入不可读 usage, 3 写出失败 output error.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "交回的文件 returned documents (.xlsx lists or .docx applications)") var files: [String]
    @Option(name: .shortAndLong, help: "汇总文件 the merged list or the review workbook (.xlsx)") var out: String
    @Option(help: "批次 batch number, the same as --set 批次=N") var batch: Int?
    @Option(help: "以前批次的汇总清单 district lists of earlier batches") var previous: [String] = []
    @Option(help: "把检查结果写入文件 write every finding to a report: .xlsx, .csv or .json") var report: String?
    @Option(help: "可见内容与嵌入数据不一致时采用哪个 visible (default) or embedded") var prefer: Preference = .visible
    @Flag(help: "只汇总有效的行，其余报告 merge the valid rows, report the others") var skipInvalid = false
    @Flag(help: "不在文件中嵌入数据 do not embed the data in the merged list") var noEmbed = false
    @Flag(help: "覆盖已存在的输出文件和报告 replace an existing output file and report") var force = false

    func validate() throws {
        guard formOptions.form != nil else { throw UsageError.needsForm }
    }

    func run() throws {
        try output.guarded {
            let (form, policy) = try formOptions.resolve(template: nil)
            guard let form, let policy else { throw UsageError.needsForm }
            if let report { try FindingReport.checkTarget(report, overwrite: force) }
            let findings: [CollectFinding]
            let blocked: Bool
            /// Written with errors: `--skip-invalid` left the invalid rows out, which exit status 4 says.
            var leftOut = false
            if form.manifest.kind == .list {
                var job = ListCollectJob(files: files, form: form, policy: policy, settings: formOptions.settings + (batch.map { ["批次=\($0)"] } ?? []))
                job.previous = previous
                job.skipInvalid = skipInvalid
                job.prefer = prefer
                job.embed = !noEmbed
                let progress = ProgressLine(quiet: output.quiet, language: output.language, minimum: ProgressLine.rowsShown, rows: true)
                let summary = try job.run(output: out, overwrite: force, progress: progress.update)
                progress.finish()
                findings = summary.findings
                blocked = summary.written == nil
                leftOut = summary.written != nil && summary.hasErrors
                if let written = summary.written {
                    output.say(zh: "已汇总 \(files.count) 份清单，共 \(summary.rows) 行，写入 \(summary.kept) 行：\(written)",
                               en: "merged \(files.count) list(s), \(summary.rows) row(s), \(summary.kept) written: \(written)")
                }
            } else {
                let progress = ProgressLine(quiet: output.quiet || files.count < 10, language: output.language)
                let summary = try ReviewCollectJob(files: files, form: form, policy: policy).run(output: out, overwrite: force, progress: progress.update)
                progress.finish()
                findings = summary.findings
                blocked = false
                output.say(zh: "已汇总 \(summary.rows) 份申请：\(out)", en: "reviewed \(summary.rows) application(s): \(out)")
            }
            for f in findings { Console.error(f.line(output.language)) }
            if let report {
                try CollectReport.write(findings, to: report, overwrite: force)
                output.say(zh: "检查结果：\(report)（\(findings.count) 条）", en: "report: \(report) (\(findings.count) findings)", toError: true)
            }
            if blocked {
                let errors = findings.filter { $0.finding.severity == .error }.count
                output.say(zh: "发现 \(errors) 个错误，未生成汇总文件（--skip-invalid 只汇总有效的行）",
                           en: "\(errors) error(s); nothing was written (--skip-invalid merges the valid rows)", toError: true)
                throw ExitCode(ExitStatus.invalidData)
            }
            if leftOut { throw ExitCode(ExitStatus.someSkipped) }
        }
    }
}
