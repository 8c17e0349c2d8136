import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// What a review collect did.
public struct ReviewSummary: Sendable {
    public var findings: [CollectFinding] = []
    /// Applications in the review workbook.
    public var rows = 0
    public var written: String?
}

/// `paperwork collect` for a document form: a review workbook, one row per document — who, the main
/// figures, every computed value worked out again from the document's data with the current policy file,
/// and the findings: the form's own checks, a document made under another policy file, a computed value
/// that no longer matches what the document says.
public struct ReviewCollectJob: Sendable {
    public var files: [String]
    public var form: Form
    public var policy: Policy
    public var today: CalendarDate = .today

    public init(files: [String], form: Form, policy: Policy) {
        self.files = files
        self.form = form
        self.policy = policy
    }

    /// The workbook's columns: the first two fields (who), amounts and ratios given, then every computed value.
    var columns: [(key: [FieldKey], label: String, type: FieldType)] {
        let scalars = form.manifest.fields.filter { $0.type != .list }
        let who = scalars.prefix(2).map { ($0.path, $0.label, $0.type) }
        let given = scalars.dropFirst(2).filter { [.amount, .ratio, .percent].contains($0.type) }.map { ($0.path, $0.label, $0.type) }
        let computed = form.manifest.computed.filter { !$0.key.contains("[]") && $0.type != .text }.map {
            ([FieldKey](dotted: $0.key), "核算：" + $0.label, $0.type)
        }
        return who + given + computed
    }

    public func run(output: String, overwrite: Bool, progress: (Int, Int) -> Void = { _, _ in }) throws(PaperworkError) -> ReviewSummary {
        do { return try review(output: output, overwrite: overwrite, progress: progress) } catch { throw .wrap(error) }
    }

    private func review(output: String, overwrite: Bool, progress: (Int, Int) -> Void) throws -> ReviewSummary {
        if !overwrite && FileManager.default.fileExists(atPath: output) { throw OutputError.exists(path: output) }
        let policyDigest = FileManager.default.contents(atPath: policy.file).map { SHA256.label([UInt8]($0)) }
        var summary = ReviewSummary()
        let validator = try CaseValidator(form: form, policy: policy, today: today)
        let columns = self.columns
        var rows: [[SimpleWorkbook.Cell]] = [["序号", "文件"].map { .text($0) } + columns.map { .text($0.label) } + [.text("发现")]]
        for (i, file) in files.enumerated() {
            defer { progress(i + 1, files.count) }
            var notes: [Finding] = []
            var cells: [SimpleWorkbook.Cell] = columns.map { _ in .empty }
            do {
                let data = try DocumentReader(file: file, form: form, catalog: nil, today: today).read { _ in }
                let checked = try validator.validated(CaseRecord(value: data.value), number: i + 1)
                let unseen = Set(data.unseenFields)
                notes += checked.findings.filter { !($0.rule == "required" && $0.field.map(unseen.contains) == true) }
                if data.embedded == nil {
                    let fields = data.unseenFields.joined(separator: "、")
                    notes.append(Finding(.warning, record: i + 1, rule: "not_embedded",
                                         zh: "没有嵌入数据，已按模板读取文件中可见的内容" + (fields.isEmpty ? "" : "；文件中读不到：\(fields)，需人工核对"),
                                         en: "no embedded data: read from what the document shows" + (fields.isEmpty ? "" : "; not shown: \(fields), check by hand")))
                }
                notes += data.differences.map { d in
                    Finding(.warning, record: i + 1, field: d.field, label: d.field, value: d.visible, rule: "edited", zh: d.detail(.zh), en: d.detail(.en))
                }
                notes += data.findings
                if let embedded = data.embedded {
                    if embedded.policyDigest != policyDigest {
                        notes.append(Finding(.warning, record: i + 1, rule: "other_policy",
                                             zh: "申请表按另一版本的政策文件生成，已按现行政策重新核算", en: "made under another policy file; recomputed with the current one"))
                    }
                    if !embedded.isIntact {
                        notes.append(Finding(.warning, record: i + 1, rule: "embedded_edited",
                                             zh: "嵌入数据与其摘要不符（数据部件被改动过）", en: "the embedded data does not match its digest"))
                    }
                    for c in form.manifest.computed where c.type == .amount && !c.key.contains("[]") {
                        let path = [FieldKey](dotted: c.key)
                        let now = checked.value.value(at: path), then = embedded.data.value(at: path)
                        if let then, !DocumentReader.same(now, then) {
                            notes.append(Finding(.warning, record: i + 1, field: c.key, label: c.label, value: then.displayText, rule: "recomputed",
                                                 zh: "申请表中为 \(then.displayText)，按现行政策核算为 \(now?.displayText ?? "（无）")",
                                                 en: "the application says \(then.displayText); the current policy gives \(now?.displayText ?? "(none)")"))
                        }
                    }
                }
                for (j, column) in columns.enumerated() {
                    switch checked.value.value(at: column.key) {
                    case .number(let n)?: cells[j] = .number(n)
                    case .bool(let b)?: cells[j] = .text(b ? "是" : "否")
                    case .string(let s)?: cells[j] = .text(s)
                    default: break
                    }
                }
                summary.rows += 1
            } catch let failure as LocalizedFailure {
                notes.append(Finding(.warning, record: i + 1, rule: "unreadable_file", zh: "无法读取，需人工审核：\(failure.message(.zh))",
                                     en: "cannot be read, review by hand: \(failure.message(.en))"))
            }
            summary.findings += notes.map { CollectFinding(file: file, sheet: nil, finding: $0) }
            let text = notes.map { ($0.severity == .error ? "错误：" : "注意：") + ($0.label.map { "「\($0)」" } ?? "") + $0.message }.joined(separator: "；")
            rows.append([.number(Decimal(i + 1)), .text(file)] + cells + [.text(text.isEmpty ? "无" : text)])
        }
        let widths = [6.0, 28] + columns.map { $0.type == .text ? 28 : 14 } + [60]
        let formats: [String?] = [nil, "@"] + columns.map { $0.type == .amount ? "#,##0.00" : $0.type == .ratio || $0.type == .percent ? "0.00%" : nil } + [nil]
        let book = SimpleWorkbook(sheetName: String((form.manifest.title + "审核").prefix(31)), columns: zip(widths, formats).map { SimpleWorkbook.Column(width: $0, format: $1) },
                                  rows: rows, entryRows: 0)
        try AtomicFile.write(try book.serialized(), to: output, overwrite: overwrite)
        summary.written = output
        return summary
    }
}
