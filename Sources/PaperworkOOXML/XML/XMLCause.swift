import CLibXML2

/// What is wrong in a part that is not well-formed: libxml2's error code as a value of our own, rendered
/// from our own table (never libxml2's English text), plus the causes this program finds itself.
public enum XMLCause: Hashable, Sendable {
    case emptyPart
    case noRootElement
    case outOfMemory
    /// Something other than XML where the part starts, or an XML declaration that is malformed or misplaced.
    case notXMLAtStart
    /// Content after the root element ends.
    case contentAfterRoot
    /// A character XML does not allow, written as it is or as a `&#…;` reference.
    case invalidCharacter
    /// An `&` that starts no valid reference.
    case badReference
    case lessThanInAttribute
    /// An attribute value without quotes, or not closed.
    case badAttributeValue
    case repeatedAttribute
    case unclosedComment
    case unclosedCData
    /// A tag that lacks its `>` or is otherwise malformed.
    case badTag
    /// No name where one is needed: after `<`, for an attribute, or after `&`.
    case nameMissing
    case mismatchedEndTag
    /// The part ends inside an element.
    case unclosedElement
    case badEncoding
    case undeclaredPrefix
    /// libxml2 refused the part without recording why.
    case notWellFormed
    /// Any other libxml2 error, kept as its domain and code.
    case parser(domain: Int32, code: Int32)

    /// The cause for a libxml2 error (`xmlError.domain`, `xmlError.code`).
    public init(domain: Int32, code: Int32) {
        switch xmlParserErrors(UInt32(bitPattern: code)) {
        case XML_ERR_NO_MEMORY: self = .outOfMemory
        case XML_ERR_DOCUMENT_EMPTY: self = .emptyPart
        case XML_ERR_DOCUMENT_START, XML_ERR_XMLDECL_NOT_STARTED, XML_ERR_XMLDECL_NOT_FINISHED, XML_ERR_RESERVED_XML_NAME:
            self = .notXMLAtStart
        case XML_ERR_DOCUMENT_END, XML_ERR_EXTRA_CONTENT: self = .contentAfterRoot
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_CHARREF, XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF:
            self = .invalidCharacter
        case XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY,
             XML_ERR_CHARREF_AT_EOF, XML_ERR_ENTITYREF_AT_EOF:
            self = .badReference
        case XML_ERR_LT_IN_ATTRIBUTE: self = .lessThanInAttribute
        case XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE,
             XML_ERR_LITERAL_NOT_STARTED, XML_ERR_LITERAL_NOT_FINISHED, XML_ERR_STRING_NOT_STARTED, XML_ERR_STRING_NOT_CLOSED:
            self = .badAttributeValue
        case XML_ERR_ATTRIBUTE_REDEFINED, XML_NS_ERR_ATTRIBUTE_REDEFINED: self = .repeatedAttribute
        case XML_ERR_COMMENT_NOT_FINISHED, XML_ERR_HYPHEN_IN_COMMENT: self = .unclosedComment
        case XML_ERR_CDATA_NOT_FINISHED, XML_ERR_MISPLACED_CDATA_END: self = .unclosedCData
        case XML_ERR_NAME_REQUIRED, XML_ERR_ENTITYREF_NO_NAME: self = .nameMissing
        case XML_ERR_GT_REQUIRED, XML_ERR_SPACE_REQUIRED, XML_ERR_EQUAL_REQUIRED, XML_ERR_LT_REQUIRED,
             XML_ERR_NAME_TOO_LONG, XML_NS_ERR_QNAME:
            self = .badTag
        case XML_ERR_TAG_NAME_MISMATCH, XML_ERR_LTSLASH_REQUIRED, XML_ERR_NOT_WELL_BALANCED: self = .mismatchedEndTag
        case XML_ERR_TAG_NOT_FINISHED: self = .unclosedElement
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_ENCODING_NAME, XML_ERR_INVALID_ENCODING:
            self = .badEncoding
        case XML_NS_ERR_UNDEFINED_NAMESPACE: self = .undeclaredPrefix
        default: self = .parser(domain: domain, code: code)
        }
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.emptyPart, .zh): "部件是空的"
        case (.emptyPart, .en): "the part is empty"
        case (.noRootElement, .zh): "没有根元素"
        case (.noRootElement, .en): "there is no root element"
        case (.outOfMemory, .zh): "内存不足"
        case (.outOfMemory, .en): "out of memory"
        case (.notXMLAtStart, .zh): "开头不是有效的 XML 或 XML 声明"
        case (.notXMLAtStart, .en): "it does not start with valid XML or XML declaration"
        case (.contentAfterRoot, .zh): "根元素结束后还有内容"
        case (.contentAfterRoot, .en): "there is content after the root element ends"
        case (.invalidCharacter, .zh): "含有 XML 不允许的字符"
        case (.invalidCharacter, .en): "a character XML does not allow"
        case (.badReference, .zh): "「&」引用无效"
        case (.badReference, .en): "an “&” that starts no valid reference"
        case (.lessThanInAttribute, .zh): "属性值中有「<」"
        case (.lessThanInAttribute, .en): "a “<” inside an attribute value"
        case (.badAttributeValue, .zh): "属性值缺少引号或没有结束"
        case (.badAttributeValue, .en): "an attribute value without quotes or not closed"
        case (.repeatedAttribute, .zh): "同一属性出现了两次"
        case (.repeatedAttribute, .en): "an attribute given twice"
        case (.unclosedComment, .zh): "注释没有正确结束"
        case (.unclosedComment, .en): "a comment not closed properly"
        case (.unclosedCData, .zh): "CDATA 段没有正确结束"
        case (.unclosedCData, .en): "a CDATA section not closed properly"
        case (.badTag, .zh): "标签格式错误"
        case (.badTag, .en): "a malformed tag"
        case (.nameMissing, .zh): "此处缺少名称（标签、属性或「&」引用的名称）"
        case (.nameMissing, .en): "a name is missing (of a tag, an attribute or an “&” reference)"
        case (.mismatchedEndTag, .zh): "结束标签与开始标签不匹配"
        case (.mismatchedEndTag, .en): "an end tag that does not match its start tag"
        case (.unclosedElement, .zh): "部件在元素结束之前就结束了"
        case (.unclosedElement, .en): "the part ends inside an element"
        case (.badEncoding, .zh): "编码无效或不受支持"
        case (.badEncoding, .en): "an invalid or unsupported encoding"
        case (.undeclaredPrefix, .zh): "使用了未声明的命名空间前缀"
        case (.undeclaredPrefix, .en): "a namespace prefix that is not declared"
        case (.notWellFormed, .zh): "无法解析"
        case (.notWellFormed, .en): "it cannot be parsed"
        case let (.parser(domain, code), .zh): "XML 解析错误 \(domain)/\(code)"
        case let (.parser(domain, code), .en): "XML parser error \(domain)/\(code)"
        }
    }
}

/// The worst error libxml2 reported while a part was read, the first of its level: the first fatal error says
/// what went wrong; those after it follow from it (a mismatched end tag leaves elements open at the end).
struct XMLErrorRecord {
    private var level: UInt32 = 0
    private var domain: Int32 = 0, code: Int32 = 0, line: Int32 = 0, column: Int32 = 0

    /// Runs `body` (a libxml2 parse) with this thread's error handler recording into `record`, then puts back the one before.
    static func recording<T>(into record: inout XMLErrorRecord, _ body: () throws -> T) rethrows -> T {
        let outer = (handler: __xmlStructuredError().pointee, context: __xmlStructuredErrorContext().pointee)
        defer { xmlSetStructuredErrorFunc(outer.context, outer.handler) }
        return try withUnsafeMutablePointer(to: &record) { pointer in
            xmlSetStructuredErrorFunc(pointer) { context, error in
                guard let record = context?.assumingMemoryBound(to: XMLErrorRecord.self), let e = error?.pointee else { return }
                record.pointee.note(e)
            }
            return try body()
        }
    }

    private mutating func note(_ e: xmlError) {
        guard e.level.rawValue > level, e.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        (level, domain, code, line, column) = (e.level.rawValue, e.domain, e.code, e.line, e.int2)
    }

    /// The part's error as libxml2 reported it; `line` when it reported none.
    func error(part: String, line fallback: Int = 0) -> XMLError {
        guard code != 0 else { return .malformed(part: part, line: fallback, column: 0, cause: .notWellFormed) }
        return .malformed(part: part, line: Int(line), column: Int(column), cause: XMLCause(domain: domain, code: code))
    }
}
