import Dispatch
import Foundation
import PaperworkOOXML
import PaperworkTemplate
import Synchronization

/// The check a template makes of the data: each case is rendered in memory, before anything is written, and the
/// data problems the fill meets (a missing value, text under `rmb`, an impossible date) become the case's findings.
/// Plain templates and forms go through it alike.
public enum TemplateCheck {
    /// Renders every valid case of `cases` on `jobs` threads (all cores when 0) and adds the problems found.
    public static func check(_ cases: inout [ValidatedCase], template: DocumentTemplate, options: RenderOptions,
                             jobs: Int = 0) throws(PaperworkError) {
        do { _ = try checkCases(&cases, template: template, options: options, jobs: jobs) } catch { throw .wrap(error) }
    }

    /// The same for a batch of Word documents, which renders each valid case whole and keeps the documents, while
    /// they hold no more than `budget` bytes in all, for the batch to write without rendering them again; the rest
    /// are checked as `check` does. Returns the kept documents by case index.
    public static func render(_ cases: inout [ValidatedCase], template: DocumentTemplate, options: RenderOptions, jobs: Int = 0,
                              keepingUpTo budget: Int) throws(PaperworkError) -> [Int: OOXMLPackage] {
        do { return try checkCases(&cases, template: template, options: options, jobs: jobs, budget: budget) } catch { throw .wrap(error) }
    }

    private static func checkCases(_ cases: inout [ValidatedCase], template: DocumentTemplate, options: RenderOptions, jobs: Int,
                                   budget: Int = 0) throws -> [Int: OOXMLPackage] {
        let todo = cases.indices.filter { cases[$0].isValid && cases[$0].streams.isEmpty }
        guard !todo.isEmpty else { return [:] }
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, todo.count))
        let copies = try (0..<workers).map { _ in try template.independentCopy() }
        let found = Mutex<[Int: [Finding]]>([:])
        let kept = Mutex<(documents: [Int: OOXMLPackage], bytes: Int)>(([:], 0))
        let failure = Mutex<(any Error)?>(nil)
        let snapshot = cases
        var checking = options
        checking.checkOnly = true
        let only = checking
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for n in stride(from: worker, to: todo.count, by: workers) {
                let i = todo[n]
                do {
                    if kept.withLock({ $0.bytes < budget }) {
                        let document = try copies[worker].render(snapshot[i].value, options: options)
                        kept.withLock {
                            $0.documents[i] = document
                            $0.bytes += document.heldBytes
                        }
                    } else {
                        _ = try copies[worker].render(snapshot[i].value, options: only)
                    }
                } catch {
                    if let problems = (error as? TemplateError)?.dataProblems {
                        let findings = Self.findings(problems, record: i + 1, row: snapshot[i].row)
                        found.withLock { $0[i] = findings }
                    } else {
                        failure.withLock { if $0 == nil { $0 = error } }
                    }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        for (i, findings) in found.withLock({ $0 }) { cases[i].findings += findings }
        return kept.withLock { $0.documents }
    }

    /// The data problems of one fill as findings of its record: the tag's path as the field, its place in the message.
    public static func findings(_ problems: TemplateProblems, record: Int, row: Int?) -> [Finding] {
        problems.problems.map { problem in
            let (path, value, rule) = describe(problem.kind)
            return Finding(.error, record: record, row: row, field: path, value: value, rule: rule,
                           zh: problem.message(.zh), en: problem.message(.en))
        }
    }

    /// The same for a fill with streamed lists: a problem met in the row loop over a plain list's table or JSON
    /// list is a finding of that item — its number as the record and its row in the data file, as a list form's
    /// items are reported — rather than of the template cell alone. A problem met in every item of a list of more
    /// than one (a column the data does not have) is one finding that says so, not one per row.
    public static func findings(_ problems: TemplateProblems, record: Int, row: Int?, streams: [FieldKey: any ItemStream]) throws -> [Finding] {
        guard let table = streams.values.lazy.compactMap({ $0 as? TableRows }).first else { return findings(problems, record: record, row: row) }
        var counts: [TemplateProblem: Int] = [:]
        for problem in problems.problems where problem.item != nil { counts[TemplateProblem(kind: problem.kind, place: problem.place), default: 0] += 1 }
        let everywhere = table.count > 1 ? Set(counts.filter { $0.value == table.count }.keys) : []
        var reported = Set<TemplateProblem>()
        var kept: [TemplateProblem] = []
        for problem in problems.problems {
            let bare = TemplateProblem(kind: problem.kind, place: problem.place)
            if problem.item == nil || !everywhere.contains(bare) { kept.append(problem) } else if reported.insert(bare).inserted { kept.append(bare) }
        }
        let rows = try table.rows(of: Set(kept.compactMap(\.item)))
        return kept.map { problem in
            let (path, value, rule) = describe(problem.kind)
            let all = problem.item == nil && everywhere.contains(problem)
            return Finding(.error, record: problem.item ?? (all ? 0 : record), row: problem.item.map { rows[$0] ?? nil } ?? (all ? nil : row),
                           field: path, value: value, rule: rule,
                           zh: problem.message(.zh) + (all ? "（列表的全部 \(table.count) 项都如此）" : ""),
                           en: problem.message(.en) + (all ? " (in all \(table.count) list items)" : ""))
        }
    }

    /// The template's own warnings (a tag in a field's result, a part left as it is, a chart source that cannot
    /// move) as findings about the template file, shown once per run beside the data's findings.
    public static func warnings(of template: DocumentTemplate, file: String) -> [Finding] {
        template.warnings.map { problem in
            Finding(.warning, record: 0, rule: describe(problem.kind).rule, zh: problem.message(.zh), en: problem.message(.en), file: file)
        }
    }

    private static func describe(_ kind: TemplateProblem.Kind) -> (path: String?, value: String?, rule: String) {
        switch kind {
        case .missingValue(let path): (path, nil, "missing_value")
        case .wrongKind(let path, _, let value, _): (path, value, "wrong_kind")
        case .notText(let path, _): (path, nil, "not_text")
        case .notAList(let path, _): (path, nil, "not_a_list")
        case .invalidCharacter(let path, _): (path, nil, "invalid_character")
        case .textTooLong(let path, _), .textTooLarge(let path, _): (path, nil, "text_too_long")
        case .tagInFieldResult: (nil, nil, "tag_in_field_result")
        case .partNotFilled: (nil, nil, "part_not_filled")
        case .sourceNotMovable: (nil, nil, "source_not_movable")
        default: (nil, nil, "template")
        }
    }
}
