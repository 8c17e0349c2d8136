import PaperworkOOXML

/// The smallest packages a fuzzed part is put into, so that mutations land on the XML rather than on the zip.
enum Skeleton {
    static let zipMagic: [UInt8] = [0x50, 0x4B]

    private static let relsType = "application/vnd.openxmlformats-package.relationships+xml"
    private static let officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

    /// A .docx whose `word/document.xml` is `document`.
    static func docx(document: [UInt8]) -> [UInt8] {
        archive([
            ("[Content_Types].xml", types(#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#)),
            ("_rels/.rels", rels(#"<Relationship Id="rId1" Type="\#(officeDocument)" Target="word/document.xml"/>"#)),
            ("word/document.xml", document),
        ])
    }

    /// A `word/document.xml` holding `body`.
    static func document(body: [UInt8]) -> [UInt8] {
        Array(#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#.utf8)
            + body + Array("</w:body></w:document>".utf8)
    }

    /// A .xlsx with one worksheet, `sheet`.
    static func xlsx(sheet: [UInt8]) -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let worksheet = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
        return archive([
            ("[Content_Types].xml", types(
                #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
                    + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)),
            ("_rels/.rels", rels(#"<Relationship Id="rId1" Type="\#(officeDocument)" Target="xl/workbook.xml"/>"#)),
            ("xl/workbook.xml", Array(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8)),
            ("xl/_rels/workbook.xml.rels", rels(#"<Relationship Id="rId1" Type="\#(worksheet)" Target="worksheets/sheet1.xml"/>"#)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    private static func types(_ overrides: String) -> [UInt8] {
        Array((#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="\#(relsType)"/><Default Extension="xml" ContentType="application/xml"/>"#
            + overrides + "</Types>").utf8)
    }

    private static func rels(_ body: String) -> [UInt8] {
        Array((#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + body + "</Relationships>").utf8)
    }

    /// The entries stored in a zip; the skeleton's own parts are always valid, so writing cannot fail.
    private static func archive(_ parts: [(String, [UInt8])]) -> [UInt8] {
        (try? ZipWriter.archive(parts.map { .data(name: $0.0, bytes: $0.1) }, copyingFrom: nil)) ?? []
    }
}
