import Foundation

/// Optional PDFs through LibreOffice, when it is installed; never needed for the documents themselves.
enum PDFConversion {
    /// Converts the files into PDFs beside them; returns a note for the user when that was not possible.
    static func convert(_ files: [String], in folder: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { ["\($0)/soffice", "\($0)/libreoffice"] }
        guard let soffice = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "未找到 LibreOffice（soffice），未生成 PDF；文档已写出 — LibreOffice not found, no PDF made; the documents were written"
        }
        let profile = NSTemporaryDirectory() + "paperwork-soffice-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        for chunk in stride(from: 0, to: files.count, by: 50).map({ Array(files[$0..<min($0 + 50, files.count)]) }) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: soffice)
            process.arguments = ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", folder] + chunk
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return "LibreOffice 无法启动，未生成 PDF — LibreOffice did not start: \(error)" }
            process.waitUntilExit()
            if process.terminationStatus != 0 { return "LibreOffice 转换 PDF 失败 — LibreOffice could not convert to PDF" }
        }
        return nil
    }
}
