/// Why a file is not a usable Office package.
public enum PackageError: LocalizedFailure, Equatable {
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int)
    case missingContentTypes(file: String)
    case missingMainPart(file: String)
    case missingPart(file: String, part: String)
    case zip(ZipError)
    case xml(file: String, XMLError)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unreadable(f, r), .zh): "\(f)：无法读取（\(r)）"
        case let (.unreadable(f, r), .en): "\(f): cannot be read (\(r))"
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
