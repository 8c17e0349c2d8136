import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// One document from one case (or one workbook from a list): validate everything, then write atomically.
public struct FillJob: Sendable {
    public var data: String
    public var template: String?
    public var form: Form?
    public var policy: Policy?
    public var options: LoadOptions
    /// Embed the case data in the document (a custom XML part); `--no-embed` turns it off.
    public var embed = true

    public init(data: String, template: String?, form: Form?, policy: Policy?, options: LoadOptions) {
        self.data = data
        self.template = template
        self.form = form
        self.policy = policy
        self.options = options
    }

    /// The template used: the form's, else the one given.
    public var templatePath: String? { form?.templatePath ?? template }

    /// Validates; when there is no error, fills and writes `output`. Returns the findings (warnings only, when written).
    ///
    /// In order: the output's place (extension, folder, an existing file), the template, every record, the fill
    /// in memory (its data problems are findings too); only then is the file written.
    public func run(output: String, overwrite: Bool) throws(PaperworkError) -> PreparedCases {
        do { return try fill(output: output, overwrite: overwrite) } catch { throw .wrap(error) }
    }

    private func fill(output: String, overwrite: Bool) throws -> PreparedCases {
        let template = try openTemplate()
        try OutputPlace.checkFile(output, extensions: [template.fileExtension], overwrite: overwrite)
        var prepared = try prepare(template)
        guard !prepared.hasErrors else { return prepared }
        guard prepared.cases.count == 1 else { throw JobError.oneCaseExpected(file: data, count: prepared.cases.count) }
        let embedding = embedding(for: template, templatePath: templatePath ?? "")
        let streams = embedding?.digesting(prepared.cases[0].streams) ?? prepared.cases[0].streams
        var filled: OOXMLPackage
        do {
            filled = try template.render(prepared.cases[0].value, streams: streams, options: renderOptions)
        } catch {
            guard let problems = error.dataProblems else { throw error }
            prepared.cases[0].findings += try TemplateCheck.findings(problems, record: 1, row: prepared.cases[0].row, streams: prepared.cases[0].streams)
            return prepared
        }
        try embedding?.embed(prepared.cases[0].value, streams: streams, into: &filled)
        try OutputPlace.makeFolder(holding: output)
        try filled.write(to: output, overwrite: overwrite)
        return prepared
    }

    /// Everything `fill` and `batch` check, writing nothing: the template's warnings, every record validated and
    /// filled in memory, so that what the template cannot take (a drop-down value not in its list, for a plain
    /// template a missing value) is a finding too. A list form's long list is not filled: its form says what its
    /// template needs, and that was checked when the form was loaded; a plain template's is.
    public func check() throws(PaperworkError) -> PreparedCases {
        do { return try checked() } catch { throw .wrap(error) }
    }

    private func checked() throws -> PreparedCases {
        let template = try openTemplate()
        var prepared = try prepare(template)
        try TemplateCheck.check(&prepared.cases, template: template, options: renderOptions)
        guard form == nil else { return prepared }
        for i in prepared.cases.indices where prepared.cases[i].isValid && !prepared.cases[i].streams.isEmpty {
            do {
                _ = try template.render(prepared.cases[i].value, streams: prepared.cases[i].streams, options: renderOptions)
            } catch {
                guard let problems = error.dataProblems else { throw error }
                prepared.cases[i].findings += try TemplateCheck.findings(problems, record: i + 1, row: prepared.cases[i].row,
                                                                         streams: prepared.cases[i].streams)
            }
        }
        return prepared
    }

    /// What puts the case into each document, or nil with `embed` off.
    func embedding(for template: DocumentTemplate, templatePath: String) -> CaseEmbedding? {
        embed ? CaseEmbedding(form: form, policy: policy, templatePath: templatePath, template: template) : nil
    }

    /// The template, compiled; its problems are found before any data is read.
    func openTemplate() throws -> DocumentTemplate {
        guard let templatePath else { throw JobError.noTemplate }
        return try DocumentTemplate(contentsOf: templatePath, names: form?.fieldNames)
    }

    /// Every record read and validated (against the form, or shaped by the plain template); the template's
    /// warnings come first, once.
    func prepare(_ template: DocumentTemplate) throws -> PreparedCases {
        var prepared = try CasePreparation.prepare(data: data, form: form, policy: policy, template: template, options: options)
        prepared.fileFindings = TemplateCheck.warnings(of: template, file: templatePath ?? "") + prepared.fileFindings
        return prepared
    }

    var renderOptions: RenderOptions { RenderOptions(optionalPaths: form?.optionalPaths ?? [], typesFromText: form == nil) }
}

/// Mistakes in what a job was asked to do.
public enum JobError: LocalizedFailure, Equatable {
    case oneCaseExpected(file: String, count: Int)
    case noTemplate
    case reportFormat(file: String)
    case listFormInBatch(form: String)
    /// `--merge` joins Word documents only.
    case mergeNeedsWord(template: String)
    case noOutput

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.oneCaseExpected(f, n), .zh): "\(f)：含有 \(n) 条记录，fill 只生成一份文件；多条记录请用 batch"
        case let (.oneCaseExpected(f, n), .en): "\(f): holds \(n) records; fill makes one document — use batch for many"
        case (.noTemplate, .zh): "请给出模板文件，或用 --form 选择内置表单"
        case (.noTemplate, .en): "give a template file, or choose a built-in form with --form"
        case let (.reportFormat(f), .zh): "\(f)：报告文件须为 .xlsx、.csv 或 .json"
        case let (.reportFormat(f), .en): "\(f): a report is .xlsx, .csv or .json"
        case let (.listFormInBatch(n), .zh): "\(n) 是清单类表单，所有记录合成一个工作簿，请用 fill"
        case let (.listFormInBatch(n), .en): "\(n) is a list form: all records go into one workbook — use fill"
        case let (.mergeNeedsWord(t), .zh): "\(t)：--merge 只能合并 Word 文档（.docx 模板）"
        case let (.mergeNeedsWord(t), .en): "\(t): --merge joins Word documents only (a .docx template)"
        case (.noOutput, .zh): "请用 --out-dir 指定输出目录，或用 --merge 指定合并文件"
        case (.noOutput, .en): "give --out-dir, --merge or both"
        }
    }
}
