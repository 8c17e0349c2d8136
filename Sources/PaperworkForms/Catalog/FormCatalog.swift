import Foundation

/// Finds the forms and the policy files: in a folder of one's own (`--templates`) and in the built-in Templates folder.
public struct FormCatalog: Sendable {
    /// The folders searched for forms, in order: the one given, then the built-in Templates folder.
    public let folders: [String]
    /// The folder given, which must be there to be read.
    private let given: String?

    /// The folder given (a folder of forms, each a folder with a `form.yaml`), then the built-in Templates folder:
    /// `PAPERWORK_TEMPLATES`, else a `Templates` folder beside the program, in `../share/paperwork` above it (the
    /// install layout), or in a folder above the program or the current folder.
    public init(folder extra: String? = nil) {
        given = extra
        folders = [extra, Self.builtInFolder()].compactMap { $0 }
    }

    /// Fails when the folder given cannot be opened as a folder (not there, a file, no permission), naming it and why.
    public func checkGivenFolder() throws(PaperworkError) {
        do { try checkFolder() } catch { throw .form(error) }
    }

    func checkFolder() throws(FormError) {
        guard let given else { return }
        let fd = open(given, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw .unreadableTemplatesFolder(given, cause: .last(.open)) }
        close(fd)
    }

    /// The built-in Templates folder, if one can be found.
    static func builtInFolder() -> String? {
        if let env = ProcessInfo.processInfo.environment["PAPERWORK_TEMPLATES"], !env.isEmpty { return env }
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").absoluteURL.resolvingSymlinksInPath()
        let programFolder = program.deletingLastPathComponent()
        let installed = programFolder.deletingLastPathComponent().appendingPathComponent("share/paperwork/Templates")
        if isTemplates(installed) { return installed.path }
        for start in [programFolder, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Templates")
                if isTemplates(candidate) { return candidate.path }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }

    private static func isTemplates(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("policy").path)
    }

    /// The names of the forms: folders that hold a `form.yaml`, the first folder's first.
    public var names: [String] {
        get throws(PaperworkError) {
            do { return try formNames } catch { throw .form(error) }
        }
    }

    var formNames: [String] {
        get throws(FormError) {
            try checkFolder()
            var seen = Set<String>()
            return folders.flatMap { folder in
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                return entries.filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/form.yaml") }.sorted()
            }.filter { seen.insert($0).inserted }
        }
    }

    /// The form of this name, from the first folder that has it.
    public func form(_ name: String) throws(PaperworkError) -> Form {
        do { return try findForm(name) } catch { throw .form(error) }
    }

    func findForm(_ name: String) throws(FormError) -> Form {
        try checkFolder()
        if folders.isEmpty { throw .templatesNotFound }
        for folder in folders where FileManager.default.fileExists(atPath: folder + "/" + name + "/form.yaml") {
            return try Form(reading: folder + "/" + name)
        }
        throw .unknownForm(name, known: try formNames)
    }

    /// The default policy file: beside the form's folder (`../policy/`), else in the first folder that has one.
    public func policyPath(for form: Form?) throws(PaperworkError) -> String {
        do { return try findPolicy(for: form) } catch { throw .form(error) }
    }

    func findPolicy(for form: Form?) throws(FormError) -> String {
        try checkFolder()
        var candidates = folders.map { $0 + "/policy/" + Self.policyFile }
        if let form { candidates.insert(URL(fileURLWithPath: form.folder).deletingLastPathComponent().path + "/policy/" + Self.policyFile, at: 0) }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else { throw .templatesNotFound }
        return found
    }

    static let policyFile = "miyun-2020.yaml"
}
