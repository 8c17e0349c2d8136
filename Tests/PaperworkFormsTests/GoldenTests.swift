import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms
import PaperworkTemplate

/// The outputs of the samples as they were before the forms' arithmetic moved into their manifests
/// (`Fixtures/golden`): every finding in both languages, every computed value, the text of every
/// paragraph and cell filled, and the filled parts byte for byte while the template is the one they were made from.
///
/// `PAPERWORK_GOLDEN=write swift test --filter GoldenTests` writes them again (after a deliberate change).
@Suite struct GoldenTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        var form: String
        var file: String
        var settings: [String] = []
        var name: String { form + "-" + file.replacingOccurrences(of: ".", with: "-") }
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(form: "rent-reduction-agreement", file: "valid.yaml"),
        Sample(form: "rent-reduction-agreement", file: "invalid.json"),
        Sample(form: "rent-reduction-agreement", file: "tenants.csv"),
        Sample(form: "interest-subsidy-application", file: "valid.yaml"),
        Sample(form: "interest-subsidy-application", file: "valid.json"),
        Sample(form: "interest-subsidy-application", file: "invalid.json"),
        Sample(form: "hr-enterprise-list", file: "valid.yaml"),
        Sample(form: "hr-enterprise-list", file: "enterprises.xlsx", settings: SampleTests.hrSettings),
        Sample(form: "hr-enterprise-list", file: "invalid.csv", settings: SampleTests.hrSettings),
    ]

    static let folder = Repo.root + "/Tests/PaperworkFormsTests/Fixtures/golden"
    static let writing = ProcessInfo.processInfo.environment["PAPERWORK_GOLDEN"] == "write"

    /// What a sample makes, as named texts: findings, values, and for valid samples the filled document.
    func outputs(_ sample: Sample) throws -> [String: [UInt8]] {
        let form = try Repo.catalog.form(sample.form)
        let prepared = try CasePreparation.prepare(data: Repo.root + "/Samples/\(sample.form)/\(sample.file)", form: form,
                                                   policy: Repo.policy, options: LoadOptions(settings: sample.settings), today: Repo.today)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var out = ["findings.json": [UInt8](try encoder.encode(prepared.findings))]
        guard !prepared.hasErrors, prepared.cases.count == 1 else {
            out["values.json"] = Array(prepared.cases.map { GoldenText.json($0.value) }.joined(separator: "\n").utf8)
            return out
        }
        let template = try DocumentTemplate(contentsOf: form.templatePath)
        let filled = try template.render(prepared.cases[0].value, streams: prepared.cases[0].streams,
                                         options: RenderOptions(optionalPaths: form.optionalPaths))
        let path = NSTemporaryDirectory() + "golden-" + UUID().uuidString + "." + template.fileExtension
        defer { try? FileManager.default.removeItem(atPath: path) }
        try filled.write(to: path, overwrite: false)
        let package = try OOXMLPackage(contentsOf: path)
        out["values.json"] = Array(GoldenText.json(prepared.cases[0].value).utf8)
        out["text.txt"] = Array(try GoldenText.text(of: package).utf8)
        out["template.sha"] = Array(GoldenText.digest(try [UInt8](Data(contentsOf: URL(fileURLWithPath: form.templatePath)))).utf8)
        for part in package.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") {
            out["parts/" + part.replacingOccurrences(of: "/", with: "_")] = try package.data(of: part)
        }
        return out
    }

    func stored(_ sample: Sample, _ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: Self.folder + "/" + sample.name + "/" + name).map { [UInt8]($0) }
    }

    @Test(arguments: samples)
    func findingsValuesAndDocumentTextAreUnchanged(sample: Sample) throws {
        let made = try outputs(sample)
        if Self.writing {
            for (name, bytes) in made {
                let path = Self.folder + "/" + sample.name + "/" + name
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        }
        for name in ["findings.json", "values.json", "text.txt"] where made[name] != nil {
            let old = try #require(stored(sample, name), "no golden \(name) for \(sample.name)")
            #expect(String(decoding: made[name]!, as: UTF8.self) == String(decoding: old, as: UTF8.self), "\(sample.name)/\(name)")
        }
    }

    /// True when every template is the one the goldens were made from.
    static let templatesUnchanged: Bool = samples.allSatisfy { sample in
        guard let form = try? Repo.catalog.form(sample.form), let bytes = FileManager.default.contents(atPath: form.templatePath),
              let stored = FileManager.default.contents(atPath: folder + "/" + sample.name + "/template.sha") else { return true }
        return Array(GoldenText.digest([UInt8](bytes)).utf8) == [UInt8](stored)
    }

    /// Filled parts byte for byte — while the templates are the ones the goldens were made from (a
    /// typography change to a template changes the bytes but not the text compared above).
    @Test(.enabled(if: templatesUnchanged || writing, "a template changed since the goldens were written"), arguments: samples)
    func filledPartsAreUnchanged(sample: Sample) throws {
        let made = try outputs(sample)
        for (name, bytes) in made where name.hasPrefix("parts/") {
            #expect(stored(sample, name) == bytes, "\(sample.name)/\(name)")
        }
    }
}

/// Deterministic texts of values and documents, for golden files.
enum GoldenText {
    static func json(_ v: TemplateValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.description
        case .string(let s): return quoted(s)
        case .list(let items):
            return items.isEmpty ? "[]" : "[\n" + items.map { inner + json($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            let sorted = members.map { ($0.key.text, $0.value) }.sorted { $0.0 < $1.0 }
            return sorted.isEmpty ? "{}" : "{\n" + sorted.map { inner + quoted($0.0) + ": " + json($0.1, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// A .docx's paragraphs one a line, as a reader sees them (without the joiners that keep dates on one line);
    /// an .xlsx's cells as `sheet!row:column value`.
    static func text(of package: OOXMLPackage) throws -> String {
        if package.contains("word/document.xml") {
            var lines: [String] = []
            func walk(_ e: MarkupElement) {
                if e.localName == "p" { lines.append(e.textContent.replacingOccurrences(of: "\u{2060}", with: "")); return }
                e.elements.forEach(walk)
            }
            walk(try package.xml(of: "word/document.xml").root)
            return lines.joined(separator: "\n") + "\n"
        }
        let reader = try WorkbookReader(package)
        var lines: [String] = []
        for sheet in reader.sheets {
            try reader.rows(ofSheet: sheet.part) { row in
                for (column, cell) in row.cells.sorted(by: { $0.key < $1.key }) {
                    lines.append("\(sheet.name)!\(row.number):\(column) \(cell)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// FNV-1a of the bytes, enough to notice that a template changed.
    static func digest(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }
}
