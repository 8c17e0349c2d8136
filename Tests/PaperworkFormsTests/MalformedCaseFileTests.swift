import Foundation
import Testing
@testable import PaperworkForms

/// Malformed JSON and YAML case files: the JSON reader names what it found and
/// where (line and column in characters, as an editor shows them); libyaml's place is kept for YAML.
@Suite struct MalformedCaseFileTests {
    @Test(arguments: [
        ("[1,,2]", SyntaxProblem.Kind.unexpected(","), 1, 4),
        ("{\"企业\": \"甲\"\n  \"b\": 2}", .unexpected("\""), 2, 3),
        ("[1, 2", .unexpectedEnd, 1, 6),
        ("{\"a\": \"abc", .unclosedQuote, 1, 7),
        ("{\"a\": \"x\ty\"}", .controlCharacter(9), 1, 9),
        ("{\"a\": tru}", .unexpected("}"), 1, 10),
        ("{\"a\": 1} 甲", .unexpected("甲"), 1, 10),
        ("{a: 1}", .unexpected("a"), 1, 2),
        ("{\"a\" 1}", .unexpected("1"), 1, 6),
        ("[-]", .unexpected("]"), 1, 3),
        ("{\"名称\": \"密云\",\n \"金额\": 1.2.3}", .unexpected("."), 2, 11),
        ("\u{FEFF}{\"a\": }", .unexpected("}"), 1, 7),
        ("", .unexpectedEnd, 1, 1),
    ])
    func malformedJSONIsLocated(text: String, kind: SyntaxProblem.Kind, line: Int, column: Int) {
        #expect(throws: CaseFileError.malformed(file: "x.json", SyntaxProblem(.json, kind, line: line, column: column))) {
            _ = try CaseFile.json(Data(text.utf8), file: "x.json")
        }
    }

    @Test func wellFormedJSONHasNoProblemAndBadUTF8IsSaidSo() throws {
        #expect(throws: Never.self) { _ = try CaseFile.json(Data("{\"a\": [1, -2.5e3, true, false, null, \"\\\"\"]}".utf8), file: "x.json") }
        #expect(throws: CaseFileError.malformed(file: "x.json", SyntaxProblem(.json, .notUTF8))) {
            _ = try CaseFile.json(Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]), file: "x.json")
        }
        let message = CaseFileError.malformed(file: "x.json", SyntaxProblem(.json, .unexpected("}"), line: 1, column: 9)).message(.zh)
        #expect(message.contains("x.json") && message.contains("第 1 行第 9 列") && message.contains("此处不应出现「}」"), "\(message)")
    }

    @Test(arguments: [("企业:\n  名称: 甲\n   信用代码: x\n", 3), ("a: [1, 2\n", 2), ("- a\nb: 1\n", 2)])
    func malformedYAMLNamesItsLine(text: String, line: Int) throws {
        let error = try #require(#expect(throws: CaseFileError.self) { _ = try CaseFile.yaml(Data(text.utf8), file: "x.yaml") })
        guard case .malformed("x.yaml", let problem) = error else { Issue.record("\(error)"); return }
        #expect(problem.format == .yaml && problem.line == line, "\(problem)")
        #expect(error.message(.zh).contains("x.yaml") && error.message(.zh).contains("第 \(line) 行"), "\(error.message(.zh))")
        #expect(throws: CaseFileError.malformed(file: "x.yaml", SyntaxProblem(.yaml, .notUTF8))) {
            _ = try CaseFile.yaml(Data([0x61, 0x3A, 0x20, 0xFF]), file: "x.yaml")
        }
    }
}
