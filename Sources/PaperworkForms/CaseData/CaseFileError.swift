import PaperworkOOXML

/// Why a case file could not be read.
public enum CaseFileError: LocalizedFailure, Equatable {
    case unreadable(file: String, cause: SystemError)
    case unsupportedFormat(file: String)
    case malformed(file: String, SyntaxProblem)
    case empty(file: String)
    /// The text is not in the encoding given with `--encoding` (or, when `given` is nil, in any detected one);
    /// `line` is where the first byte that does not fit stands, when known.
    case encoding(file: String, given: TextDecoding.Encoding?, line: Int?)
    case duplicateHeader(file: String, column: String, heading: String)
    case noSheet(file: String, sheet: String, known: [String])
    case badSetting(String)
    /// `--set KEY=…` where no field of the form (or, for a plain template, no tag) uses KEY.
    case unknownSetting(key: String, known: [String])

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unreadable(f, c), .zh): "\(f)：无法读取（\(c.message(.zh))）"
        case let (.unreadable(f, c), .en): "\(f): cannot be read (\(c.message(.en)))"
        case let (.unsupportedFormat(f), .zh): "\(f)：不支持的数据格式（可用 .json、.yaml、.yml、.csv、.xlsx）"
        case let (.unsupportedFormat(f), .en): "\(f): unsupported data format (use .json, .yaml, .yml, .csv, .xlsx)"
        case let (.malformed(f, p), .zh): "\(f)\(p.place(.zh))：格式错误，\(p.message(.zh))"
        case let (.malformed(f, p), .en): "\(f)\(p.place(.en)): malformed, \(p.message(.en))"
        case let (.empty(f), .zh): "\(f)：文件中没有任何记录"
        case let (.empty(f), .en): "\(f): the file holds no records"
        case let (.encoding(f, nil, _), .zh): "\(f)：无法识别文字编码（既不是 UTF-8 也不是 GB18030）；可用 --encoding 指定"
        case let (.encoding(f, nil, _), .en): "\(f): unknown text encoding (neither UTF-8 nor GB18030); use --encoding"
        case let (.encoding(f, e?, line), .zh):
            "\(f)\(line.map { " 第 \($0) 行" } ?? "")：不是 \(e.rawValue) 编码的文字（--encoding \(e.rawValue)）；去掉 --encoding 可自动识别"
        case let (.encoding(f, e?, line), .en):
            "\(f)\(line.map { ", line \($0)" } ?? ""): the text is not \(e.rawValue) (--encoding \(e.rawValue)); leave out --encoding to detect it"
        case let (.duplicateHeader(f, c, h), .zh): "\(f) 第 \(c) 列：表头「\(h)」重复"
        case let (.duplicateHeader(f, c, h), .en): "\(f), column \(c): heading “\(h)” appears twice"
        case let (.noSheet(f, s, k), .zh): "\(f)：没有名为「\(s)」的工作表（有：\(k.joined(separator: "、"))）"
        case let (.noSheet(f, s, k), .en): "\(f): no sheet named “\(s)” (sheets: \(k.joined(separator: ", ")))"
        case let (.badSetting(s), .zh): "--set \(s)：应写作 字段=值"
        case let (.badSetting(s), .en): "--set \(s): write key=value"
        case let (.unknownSetting(k, known), .zh):
            "--set \(k)：表单或模板中没有这个字段" + (known.isEmpty ? "" : "（可用：\(known.prefix(12).joined(separator: "、"))）")
        case let (.unknownSetting(k, known), .en):
            "--set \(k): no field of the form or tag of the template has this key" + (known.isEmpty ? "" : " (known: \(known.prefix(12).joined(separator: ", ")))")
        }
    }
}
