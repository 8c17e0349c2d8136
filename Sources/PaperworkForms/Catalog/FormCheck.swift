import Foundation

/// What `paperwork forms check` does: every form of a folder (or one form) loaded and checked against a policy.
public enum FormCheck {
    public struct Report: Sendable {
        /// Every problem of every form checked, errors and warnings.
        public var problems: [ManifestProblem] = []
        /// The folders of the forms that have no error.
        public var passed: [String] = []
    }

    /// Checks `target`: a form's folder, a form's name in `catalog`, or a folder of forms; nil checks the catalog's.
    public static func run(target: String?, catalog: FormCatalog?, policy: Policy) throws(PaperworkError) -> Report {
        do { return try check(target: target, catalog: catalog, policy: policy) } catch { throw .form(error) }
    }

    static func check(target: String?, catalog: FormCatalog?, policy: Policy) throws(FormError) -> Report {
        let fm = FileManager.default
        var folders: [String]
        if let target, fm.fileExists(atPath: target + "/form.yaml") {
            folders = [target]
        } else if let target, let catalog, let folder = catalog.folder(of: target) {
            folders = [folder]
        } else if let target {
            let names = (try? fm.contentsOfDirectory(atPath: target)) ?? []
            folders = names.sorted().map { target + "/" + $0 }.filter { fm.fileExists(atPath: $0 + "/form.yaml") }
            guard !folders.isEmpty else { throw .unknownForm(target, known: try catalog?.formNames ?? []) }
        } else {
            guard let catalog, !catalog.folders.isEmpty else { throw .templatesNotFound }
            folders = try catalog.formNames.compactMap(catalog.folder(of:))
        }
        var report = Report()
        for folder in folders {
            let problems: [ManifestProblem]
            do { problems = try Form(reading: folder).problems(policy: policy) } catch {
                if case .refused(let found) = error { problems = found } else { throw error }
            }
            report.problems += problems
            if !problems.contains(where: { $0.severity == .error }) { report.passed.append(folder) }
        }
        return report
    }
}

extension FormCatalog {
    /// The folder of the form of this name, from the first folder that has it.
    func folder(of name: String) -> String? {
        folders.map { $0 + "/" + name }.first { FileManager.default.fileExists(atPath: $0 + "/form.yaml") }
    }
}
