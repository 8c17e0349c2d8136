import Foundation
import PaperworkOOXML
import PaperworkTemplate

/// What a collect of lists did.
public struct ListCollectSummary: Sendable {
    public var findings: [CollectFinding] = []
    /// Rows read from all the lists.
    public var rows = 0
    /// Rows written into the district list.
    public var kept = 0
    public var written: String?
    /// True when any finding is an error (then nothing is written, unless invalid rows are skipped).
    public var hasErrors: Bool { findings.contains { $0.finding.severity == .error } }
}

/// `paperwork collect` for a list form: the departments' lists merged into one (the district's), every
/// row validated again, each row's department filled in, the same credit code in two lists (or twice in
/// one) and enterprises forwarded in an earlier batch found. The lists are read twice, row by row — once
/// to check, once to write — so memory does not grow with the rows.
public struct ListCollectJob: Sendable {
    public var files: [String]
    public var form: Form
    public var policy: Policy
    /// `key=value` for the merged list's own header: 部门, 批次, 填报人, 联系电话, 填报日期.
    public var settings: [String]
    /// District lists of earlier batches.
    public var previous: [String] = []
    /// Write the valid rows and leave the others out (each reported).
    public var skipInvalid = false
    public var prefer: Preference = .visible
    public var embed = true
    public var today: CalendarDate = .today

    public init(files: [String], form: Form, policy: Policy, settings: [String]) {
        self.files = files
        self.form = form
        self.policy = policy
        self.settings = settings
    }

    private var list: FieldKey { FieldKey(form.manifest.rows ?? "") }
    /// The item field a department goes in: the one labelled 行业主管部门, else 主管部门.
    private var departmentField: FieldSpec? {
        (form.manifest.rowFields ?? []).first { $0.label == "行业主管部门" || $0.key == "主管部门" }
    }
    private var headerDepartment: FieldSpec? {
        form.manifest.fields.first { $0.type != .list && ($0.label == "行业主管部门" || $0.key == "部门") }
    }
    private var keyField: FieldSpec? {
        (form.manifest.rowFields ?? []).first { $0.type == .creditCode || $0.type == .idNumber }
    }

    /// A row of one of the lists: the file's index and the row's number.
    struct RowID: Hashable, Sendable {
        var file: Int
        var row: Int
    }

    /// Checks every row of every list; when nothing is wrong (or `skipInvalid`), writes the merged list to `output`.
    /// `progress` gets the rows done and the rows expected, over both passes (read and checked, then written),
    /// every few hundred rows and at each list's end — so one long list shows its progress too.
    public func run(output: String?, overwrite: Bool,
                    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(PaperworkError) -> ListCollectSummary {
        do { return try collect(output: output, overwrite: overwrite, progress: progress) } catch { throw .wrap(error) }
    }

    private func collect(output: String?, overwrite: Bool, progress: @escaping @Sendable (Int, Int) -> Void) throws -> ListCollectSummary {
        guard form.manifest.kind == .list, form.manifest.rows != nil else { throw ExtractError.noRowLoop(template: form.templatePath) }
        if let output, !overwrite && FileManager.default.fileExists(atPath: output) { throw OutputError.exists(path: output) }
        var summary = ListCollectSummary()
        let validator = try CaseValidator(form: form, policy: policy, today: today)
        let (header, headerMessages) = try validatedHeader(&summary, validator)
        let earlier = forwardedEarlier(&summary)
        let expected = RowProgress.embeddedRows(files)
        var seen = CodeIndex(expected: expected)
        var skip = Set<RowID>()
        var totals = RowTotals(validator: validator, header: header)
        var departments: [Int: String] = [:]
        let rows = RowProgress(total: 2 * expected, report: progress)
        for (index, file) in files.enumerated() {
            do {
                var department: String?
                var unseen: Set<String> = []
                var rowFindings: [Finding] = []
                var lacking: [Int] = []
                var lackingTotals = RowTotals(validator: validator, header: header)
                let data = try reader(file).read(header: { department = departmentOf($0); unseen = Set($1) }) { item in
                    summary.rows += 1
                    rows.row()
                    let checked = check(item, department: department, header: header, headerMessages: headerMessages, unseen: unseen, validator: validator)
                    var findings = checked.findings
                    if checked.lacksDepartment { lacking.append(item.row ?? 0) }
                    if let key = keyField, case .string(let code)? = checked.item?.value(at: key.path) ?? item.value.value(at: key.path) {
                        if let first = seen.insert(code, file: index, row: item.row) {
                            let firstFile = files[first.file]
                            let place = firstFile == file ? "本表第 \(first.row ?? 0) 行" : "\(firstFile) 第 \(first.row ?? 0) 行"
                            findings.append(Finding(.error, record: 0, row: item.row, field: key.key, label: key.label, value: code, rule: "duplicate_credit_code",
                                                    zh: "与\(place)重复，同一企业只能报一次", en: "repeats \(firstFile) row \(first.row ?? 0): an enterprise is listed once"))
                        }
                        if let before = earlier[code] {
                            let beforeFile = previous[before.file]
                            findings.append(Finding(.error, record: 0, row: item.row, field: key.key, label: key.label, value: code, rule: "forwarded_earlier",
                                                    zh: "已在 \(beforeFile) 第 \(before.row ?? 0) 行报送过", en: "already forwarded in \(beforeFile) row \(before.row ?? 0)"))
                        }
                    }
                    rowFindings += findings
                    if findings.contains(where: { $0.severity == .error }) || checked.item == nil {
                        skip.insert(RowID(file: index, row: item.row ?? 0))
                    } else if let value = checked.item {
                        summary.kept += 1
                        if checked.lacksDepartment { lackingTotals.add(value) } else { totals.add(value) }
                    }
                }
                departments[index] = departmentOf(data.value)
                if departments[index] != nil { totals.merge(lackingTotals) }
                if departments[index] == nil, let field = departmentField {
                    for row in lacking {
                        rowFindings.append(Finding(.error, record: 0, row: row, field: field.key, label: field.label, rule: "missing_department",
                                                   zh: "没有行业主管部门（清单上也没有填报单位）", en: "no department, in the row or on the list"))
                        if skip.insert(RowID(file: index, row: row)).inserted { summary.kept -= 1 }
                    }
                }
                rowFindings.sort { ($0.row ?? 0) < ($1.row ?? 0) }
                summary.findings += rowFindings.map { CollectFinding(file: file, sheet: data.sheet, finding: $0) }
                summary.findings += data.differences.map { d in
                    CollectFinding(file: file, sheet: data.sheet, finding: Finding(
                        .warning, record: 0, row: d.row, field: d.field, label: d.field, value: d.visible, rule: "edited",
                        zh: d.detail(.zh), en: d.detail(.en)))
                }
                if !data.unseenFields.isEmpty {
                    let fields = data.unseenFields.joined(separator: "、")
                    summary.findings.append(CollectFinding(file: file, sheet: data.sheet, finding: Finding(
                        .warning, record: 0, rule: "not_embedded", zh: "没有嵌入数据，模板未显示的字段无法读回：\(fields)",
                        en: "no embedded data: fields the template does not show cannot be read: \(fields)")))
                }
            } catch let failure as LocalizedFailure {
                summary.findings.append(CollectFinding(file: file, sheet: nil, finding: Finding(
                    .warning, record: 0, rule: "unreadable_file", zh: "已跳过：\(failure.message(.zh))", en: "skipped: \(failure.message(.en))")))
                skip.insert(RowID(file: index, row: -1))
            }
            rows.flush()
        }
        guard let output, !summary.hasErrors || skipInvalid else {
            rows.expect(summary.rows)
            rows.flush()
            return summary
        }
        rows.expect(summary.rows + summary.kept)
        let value = totals.value(header: header)
        let stream = CollectedItems(job: self, validator: validator, header: header, headerMessages: headerMessages, skip: skip,
                                    departments: departments, count: summary.kept, progress: rows)
        let template = try DocumentTemplate(contentsOf: form.templatePath, names: form.fieldNames)
        let embedding = embed ? CaseEmbedding(form: form, policy: policy, templatePath: form.templatePath, template: template) : nil
        let streams = embedding?.digesting([list: stream]) ?? [list: stream]
        var filled = try template.render(value, streams: streams, options: RenderOptions(optionalPaths: form.optionalPaths))
        try embedding?.embed(value, streams: streams, into: &filled)
        try filled.write(to: output, overwrite: overwrite)
        rows.flush()
        summary.written = output
        return summary
    }

    /// The merged list's header, validated with no rows; its findings reported once, and their messages,
    /// which rows validated under the same header repeat.
    private func validatedHeader(_ summary: inout ListCollectSummary, _ validator: CaseValidator) throws -> (TemplateValue, Set<String>) {
        var value = TemplateValue.object([list: .list([])])
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else { throw CaseFileError.badSetting(setting) }
            value.set(.string(String(setting[setting.index(after: eq)...])), at: [FieldKey](dotted: String(setting[..<eq])))
        }
        let checked = try validator.validated(CaseRecord(value: value), number: 1)
        summary.findings += checked.findings.filter { $0.field != list.text }.map { CollectFinding(file: "--set", sheet: nil, finding: $0) }
        var header = checked.value
        header[list] = nil
        return (header, Set(checked.findings.map(\.message)))
    }

    /// Credit codes of the earlier batches' lists, with where each was (the index of the list in `previous`).
    private func forwardedEarlier(_ summary: inout ListCollectSummary) -> CodeIndex {
        var codes = CodeIndex()
        guard let key = keyField else { return codes }
        for (index, file) in previous.enumerated() {
            do {
                _ = try reader(file).read { item in
                    if case .string(let code)? = item.value.value(at: key.path) { _ = codes.insert(code, file: index, row: item.row) }
                }
            } catch let failure as LocalizedFailure {
                summary.findings.append(CollectFinding(file: file, sheet: nil, finding: Finding(
                    .warning, record: 0, rule: "unreadable_file", zh: "已跳过：\(failure.message(.zh))", en: "skipped: \(failure.message(.en))")))
            } catch {
                continue
            }
        }
        return codes
    }

    /// The department a list was sent by: its header's department field.
    func departmentOf(_ header: TemplateValue) -> String? {
        guard let field = headerDepartment, case .string(let s)? = header.value(at: field.path) else { return nil }
        return s
    }

    /// One row validated as the only item of a case with the merged list's header; its department filled in from its list's.
    /// A field in `unseen` (neither embedded nor shown by the template) is not reported missing row by row: the file's warning says so once.
    /// The form is compiled once (`validator`), not for each row.
    func check(_ item: ReadItem, department: String?, header: TemplateValue, headerMessages: Set<String>,
               unseen: Set<String>, validator: CaseValidator) -> (item: TemplateValue?, findings: [Finding], lacksDepartment: Bool) {
        var row = item.value
        var lacks = false
        if let field = departmentField, (row.value(at: field.path)?.displayText.trimmed ?? "").isEmpty {
            if let department, !department.trimmed.isEmpty { row.set(.string(department), at: field.path) } else { lacks = true }
        }
        var value = header
        value[list] = .list([row])
        guard let checked = try? validator.validated(CaseRecord(value: value, row: item.row), number: 1) else {
            return (nil, [], lacks)
        }
        let findings = checked.findings.filter { f in
            !headerMessages.contains(f.message) && !(f.rule == "required" && f.field.map(unseen.contains) == true)
        }.map { f in
            var f = f
            f.row = item.row
            f.record = 0
            return f
        }
        guard case .list(let items)? = checked.value[list], let first = items.first else { return (nil, findings, lacks) }
        return (first, findings, lacks)
    }

    func reader(_ file: String) -> DocumentReader {
        DocumentReader(file: file, form: form, catalog: nil, prefer: prefer, today: today)
    }
}

/// The kept rows of every list, read again and validated as the merged list is written.
struct CollectedItems: ItemStream {
    let job: ListCollectJob
    let validator: CaseValidator
    let header: TemplateValue
    let headerMessages: Set<String>
    let skip: Set<ListCollectJob.RowID>
    /// Each list's department, from its whole header (the sign-off below the rows too).
    let departments: [Int: String]
    let count: Int
    let progress: RowProgress?

    func forEach(_ body: (TemplateValue) throws -> Void) throws {
        for (index, file) in job.files.enumerated() where !skip.contains(.init(file: index, row: -1)) {
            var unseen: Set<String> = []
            let department = departments[index]
            _ = try job.reader(file).read(header: { unseen = Set($1) }) { item in
                guard !skip.contains(.init(file: index, row: item.row ?? 0)),
                      let value = job.check(item, department: department, header: header, headerMessages: headerMessages, unseen: unseen, validator: validator).item
                else { return }
                try body(value)
                progress?.row()
            }
        }
    }
}
