import PaperworkOOXML

/// Why a case file could not be read.
public enum CaseFileError: LocalizedFailure, Equatable {
    case unreadable(file: String, reason: String)
    case unsupportedFormat(file: String)
    case malformed(file: String, line: Int?, reason: String)
    case empty(file: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unreadable(f, r), .zh): "\(f)：无法读取（\(r)）"
        case let (.unreadable(f, r), .en): "\(f): cannot be read (\(r))"
        case let (.unsupportedFormat(f), .zh): "\(f)：不支持的数据格式（可用 .json、.yaml、.yml）"
        case let (.unsupportedFormat(f), .en): "\(f): unsupported data format (use .json, .yaml, .yml)"
        case let (.malformed(f, line, r), .zh): "\(f)\(line.map { " 第 \($0) 行" } ?? "")：格式错误（\(r)）"
        case let (.malformed(f, line, r), .en): "\(f)\(line.map { ", line \($0)" } ?? ""): malformed (\(r))"
        case let (.empty(f), .zh): "\(f)：文件中没有任何记录"
        case let (.empty(f), .en): "\(f): the file holds no records"
        }
    }
}
