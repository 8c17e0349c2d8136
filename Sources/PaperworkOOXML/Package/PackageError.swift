/// Why a file is not a usable Office package.
public enum PackageError: LocalizedFailure, Equatable {
    case unreadable(file: String, cause: SystemError)
    /// The file is neither a .docx nor an .xlsx template.
    case notATemplate(file: String)
    /// A filled part could not be kept or read back.
    case output(OutputError)
    case tooLarge(file: String, bytes: Int)
    case missingContentTypes(file: String)
    case missingMainPart(file: String)
    case missingPart(file: String, part: String)
    case zip(ZipError)
    case xml(file: String, XMLError)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unreadable(f, c), .zh): "\(f)：无法读取（\(c.message(.zh))）"
        case let (.unreadable(f, c), .en): "\(f): cannot be read (\(c.message(.en)))"
        case let (.notATemplate(f), .zh): "\(f)：模板须为 .docx 或 .xlsx 文件"
        case let (.notATemplate(f), .en): "\(f): a template is a .docx or .xlsx file"
        case let (.output(e), lang): e.message(lang)
        case let (.tooLarge(f, n), .zh): "\(f)：文件过大（\(n) 字节）"
        case let (.tooLarge(f, n), .en): "\(f): file too large (\(n) bytes)"
        case let (.missingContentTypes(f), .zh): "\(f)：缺少 [Content_Types].xml，不是有效的 Office 文件"
        case let (.missingContentTypes(f), .en): "\(f): [Content_Types].xml is missing; not a valid Office file"
        case let (.missingMainPart(f), .zh): "\(f)：找不到主文档部件（_rels/.rels 中没有 officeDocument 关系）"
        case let (.missingMainPart(f), .en): "\(f): no main document part (_rels/.rels has no officeDocument relationship)"
        case let (.missingPart(f, p), .zh): "\(f)：缺少部件 \(p)"
        case let (.missingPart(f, p), .en): "\(f): part \(p) is missing"
        case let (.zip(e), lang): e.message(lang)
        case let (.xml(f, e), .zh): "\(f)：" + e.message(.zh)
        case let (.xml(f, e), .en): "\(f): " + e.message(.en)
        }
    }
}
