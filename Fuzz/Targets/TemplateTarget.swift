import PaperworkOOXML
import PaperworkTemplate

/// The tag language on its own: the bytes as a one-line pattern (as `--name` takes) and as a Word paragraph.
enum TagsTarget {
    static func run(_ input: [UInt8]) {
        let text = String(decoding: input, as: UTF8.self)
        do { _ = try TextTemplate(text).render(fuzzData) } catch { renderBoth(error) }
        var body = Array(#"<w:p><w:r><w:t xml:space="preserve">"#.utf8)
        MarkupSerializer.appendEscapedText(text, into: &body)
        body += Array("</w:t></w:r></w:p>".utf8)
        TemplateTarget.docx(Skeleton.document(body: body))
    }
}

/// Templates read, inspected and filled; the filled package is written out as bytes and read again.
enum TemplateTarget {
    static func docx(_ input: [UInt8]) {
        let bytes = input.starts(with: Skeleton.zipMagic) ? input : Skeleton.docx(document: input)
        do {
            let package = try OOXMLPackage(bytes: bytes, label: "fuzz.docx")
            for problem in try DocxTemplate.inspect(package).problems { renderBoth(problem) }
            let template = try DocxTemplate(package: package)
            reread(try template.render(fuzzData).serialized())
        } catch { renderBoth(error) }
    }

    static func xlsx(_ input: [UInt8]) {
        let bytes = input.starts(with: Skeleton.zipMagic) ? input : Skeleton.xlsx(sheet: input)
        do {
            let package = try OOXMLPackage(bytes: bytes, label: "fuzz.xlsx")
            for problem in try XlsxTemplate.inspect(package).problems { renderBoth(problem) }
            let template = try XlsxTemplate(package: package)
            reread(try template.render(fuzzData).serialized())
        } catch { renderBoth(error) }
    }

    /// A filled package must open again, part by part.
    private static func reread(_ bytes: [UInt8]) {
        do {
            let package = try OOXMLPackage(bytes: bytes, label: "filled")
            for part in package.partNames where part.hasSuffix(".xml") || part.hasSuffix(".rels") { _ = try package.xml(of: part) }
        } catch { renderBoth(error) }
    }
}
