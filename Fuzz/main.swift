import Foundation
import PaperworkOOXML
import PaperworkTemplate

// Random-input fuzzing of the tag parser and the package reader, for a bounded time.
// Usage: paperwork-fuzz tags|package SECONDS [SEED] [SEED-FILE.docx]
// Every input is made from the seed, so a crash is repeated by running the same seed again;
// the seed of each round is printed before it runs.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

let args = CommandLine.arguments
guard args.count >= 3, let seconds = Double(args[2]) else {
    print("usage: paperwork-fuzz tags|package SECONDS [SEED] [SEED-FILE.docx]")
    exit(2)
}
var seed = args.count > 3 ? UInt64(args[3]) ?? 1 : UInt64(Date().timeIntervalSince1970)
let deadline = Date().addingTimeInterval(seconds)
let pieces = ["{{", "}}", "#each ", "#if ", "/each", "/if", "else", "|", " rmb", " date(\"", "\"", "(", ")", "乙方", ".", "名称",
              "@number", "this", "\\{{", "\u{0}", "😀", "𠀀", "<", "&", "'", "“", "”", " ", "\n"]
var rounds = 0
while Date() < deadline {
    var rng = Generator(state: seed)
    print("seed \(seed)")
    switch args[1] {
    case "tags":
        let text = (0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        _ = try? TextTemplate(text).render(.object(["乙方": .object(["名称": .string("x")])]))
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">"
        var bytes = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>\(body)".utf8)
        var escaped: [UInt8] = []
        MarkupSerializer.appendEscapedText(text, into: &escaped)
        bytes += escaped + Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        if let doc = try? MarkupParser.parse(bytes, part: "word/document.xml") {
            _ = CompiledPartProbe.compile(doc)
        }
    case "package":
        guard args.count > 4, var data = FileManager.default.contents(atPath: args[4]).map({ [UInt8]($0) }) else {
            print("package fuzzing needs a seed .docx"); exit(2)
        }
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let i = Int.random(in: 0..<data.count, using: &rng)
            switch Int.random(in: 0...2, using: &rng) {
            case 0: data[i] = UInt8.random(in: 0...255, using: &rng)
            case 1: data.removeSubrange(i..<min(data.count, i + Int.random(in: 1...64, using: &rng)))
            default: data.insert(contentsOf: (0..<Int.random(in: 1...16, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: i)
            }
            if data.isEmpty { data = [0] }
        }
        if let package = try? OOXMLPackage(bytes: data, label: "fuzz.docx") {
            for part in package.partNames { _ = try? package.xml(of: part) }
            if let template = try? DocxTemplate(package: package) { _ = try? template.render(.object([:])).serialized() }
            _ = try? package.serialized()
        }
    default:
        print("unknown target \(args[1])"); exit(2)
    }
    seed &+= 1
    rounds += 1
}
print("\(args[1]): \(rounds) rounds without a crash")

enum CompiledPartProbe {
    static func compile(_ doc: MarkupDocument) -> Bool {
        var package = try! OOXMLPackage(bytes: try! ZipWriter.archive([
            .data(name: "[Content_Types].xml", bytes: Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/></Types>".utf8)),
            .data(name: "_rels/.rels", bytes: Array("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".utf8)),
            .data(name: "word/document.xml", bytes: [])], copyingFrom: nil), label: "probe.docx")
        package.setPart("word/document.xml", xml: doc)
        guard let template = try? DocxTemplate(package: package) else { return false }
        _ = try? template.render(.object(["乙方": .object(["名称": .string("x")])]))
        return true
    }
}
