import ArgumentParser
import PaperworkForms

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "从文件读回数据 — read the data back out of filled documents.",
        discussion: """
            paperwork extract 清单.xlsx -o 数据.json
            paperwork extract --form hr-enterprise-list 手工清单.xlsx -o 数据.csv
            paperwork extract --form interest-subsidy-application 申请表.docx
            数据来自文件中嵌入的部件，并与文件中可见的内容逐处比较；没有嵌入部件的文件按表单的模板读回可见的内容
            （清单按行循环，Word 文件按段落与表格单元格）。
            The data comes from the part paperwork embedded, compared with what the document shows; a document without
            the part is read through its form's template (a list by its row loop, a Word document by its paragraphs and cells).
            一个由自己的模板（无表单）生成的文件按其嵌入的数据读回。
            A document filled from a template of one's own (no form) is read from its embedded data.
            Where the visible content no longer matches the embedded data, each difference is reported.
            退出码 exit status: 0 成功 ok, 1 有值无法读取 a value could not be read, 2 文件不可读 unreadable input, 3 写出失败 output error.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var formOptions: FormOptions
    @Argument(help: "文件 documents (.docx .xlsx)") var files: [String]
    @Option(name: .shortAndLong, help: "输出 output: .json .csv .xlsx（默认 JSON 打印到标准输出 default: JSON on standard output）") var out: String?
    @Option(help: "可见内容与嵌入数据不一致时采用哪个 which to use when they differ: visible (default) or embedded")
    var prefer: Preference = .visible
    @Flag(help: "覆盖已存在的输出文件 replace an existing output file") var force = false

    func run() throws {
        try output.guarded {
            let (form, _) = try formOptions.resolve(template: nil)
            let catalog = FormCatalog(folder: formOptions.templates)
            let progress = ProgressLine(quiet: output.quiet, language: output.language, minimum: ProgressLine.rowsShown, rows: true)
            let result = ExtractJob(files: files, form: form, catalog: catalog, prefer: prefer).run(progress: progress.update)
            progress.finish()
            for (file, reason) in result.failures {
                output.say(zh: "跳过 \(file)：\(reason.message(.zh))", en: "skipped \(file): \(reason.message(.en))", toError: true)
            }
            var readErrors = 0
            for document in result.documents {
                for d in document.data.differences { Console.error(d.line(output.language)) }
                for f in document.data.findings { Console.error(f.line(output.language, file: document.data.file)); readErrors += 1 }
                if !document.data.unseenFields.isEmpty {
                    let fields = document.data.unseenFields.joined(separator: "、")
                    output.say(zh: "注意：\(document.data.file) 没有嵌入数据，模板未显示的字段无法读回：\(fields)",
                               en: "note: \(document.data.file) has no embedded data; fields its template does not show cannot be read: \(fields)", toError: true)
                }
            }
            if result.documents.isEmpty {
                output.say(zh: "没有读出任何文件，未写出结果", en: "no document could be read; nothing written", toError: true)
                throw ExitCode(ExitStatus.unreadableInput)
            }
            if let out {
                try ExtractJob.write(result.documents, to: out, overwrite: force)
                let items = result.documents.reduce(0) { $0 + ($1.data.list == nil ? 1 : $1.items.count) }
                output.say(zh: "已读出 \(result.documents.count) 份文件、\(items) 条记录，写入 \(out)",
                           en: "read \(result.documents.count) document(s), \(items) record(s) into \(out)")
            } else {
                Console.print(ExtractJob.json(result.documents))
            }
            if readErrors > 0 { throw ExitCode(ExitStatus.invalidData) }
        }
    }
}

extension Preference: ExpressibleByArgument {}
