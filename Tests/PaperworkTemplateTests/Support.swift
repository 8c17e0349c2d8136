import Foundation
import PaperworkOOXML
@testable import PaperworkTemplate

enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    static func json(_ text: String) -> TemplateValue {
        try! TemplateValue.fromJSON(Data(text.utf8))
    }
}

/// What a reader sees in a filled part: the text of each paragraph, text boxes' paragraphs included, without the
/// zero-width joiners that keep dates on one line.
func paragraphs(_ package: OOXMLPackage, _ part: String = "word/document.xml") throws -> [String] {
    var out: [String] = []
    func walk(_ e: MarkupElement) {
        if e.localName == "p" {
            var text = ""
            func collect(_ x: MarkupElement) {
                for c in x.children {
                    guard case .element(let child) = c else { continue }
                    switch child.localName {
                    case "t": text += child.textContent.replacingOccurrences(of: "\u{2060}", with: "")
                    case "br": text += "\n"
                    case "tab": text += "\t"
                    case "p": walk(child)
                    default: collect(child)
                    }
                }
            }
            collect(e)
            out.append(text)
        } else {
            for child in e.elements { walk(child) }
        }
    }
    walk(try package.xml(of: part).root)
    return out
}

/// A minimal package whose document body is `body` (WordprocessingML), for focused tests.
func wordPackage(body: String, extraNamespaces: String = "") throws -> OOXMLPackage {
    let base = try OOXMLPackage(contentsOf: Fixture.path("lo-template.docx"))
    var package = base
    let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \(extraNamespaces)><w:body>\(body)<w:sectPr/></w:body></w:document>
        """
    package.setPart("word/document.xml", bytes: Array(xml.utf8))
    package.removePart("word/header1.xml")
    package.removePart("word/footer1.xml")
    package.removePart("word/footnotes.xml")
    var rels = try package.xml(of: "word/_rels/document.xml.rels")
    rels.root.children.removeAll {
        if case .element(let e) = $0, let t = e[attribute: "Type"] { return t.hasSuffix("/header") || t.hasSuffix("/footer") || t.hasSuffix("/footnotes") }
        return false
    }
    package.setPart("word/_rels/document.xml.rels", xml: rels)
    var core = try package.xml(of: "docProps/core.xml")
    core.root.children.removeAll { if case .element(let e) = $0 { return e.localName == "title" }; return false }
    package.setPart("docProps/core.xml", xml: core)
    return try OOXMLPackage(bytes: try package.serialized(), label: "test.docx")
}

func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

/// The problems a template error holds; nil for any other error.
func foundProblems(in error: any Error) -> TemplateProblems? {
    guard case .problems(let found)? = error as? TemplateError else { return nil }
    return found
}

/// The problems `body` throws as a template error; nil when it throws none or another error.
func thrownProblems(_ body: () throws -> Void) -> TemplateProblems? {
    do { try body() } catch { return foundProblems(in: error) }
    return nil
}
