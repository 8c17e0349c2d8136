/// Writes XML trees back to bytes as Office does: UTF-8, `standalone="yes"`, prefixes as parsed.
public enum MarkupSerializer {
    /// The declaration Office writes at the top of every part.
    public static let declaration = Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n".utf8)

    /// The bytes of a whole document, declaration included.
    public static func serialize(_ document: MarkupDocument) -> [UInt8] {
        var out = declaration
        out.reserveCapacity(4096)
        for node in document.prolog { write(node, into: &out) }
        write(document.root, into: &out)
        return out
    }

    /// Appends one node's markup.
    public static func write(_ node: MarkupNode, into out: inout [UInt8]) {
        switch node {
        case .element(let e): write(e, into: &out)
        case .text(let t): appendEscapedText(t, into: &out)
        case .comment(let c):
            out += "<!--".utf8; out += c.utf8; out += "-->".utf8
        case .processingInstruction(let target, let data):
            out += "<?".utf8; out += target.utf8
            if !data.isEmpty { out.append(UInt8(ascii: " ")); out += data.utf8 }
            out += "?>".utf8
        }
    }

    /// Appends one element's markup, children included.
    public static func write(_ element: MarkupElement, into out: inout [UInt8]) {
        writeStartTag(element, selfClosing: element.children.isEmpty, into: &out)
        guard !element.children.isEmpty else { return }
        for child in element.children { write(child, into: &out) }
        writeEndTag(element.name, into: &out)
    }

    /// Appends `<name attr="…">`, or `<name …/>` when `selfClosing`.
    public static func writeStartTag(_ element: MarkupElement, selfClosing: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out += element.name.utf8
        for attribute in element.attributes {
            out.append(UInt8(ascii: " "))
            out += attribute.name.utf8
            out += [UInt8(ascii: "="), UInt8(ascii: "\"")]
            appendEscapedAttribute(attribute.value, into: &out)
            out.append(UInt8(ascii: "\""))
        }
        if selfClosing { out.append(UInt8(ascii: "/")) }
        out.append(UInt8(ascii: ">"))
    }

    /// Appends `</name>`.
    public static func writeEndTag(_ name: String, into out: inout [UInt8]) {
        out += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        out += name.utf8
        out.append(UInt8(ascii: ">"))
    }

    /// Appends text content with `& < >` and carriage returns escaped; text with none is copied at once.
    public static func appendEscapedText(_ text: String, into out: inout [UInt8]) {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0x0D }) else {
                return false
            }
            out.append(contentsOf: bytes)
            return true
        }
        guard plain != true else { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case 0x0D: out += "&#13;".utf8
            default: out.append(byte)
            }
        }
    }

    /// Appends an attribute value with quotes, markup and whitespace controls escaped.
    public static func appendEscapedAttribute(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case 0x09: out += "&#9;".utf8
            case 0x0A: out += "&#10;".utf8
            case 0x0D: out += "&#13;".utf8
            default: out.append(byte)
            }
        }
    }

    /// The first scalar XML 1.0 forbids, if any (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF).
    /// Text without a control byte or the lead byte of U+FFFE/U+FFFF is answered from its bytes alone.
    public static func firstInvalidScalar(in text: String) -> Unicode.Scalar? {
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0xEF }
        }
        if clean == true { return nil }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { return scalar }
            if v == 0xFFFE || v == 0xFFFF { return scalar }
        }
        return nil
    }
}
