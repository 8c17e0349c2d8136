import Foundation
import Testing

/// Rules about the sources that a compiler does not check.
@Suite struct SourceRulesTests {
    /// Every `.swift` file under `Sources/`, with its lines.
    static func sources() throws -> [(file: String, lines: [String])] {
        let root = CLI.root + "/Sources"
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        return try files.sorted().map { ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8).components(separatedBy: "\n")) }
    }

    /// A format string built from anything but a literal lets text from a template or a user pick the
    /// arguments `String(format:)` reads, and a `%@` in a tag name then crashed the program.
    @Test func stringFormatTakesOnlyPlainLiterals() throws {
        var offenders: [String] = []
        var calls = 0
        for (file, lines) in try Self.sources() {
            for (n, line) in lines.enumerated() {
                var rest = Substring(line)
                while let call = rest.range(of: "String(format:") {
                    calls += 1
                    let argument = rest[call.upperBound...].drop { $0 == " " }
                    if !Self.startsWithPlainLiteral(argument) { offenders.append("\(file):\(n + 1): \(line.trimmingCharacters(in: .whitespaces))") }
                    rest = rest[call.upperBound...]
                }
            }
        }
        #expect(calls > 0, "the scan found no call at all; it is looking in the wrong place")
        #expect(offenders.isEmpty, "String(format:) with a format that is not a plain literal:\n\(offenders.joined(separator: "\n"))")
    }

    /// `"…"` with no interpolation, closed before the next comma or parenthesis.
    static func startsWithPlainLiteral(_ text: Substring) -> Bool {
        guard text.first == "\"" else { return false }
        var escaped = false
        for i in text.indices.dropFirst() {
            let c = text[i]
            if escaped {
                if c == "(" { return false }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                let next = text[text.index(after: i)...].first { $0 != " " }
                return next == "," || next == ")"
            }
        }
        return false
    }

    @Test func theScanCatchesWhatItShould() {
        #expect(Self.startsWithPlainLiteral("\"%04d\", year)"))
        #expect(!Self.startsWithPlainLiteral("\"字段 \\(p) U+%04X\", s)"))
        #expect(!Self.startsWithPlainLiteral("message, s)"))
        #expect(!Self.startsWithPlainLiteral("\"a\" + name, s)"))
    }
}
