import CLibXML2

extension MarkupParser {
    /// Calls `body` with each child element of a part's root, one at a time, without building the whole
    /// tree and without holding the part's text: the part is inflated as it is read, so a part of 100,000
    /// records costs the memory of one record and a buffer.
    public static func forEachChild(ofPart part: String, in package: OOXMLPackage, _ body: (MarkupElement) throws -> Void) throws {
        try package.withTextReader(of: part) { reader in
            var errors = XMLErrorRecord()
            let status = try XMLErrorRecord.recording(into: &errors) {
                var status = xmlTextReaderRead(reader)
                while status == 1 {
                    let type = xmlTextReaderNodeType(reader)
                    if type == 10 { throw PackageError.xml(file: package.label, .doctype(part: part)) }
                    if xmlTextReaderDepth(reader) == 1 && type == 1, let node = xmlTextReaderExpand(reader) {
                        try body(convertElement(node))
                        status = xmlTextReaderNext(reader)
                    } else {
                        status = xmlTextReaderRead(reader)
                    }
                }
                return status
            }
            if status < 0 {
                throw PackageError.xml(file: package.label, errors.error(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader))))
            }
        }
    }
}
