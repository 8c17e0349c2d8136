import Foundation
import PaperworkTemplate
import Yams

/// A form: a manifest (`form.yaml`) and the template beside it.
public struct Form: Sendable {
    public let manifest: FormManifest
    /// The folder that holds the manifest and the template.
    public let folder: String
    /// What reading the manifest noticed that does not stop it (warnings).
    public let warnings: [ManifestProblem]

    /// Reads the manifest in `folder`, checking its keys, types and structure; refused with every problem at once
    /// (`.form(.refused(problems))`).
    public init(folder: String) throws(PaperworkError) {
        do { try self.init(reading: folder) } catch { throw .form(error) }
    }

    init(reading folder: String) throws(FormError) {
        let path = folder + "/form.yaml"
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableManifest(file: path, cause: .reading(path)) }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadableManifest(file: path, cause: nil) }
        let (manifest, problems) = ManifestReader.read(text, file: path)
        guard let manifest, !problems.contains(where: { $0.severity == .error }) else { throw .refused(problems) }
        self.manifest = manifest
        self.folder = folder
        warnings = problems
    }

    /// The manifest's path.
    public var manifestPath: String { folder + "/form.yaml" }

    /// The form checked against `policy` and its template: expressions, field paths, policy keys, circles,
    /// tags nothing provides. Refused with every problem.
    func compiled(policy: Policy) throws(FormError) -> CompiledForm {
        let (compiled, problems) = check(policy: policy)
        guard let compiled, !problems.contains(where: { $0.severity == .error }) else { throw .refused(problems) }
        return compiled
    }

    /// Every problem of the form against `policy`: the manifest's warnings, its expressions, its template's tags
    /// (a template that cannot be read is left to the fill to report).
    public func problems(policy: Policy) -> [ManifestProblem] { check(policy: policy).problems }

    private func check(policy: Policy) -> (CompiledForm?, problems: [ManifestProblem]) {
        let (compiled, problems, used) = FormCompiler.compileNoting(manifest, policy: policy, file: manifestPath)
        let tagCheck = TemplateTagCheck(manifest)
        let name = tagCheck.outputName(manifestPath: manifestPath)
        var all = warnings + problems + name.problems
        if let template = try? DocumentTemplate(contentsOf: templatePath) {
            all += tagCheck.problems(tags: template.tags, template: templatePath, manifestPath: manifestPath, used: used.union(name.keys))
        }
        return (compiled, all)
    }

    /// The form whose manifest stands beside a template, if there is one that names it.
    /// The path may be relative, absolute or through symbolic links; the form's folder may be anywhere.
    public static func beside(template: String) throws(PaperworkError) -> Form? {
        do { return try besideReading(template: template) } catch { throw .form(error) }
    }

    static func besideReading(template: String) throws(FormError) -> Form? {
        let url = URL(fileURLWithPath: template).absoluteURL.resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder + "/form.yaml") else { return nil }
        let form = try Form(reading: folder)
        return URL(fileURLWithPath: form.templatePath).absoluteURL.resolvingSymlinksInPath().path == url.path ? form : nil
    }

    /// The template's path.
    public var templatePath: String { folder + "/" + manifest.template }

    /// Keys of optional fields, which fill as empty text when missing.
    public var optionalPaths: Set<String> {
        func collect(_ fields: [FieldSpec], prefix: String) -> [String] {
            fields.flatMap { f in
                (f.required ? [] : [prefix + f.key]) + (f.type == .list ? collect(f.fields ?? [], prefix: "") : [])
            }
        }
        return Set(collect(manifest.fields, prefix: ""))
    }

    /// Validates one case: converts every field, checks every rule, computes the policy's numbers.
    /// The record is consumed: validating changes its values in place rather than copying 100,000 rows.
    /// This compiles the form for the one call; to validate many records, compile once with ``CaseValidator``.
    /// Throws `.form` when the form does not compile with `policy`, `.caseFile` when a list's table cannot be read.
    public func validate(_ record: consuming CaseRecord, number: Int, policy: Policy, today: CalendarDate = .today) throws(PaperworkError) -> ValidatedCase {
        let validator = try CaseValidator(form: self, policy: policy, today: today)
        return try validator.validate(record, number: number)
    }

}

extension CalendarDate {
    /// Today in Beijing.
    public static var today: CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year ?? 2020, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(year: 2020, month: 1, day: 1)!
    }
}
