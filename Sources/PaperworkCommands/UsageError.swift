import PaperworkOOXML
import PaperworkTemplate

/// A command line that cannot run as written. Exit status 2, with the nearest valid spelling and the way to the help.
enum UsageError: LocalizedFailure, Equatable {
    case unknownOption(String, suggestion: String?)
    case unknownCommand(String, suggestion: String?)
    case unexpectedArguments([String])
    case missingArgument(String)
    case missingValue(option: String)
    case invalidValue(String, option: String, allowed: [String])
    case takesNoValue(option: String, value: String)
    case repeated(option: String)
    case needsTemplateAndData
    case needsData
    case needsOutput
    case needsForm
    case badPattern(option: String, pattern: String, cause: TagSyntaxError)
    /// A parser message this program does not know, shown as the parser wrote it.
    case unrecognized(String)

    func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.unknownOption(o, s), .zh): "没有选项 \(o)" + (s.map { "；是不是 \($0)？" } ?? "")
        case let (.unknownOption(o, s), .en): "there is no option \(o)" + (s.map { "; did you mean \($0)?" } ?? "")
        case let (.unknownCommand(c, s), .zh): "没有命令 \(c)" + (s.map { "；是不是 \($0)？" } ?? "")
        case let (.unknownCommand(c, s), .en): "there is no command \(c)" + (s.map { "; did you mean \($0)?" } ?? "")
        case let (.unexpectedArguments(a), .zh): "多余的参数：\(a.joined(separator: " "))"
        case let (.unexpectedArguments(a), .en): "unexpected argument(s): \(a.joined(separator: " "))"
        case let (.missingArgument(a), .zh): "缺少参数 \(a)"
        case let (.missingArgument(a), .en): "missing \(a)"
        case let (.missingValue(o), .zh): "选项 \(o) 后面缺少值"
        case let (.missingValue(o), .en): "option \(o) needs a value"
        case let (.invalidValue(v, o, allowed), .zh):
            "选项 \(o) 的值「\(v)」无效" + (allowed.isEmpty ? "" : "（可用：\(allowed.joined(separator: "、"))）")
        case let (.invalidValue(v, o, allowed), .en):
            "“\(v)” is not a valid value for \(o)" + (allowed.isEmpty ? "" : " (use \(allowed.joined(separator: ", ")))")
        case let (.takesNoValue(o, v), .zh): "选项 \(o) 不带值，却给了「\(v)」"
        case let (.takesNoValue(o, v), .en): "option \(o) takes no value, but “\(v)” was given"
        case let (.repeated(o), .zh): "选项 \(o) 重复"
        case let (.repeated(o), .en): "option \(o) is given twice"
        case (.needsTemplateAndData, .zh): "需要模板文件和数据文件（或用 --form 选择内置表单，只给数据文件）"
        case (.needsTemplateAndData, .en): "give a TEMPLATE and a DATA file (or --form NAME and a DATA file)"
        case (.needsData, .zh): "使用 --form 时只需给出一个数据文件"
        case (.needsData, .en): "with --form, give one DATA file"
        case (.needsOutput, .zh): "请用 --out-dir 指定输出目录，或用 --merge 指定合并文件"
        case (.needsOutput, .en): "give --out-dir, --merge or both"
        case (.needsForm, .zh): "需要 --form 表单名"
        case (.needsForm, .en): "give --form NAME"
        case let (.badPattern(o, p, cause), lang): "\(o) \(p)" + (lang == .zh ? "：" : ": ") + cause.message(lang)
        case let (.unrecognized(m), _): m
        }
    }

    /// The value of every usage error that reads an option's text, checked the way the library will read it.
    static func checkPattern(_ pattern: String?, option: String) throws(UsageError) {
        guard let pattern else { return }
        do { _ = try TextTemplate(pattern) } catch { throw .badPattern(option: option, pattern: pattern, cause: error) }
    }
}
