import Foundation

/// Optional PDFs through LibreOffice, when it is installed; never needed for the documents themselves.
public enum PDFConversion {
    /// Converts the files into PDFs in `folder`, with the Chinese font fallbacks of `PDFFonts`; returns what the user
    /// should know: that no PDF was made, or (once) which fonts the files name are missing and what stands in for them.
    public static func convert(_ files: [String], in folder: String) -> [PDFNote] {
        guard !files.isEmpty else { return [] }
        let environment = ProcessInfo.processInfo.environment
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { ["\($0)/soffice", "\($0)/libreoffice"] }
        guard let soffice = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return [.sofficeMissing] }
        let profile = NSTemporaryDirectory() + "paperwork-soffice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let fontconfig = profile + "/fonts.conf"
        do {
            try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
            let base = environment["FONTCONFIG_FILE"] ?? "/etc/fonts/fonts.conf"
            try Data(PDFFonts.fontconfig(including: base).utf8).write(to: URL(fileURLWithPath: fontconfig))
        } catch {
            return [.sofficeDidNotStart(reason: "\(error)")]
        }
        var notes: [PDFNote] = []
        if let installed = PDFFonts.installedFamilies() {
            var named = DocumentFonts()
            for file in files { named.formUnion(DocumentFonts(contentsOf: file)) }
            let note = PDFFonts.note(named: named, installed: installed) { PDFFonts.match($0, eastAsian: $1, fontconfig: fontconfig) }
            if let note { notes.append(note) }
        }
        for chunk in stride(from: 0, to: files.count, by: 50).map({ Array(files[$0..<min($0 + 50, files.count)]) }) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", folder] + chunk
            process.environment = environment.merging(["FONTCONFIG_FILE": fontconfig]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return notes + [.sofficeDidNotStart(reason: "\(error)")] }
            process.waitUntilExit()
            if process.terminationStatus != 0 { notes.append(.conversionFailed); break }
        }
        return notes
    }
}
