import Foundation
import PaperworkOOXML

/// One problem found in a template or in the data it is filled with, and where.
public struct TemplateProblem: Error, Sendable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        case syntax(TagSyntaxError, tag: String)
        case unknownFilter(String, tag: String)
        case badFilterArguments(filter: String, expected: FilterExpectation, tag: String)
        case unclosedBlock(BlockKind)
        case unexpectedClose(BlockKind)
        case mismatchedClose(expected: BlockKind, found: BlockKind)
        case elseOutsideBlock
        case elseNotAlone
        case blockAcrossCells
        case blockAcrossElements
        case blocksOverlap
        case blockNotAllowed
        case nestedRowLoops
        case badSheetName(String)
        case tagInTableHeader
        case textTooLong(path: String, length: Int)
        case missingValue(path: String)
        case wrongKind(path: String, filter: String, value: String, expected: FilterExpectation)
        case notText(path: String, kind: ValueKind)
        case notAList(path: String, kind: ValueKind)
        case invalidCharacter(path: String, scalar: UInt32)
        /// A value with more bytes of text without a line break than a document can be read back with.
        case textTooLarge(path: String, bytes: Int)
        /// `NEXT`, `IF`, `ASK`… in a mail-merge document, with the tag-language way to do the same.
        case unsupportedField(type: String, equivalent: String)
        /// A merge field that begins in a paragraph and ends in a table, a cell or nowhere after it.
        case fieldAcrossParagraphs
        /// A warning: a tag in the cached result of a field Word recalculates.
        case tagInFieldResult
        /// `sep="…"` on a loop that repeats paragraphs, rows or sheet rows rather than text.
        case separatorNotInline
        /// `{{item.名称}}` inside `{{#each items}}`: the item's own name is not a key.
        case loopItemPrefix(path: String, suggestion: String)
        /// A warning: a part the engine does not fill holds tag-like text (SmartArt, cell comments).
        case partNotFilled
        /// A warning: a chart or pivot whose source is in another workbook, which row loops cannot move.
        case sourceNotMovable
    }

    public var kind: Kind
    public var place: Place
    /// For a data problem met in a sheet's row loop: the loop's item, from 1 (the data's record of a plain list).
    public var item: Int?

    public init(kind: Kind, place: Place, item: Int? = nil) {
        self.kind = kind
        self.place = place
        self.item = item
    }

    public func message(_ language: Language) -> String {
        let zh = language == .zh
        let item = self.item.map { zh ? "（列表第 \($0) 项）" : " (list item \($0))" } ?? ""
        return place.description(zh) + item + (zh ? "：" : ": ") + text(zh)
    }

    /// True for warnings: the template is filled, and the warning is shown beside the result.
    public var isWarning: Bool {
        switch kind {
        case .tagInFieldResult, .partNotFilled, .sourceNotMovable: true
        default: false
        }
    }

    /// True for problems of the data rather than of the template.
    public var isDataProblem: Bool {
        switch kind {
        case .missingValue, .wrongKind, .notText, .notAList, .invalidCharacter, .textTooLong, .textTooLarge, .loopItemPrefix: true
        default: false
        }
    }

    private func text(_ zh: Bool) -> String {
        switch kind {
        case let .syntax(e, tag): (zh ? "标记 \(tag) 有误：" : "tag \(tag) is wrong: ") + e.message(zh)
        case let .unknownFilter(f, tag):
            zh ? "标记 \(tag) 使用了未知的格式 \(f)（可用：\(Filters.names.sorted().joined(separator: "、"))）"
                : "tag \(tag) uses unknown filter \(f) (known: \(Filters.names.sorted().joined(separator: ", ")))"
        case let .badFilterArguments(f, expected, tag):
            zh ? "标记 \(tag) 中格式 \(f) 的参数有误，应写作 \(expected.text(zh))" : "tag \(tag): bad arguments for \(f); write \(expected.text(zh))"
        case let .unclosedBlock(k): zh ? "{{#\(k.rawValue)}} 没有对应的 {{/\(k.rawValue)}}" : "{{#\(k.rawValue)}} is never closed with {{/\(k.rawValue)}}"
        case let .unexpectedClose(k): zh ? "{{/\(k.rawValue)}} 前面没有对应的 {{#\(k.rawValue)}}" : "{{/\(k.rawValue)}} has no matching {{#\(k.rawValue)}}"
        case let .mismatchedClose(e, f):
            zh ? "应先用 {{/\(e.rawValue)}} 结束，却遇到 {{/\(f.rawValue)}}" : "expected {{/\(e.rawValue)}} but found {{/\(f.rawValue)}}"
        case .elseOutsideBlock: zh ? "{{else}} 不在任何块之内" : "{{else}} stands outside any block"
        case .elseNotAlone:
            zh ? "{{else}} 须单独成段（或单独成行），与块的起止标记同一层级" : "{{else}} must stand alone in its paragraph or row, at the level of its block's tags"
        case .blockAcrossCells:
            zh ? "块的开始与结束标记位于不同的单元格或表格层级，请把它们放在同一段、同一单元格或同一表格的行中"
                : "the block starts and ends in different cells or table levels; put both tags in one paragraph, one cell, or rows of one table"
        case .blockAcrossElements:
            zh ? "段内的块跨越了超链接或域的边界，请把起止标记放在同一层级" : "the block inside a paragraph crosses a hyperlink or field boundary"
        case .blocksOverlap: zh ? "块相互交叉，请让内层块完全位于外层块之内" : "blocks overlap; nest the inner block wholly inside the outer one"
        case .blockNotAllowed: zh ? "此处只能使用取值标记，不能使用块" : "only value tags are allowed here, not blocks"
        case .nestedRowLoops: zh ? "表格中的行循环不能嵌套或交叉" : "row loops in a sheet cannot nest or overlap"
        case let .badSheetName(n):
            zh ? "工作表名「\(n)」超过 31 个字符或含有 : \\ / ? * [ ]" : "sheet name “\(n)” is longer than 31 characters or holds : \\ / ? * [ ]"
        case .tagInTableHeader: zh ? "表（列表对象）的标题行不能含有标记" : "a table's header row cannot hold tags"
        case let .textTooLong(p, n): zh ? "字段 \(p) 的文字有 \(n) 个字符，超过单元格上限 32767" : "\(p) has \(n) characters, more than a cell's 32,767"
        case let .textTooLarge(p, n):
            zh ? "字段 \(p) 有一段 \(n) 字节的文字中间没有换行，超过上限 8,000,000 字节：更长的一段文字在读回文件时无法解析"
                : "\(p) holds \(n) bytes of text without a line break, more than the 8,000,000 allowed: a longer stretch cannot be read back from the document"
        case let .missingValue(p): zh ? "缺少字段 \(p) 的值" : "missing value for \(p)"
        case let .wrongKind(p, f, v, e): zh ? "字段 \(p) 的值「\(v)」不能用 \(f) 格式，需要\(e.text(zh))" : "value “\(v)” of \(p) cannot take \(f); it needs \(e.text(zh))"
        case let .notText(p, k): zh ? "字段 \(p) 是\(k.name(zh))，不能直接填入文字" : "\(p) is a \(k.name(zh)), not text"
        case let .notAList(p, k): zh ? "字段 \(p) 应为列表，实际是\(k.name(zh))" : "\(p) should be a list but is a \(k.name(zh))"
        case let .unsupportedField(type, equivalent):
            zh ? "邮件合并域 \(type) 不受支持：每条记录生成一份文档，请改用 \(equivalent)"
                : "the mail-merge field \(type) is not supported (one document per record); use \(equivalent)"
        case .fieldAcrossParagraphs:
            zh ? "邮件合并域从此段开始，却在表格、单元格或文档的其他位置结束（或没有结束）：请在 Word 中切换域代码，把整个域放在同一段内"
                : "the mail-merge field begins in this paragraph but ends in a table, a cell or elsewhere (or never): press Alt+F9 in Word to show field codes and keep the whole field in one paragraph"
        case .tagInFieldResult:
            zh ? "标记位于域的结果中，打开文件时域会重新计算，填入的值会消失：请把标记移到域外"
                : "the tag is inside a field's result: the field will be recalculated and the value lost; move the tag outside the field"
        case .separatorNotInline:
            zh ? "sep=\"…\" 只用于同一段或同一单元格内的循环" : "sep=\"…\" only works for a loop inside one paragraph or one cell"
        case let .loopItemPrefix(p, suggestion):
            zh ? "缺少字段 \(p) 的值：在 {{#each}} 循环内直接写 \(suggestion)" : "missing value for \(p): inside {{#each}}, write \(suggestion)"
        case .sourceNotMovable:
            zh ? "图表或数据透视表的数据来源在其他工作簿中，不会随循环行移动" : "the chart's or pivot's source is in another workbook and does not move with row loops"
        case .partNotFilled:
            zh ? "此部件（SmartArt、批注等）中的标记不会被填写，将原样保留" : "tags in this part (SmartArt, comments…) are not filled and stay as they are"
        case let .invalidCharacter(p, s):
            zh ? "字段 \(p) 含有 XML 不允许的控制字符 \(Self.codePoint(s))" : "\(p) holds a character XML forbids: \(Self.codePoint(s))"
        }
    }

    /// `U+0001`: a code point as Unicode writes it, at least four hex digits.
    package static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Every problem found in one template or one fill, reported together.
public struct TemplateProblems: LocalizedFailure, Sendable, Equatable {
    /// The template's file or label.
    public var file: String
    public var problems: [TemplateProblem]

    public init(file: String, problems: [TemplateProblem]) {
        self.file = file
        self.problems = problems
    }

    public func message(_ language: Language) -> String {
        let head = language == .zh ? "\(file)：发现 \(problems.count) 个问题" : "\(file): \(problems.count) problem(s)"
        return ([head] + problems.map { "  " + $0.message(language) }).joined(separator: "\n")
    }
}
