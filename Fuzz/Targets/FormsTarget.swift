import Foundation
import PaperworkForms
import PaperworkOOXML
import PaperworkTemplate

/// Files the forms layer reads by path are written to a folder of this process's own first.
enum Scratch {
    static let folder: String = {
        let path = NSTemporaryDirectory() + "/paperwork-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func write(_ bytes: [UInt8], as name: String) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }
}

/// The built-in forms and policy, found as the CLI finds them (a `Templates` folder above the program).
enum BuiltIn {
    static let catalog = FormCatalog()
    static let forms: [Form] = ((try? catalog.names) ?? []).compactMap { try? catalog.form($0) }
    static let policy = (try? catalog.policyPath(for: nil)).flatMap { try? Policy(contentsOf: $0) }
}

/// A case file read as it is, and checked against each built-in form (one case per row, and a list form).
enum CasesTarget {
    static func run(_ input: [UInt8], ext: String) {
        let path = Scratch.write(input, as: "cases." + ext)
        for form in [nil] + BuiltIn.forms.map(Optional.some) {
            do {
                let prepared = try CasePreparation.prepare(data: path, form: form, policy: BuiltIn.policy,
                                                           today: CalendarDate(year: 2020, month: 6, day: 30) ?? .today)
                renderBoth(prepared.findings)
            } catch { renderBoth(error) }
        }
    }
}

/// A form manifest read from a form's folder, and the same bytes read as a policy file.
enum ManifestTarget {
    static func run(_ input: [UInt8]) {
        let folder = Scratch.folder + "/form"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/form.yaml", contents: Data(input))
        do {
            let form = try Form(folder: folder)
            _ = form.description(.zh)
            _ = form.optionalPaths
        } catch { renderBoth(error) }
        do { _ = try Policy(contentsOf: folder + "/form.yaml").title } catch { renderBoth(error) }
    }
}
