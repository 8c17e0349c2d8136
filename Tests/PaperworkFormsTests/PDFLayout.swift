import Foundation

/// A PDF's text as poppler lays it out (`pdftotext -bbox-layout`): pages of lines, each with its box in points.
struct PDFLayout {
    struct Line {
        var text: String
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
        /// The text without the spaces poppler puts between words and LibreOffice between Chinese and Latin, and
        /// without word joiners.
        var compact: String { text.filter { !$0.isWhitespace && $0 != "\u{2060}" } }
    }

    struct Page {
        var height: Double
        var lines: [Line]
        func contains(_ text: String) -> Bool { lines.contains { $0.compact.contains(text) } }
    }

    var pages: [Page]

    init(pdf: String) throws {
        let xml = String(decoding: try Tool.run("pdftotext", ["-bbox-layout", pdf, "-"]), as: UTF8.self)
        pages = Self.matches(#"<page width="[\d.]+" height="([\d.]+)">(.*?)</page>"#, in: xml).map { page in
            let lines = Self.matches(#"<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>"#, in: page[1]).map { line in
                let words = Self.matches(#"<word [^>]*>(.*?)</word>"#, in: line[4]).map { Self.unescape($0[0]) }
                return Line(text: words.joined(separator: " "), left: Double(line[0]) ?? 0, top: Double(line[1]) ?? 0,
                            right: Double(line[2]) ?? 0, bottom: Double(line[3]) ?? 0)
            }
            return Page(height: Double(page[0]) ?? 0, lines: lines)
        }
    }

    /// The number of the first page holding this text (from 1), or nil.
    func page(of text: String) -> Int? { pages.firstIndex { $0.contains(text) }.map { $0 + 1 } }

    /// The capture groups of every match.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            (1..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : ns.substring(with: match.range(at: $0)) }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Programs the rendering tests call.
enum Tool {
    /// LibreOffice and poppler are installed: the rendering tests can run.
    static let canRender = find("soffice") != nil && find("pdftotext") != nil && find("pdfinfo") != nil

    /// `soffice --version`'s version number, for messages.
    static let libreOfficeVersion: String = {
        let text = String(decoding: (try? run("soffice", ["--version"])) ?? Data(), as: UTF8.self)
        return PDFLayout.matches(#"(\d+\.\d+[\d.]*)"#, in: text).first?.first ?? "?"
    }()

    /// The program's path on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ name: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: find(name) ?? "/usr/bin/\(name)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
