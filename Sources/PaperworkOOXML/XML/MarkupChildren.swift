import CLibXML2

extension MarkupParser {
    /// Calls `body` with each child element of the root, one at a time, without building the whole
    /// tree: a part of 100,000 records costs the memory of one record besides its bytes.
    public static func forEachChild(of bytes: [UInt8], part: String, _ body: (MarkupElement) throws -> Void) throws {
        if declaresDoctype(bytes) { throw XMLError.doctype(part: part) }
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { throw XMLError.malformed(part: part, line: 1, reason: "empty part") }
        let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        // libxml2 reads the bytes as it goes: they stay alive, in place, until the reader is freed.
        try bytes.withUnsafeBufferPointer { buf in
            try buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { start in
                guard let reader = xmlReaderForMemory(start, Int32(buf.count), nil, nil, Int32(bitPattern: options)) else {
                    throw XMLError.malformed(part: part, line: 0, reason: "cannot read")
                }
                defer { xmlFreeTextReader(reader) }
                var status = xmlTextReaderRead(reader)
                while status == 1 {
                    if xmlTextReaderDepth(reader) == 1 && xmlTextReaderNodeType(reader) == 1, let node = xmlTextReaderExpand(reader) {
                        try body(convertElement(node))
                        status = xmlTextReaderNext(reader)
                    } else {
                        status = xmlTextReaderRead(reader)
                    }
                }
                if status < 0 {
                    throw XMLError.malformed(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader)), reason: "not well-formed")
                }
            }
        }
    }
}
