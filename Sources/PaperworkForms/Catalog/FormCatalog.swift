import Foundation

/// Finds the built-in forms and the policy files in the Templates folder.
public struct FormCatalog: Sendable {
    /// The Templates folder in use.
    public let folder: String

    /// The folder given, else `PAPERWORK_TEMPLATES`, else a `Templates` folder above the program or the current folder.
    public init(folder explicit: String? = nil) throws(FormError) {
        if let explicit { folder = explicit; return }
        if let env = ProcessInfo.processInfo.environment["PAPERWORK_TEMPLATES"], !env.isEmpty { folder = env; return }
        let program = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        for start in [program.deletingLastPathComponent(), URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Templates")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("policy").path) {
                    folder = candidate.path
                    return
                }
                dir.deleteLastPathComponent()
            }
        }
        throw .templatesNotFound
    }

    /// The names of the forms: folders that hold a `form.yaml`.
    public var names: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/form.yaml") }.sorted()
    }

    /// The form of this name.
    public func form(_ name: String) throws(FormError) -> Form {
        guard names.contains(name) else { throw .unknownForm(name, known: names) }
        return try Form(folder: folder + "/" + name)
    }

    /// The default policy file.
    public var defaultPolicyPath: String { folder + "/policy/miyun-2020.yaml" }
}
