import Foundation
import PaperworkOOXML

/// Fills compiled nodes from a value tree, collecting every data problem instead of stopping at the first.
struct Renderer {
    private struct Scope {
        var value: TemplateValue
        var index: Int?
        /// The members, when the value is an object, held apart so that a lookup is one dictionary operation.
        var members: [FieldKey: TemplateValue]?

        init(_ value: TemplateValue, index: Int?) {
            self.value = value
            self.index = index
            if case .object(let m) = value { members = m }
        }
    }

    let tags: [TagOccurrence]
    let options: RenderOptions
    private(set) var out: [UInt8] = []
    private(set) var problems: [TemplateProblem] = []
    private var seen = Set<TemplateProblem>()
    private var scopes: [Scope]
    private var guards: [Int] = []
    /// Where the outermost paragraphs marked by `paragraphStart` and `paragraphEnd` came out, in order.
    private(set) var filledParagraphs: [Range<Int>] = []
    private var paragraphStart: Int?
    /// The number (from 1) of the sheet row loop's item being written, which its problems name.
    var rowItem: Int?

    init(tags: [TagOccurrence], data: TemplateValue, options: RenderOptions, capacity: Int) {
        self.tags = tags
        self.options = options
        self.scopes = [Scope(data, index: nil)]
        out.reserveCapacity(capacity)
    }

    /// Enters a loop item: names resolve on it first, and `@index` counts it.
    mutating func enter(_ item: TemplateValue, index: Int) {
        scopes.append(Scope(item, index: index))
    }

    mutating func leave() {
        scopes.removeLast()
    }

    /// The bytes rendered so far, handed over and cleared.
    mutating func takeOutput() -> [UInt8] {
        defer { out.removeAll(keepingCapacity: true) }
        return out
    }

    mutating func render(_ nodes: [CompiledNode]) {
        for node in nodes {
            switch node {
            case .bytes(let b): out += b
            case .value(let expression, let tag, let element): value(expression, tag: tag, element: element)
            case .block(let block): self.block(block)
            case .guardStart: guards.append(out.count)
            case .guardEnd(let g, let close): guardEnd(g, close: close)
            case .paragraphStart: if paragraphStart == nil { paragraphStart = out.count }
            case .paragraphEnd:
                if let start = paragraphStart { filledParagraphs.append(start..<out.count) }
                paragraphStart = nil
            }
        }
    }

    mutating func report(_ kind: TemplateProblem.Kind, tag: Int) {
        let problem = TemplateProblem(kind: kind, place: tags[tag].place, item: rowItem)
        if seen.insert(problem).inserted { problems.append(problem) }
    }

    /// Reports a missing value; `{{item.名称}}` inside a loop whose items have `名称` is told to write `{{名称}}`.
    private mutating func reportMissing(_ path: ValuePath, tag: Int) {
        if case .keys(let keys) = path, keys.count > 1, scopes.contains(where: { $0.index != nil }) {
            let rest = ValuePath.keys(Array(keys.dropFirst()))
            if lookup(rest) != .null {
                report(.loopItemPrefix(path: path.description, suggestion: "{{\(rest)}}"), tag: tag)
                return
            }
        }
        report(.missingValue(path: path.description), tag: tag)
    }

    func lookup(_ path: ValuePath) -> TemplateValue {
        switch path {
        case .index, .number:
            guard let i = scopes.last(where: { $0.index != nil })?.index else { return .null }
            return .number(Decimal(path == .index ? i : i + 1))
        case .this(let keys):
            return descend(scopes[scopes.count - 1].value, keys)
        case .keys(let keys):
            for i in scopes.indices.reversed() {
                if let v = scopes[i].members?[keys[0]] { return descend(v, keys.dropFirst()) }
            }
            return .null
        }
    }

    private func descend<C: Collection<FieldKey>>(_ start: TemplateValue, _ keys: C) -> TemplateValue {
        var v = start
        for key in keys {
            guard let next = v[key] else { return .null }
            v = next
        }
        return v
    }

    /// The value after its filters, or nil after reporting why there is none.
    mutating func evaluate(_ expression: TagExpression, tag: Int) -> TemplateValue? {
        var v = lookup(expression.path)
        for call in expression.filters {
            if v == .null && call.filter != .default && call.filter != .check && call.filter != .xmlBoolean {
                let path = expression.path.description
                if options.optionalPaths.contains(path) { return .string("") }
                reportMissing(expression.path, tag: tag)
                return nil
            }
            do { v = try Filters.apply(call, to: v) } catch {
                if case .wrongKind(let f, let value, let expected) = error {
                    report(.wrongKind(path: expression.path.description, filter: f, value: value, expected: expected), tag: tag)
                }
                return nil
            }
        }
        return v
    }

    private mutating func value(_ expression: TagExpression, tag: Int, element: String?) {
        guard let v = evaluate(expression, tag: tag) else { return }
        if v == .null {
            if !options.optionalPaths.contains(expression.path.description) { reportMissing(expression.path, tag: tag) }
            return
        }
        guard let text = Filters.text(of: v) else {
            report(.notText(path: expression.path.description, kind: v.kind), tag: tag)
            return
        }
        if let bad = MarkupSerializer.firstInvalidScalar(in: text) {
            report(.invalidCharacter(path: expression.path.description, scalar: bad.value), tag: tag)
            return
        }
        if let longest = Self.longestUnbrokenBytes(text, over: Self.unbrokenTextLimit) {
            report(.textTooLarge(path: expression.path.description, bytes: longest), tag: tag)
            return
        }
        guard let element, text.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else {
            MarkupSerializer.appendEscapedText(text, into: &out)
            return
        }
        let prefix = element.firstIndex(of: ":").map { String(element[...$0]) } ?? ""
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).enumerated() {
            if i > 0 { out += "</\(element)><\(prefix)br/><\(element) xml:space=\"preserve\">".utf8 }
            for (j, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if j > 0 { out += "</\(element)><\(prefix)tab/><\(element) xml:space=\"preserve\">".utf8 }
                MarkupSerializer.appendEscapedText(String(cell), into: &out)
            }
        }
    }

    /// The most bytes a value may hold without a line break or tab: it becomes one text node, which must stay under
    /// ``MarkupParser/textNodeLimit`` to be read back; the rest is left for the template's own text beside the tag.
    static let unbrokenTextLimit = 8_000_000

    /// The length in bytes of the longest stretch of `text` without a line break or tab, when it is over `limit`.
    static func longestUnbrokenBytes(_ text: String, over limit: Int) -> Int? {
        guard text.utf8.count > limit else { return nil }
        var longest = 0, current = 0
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x0D || byte == 0x09 { current = 0 } else { current += 1; longest = max(longest, current) }
        }
        return longest > limit ? longest : nil
    }

    private mutating func block(_ block: CompiledBlock) {
        let v = lookup(block.expression.path)
        switch block.kind {
        case .if, .unless:
            guard let filtered = evaluateCondition(block) else { return }
            render(filtered.isTruthy == (block.kind == .if) ? block.body : block.otherwise)
        case .each:
            let path = block.expression.path.description
            switch v {
            case .list(let items):
                if items.isEmpty { render(block.otherwise) }
                for (i, item) in items.enumerated() {
                    if i > 0, let separator = block.expression.separator { MarkupSerializer.appendEscapedText(separator, into: &out) }
                    enter(item, index: i)
                    render(block.body)
                    leave()
                }
            case .null:
                if options.optionalPaths.contains(path) { render(block.otherwise) } else {
                    report(.missingValue(path: path), tag: block.tag)
                }
            default:
                report(.notAList(path: path, kind: v.kind), tag: block.tag)
            }
        }
    }

    private mutating func evaluateCondition(_ block: CompiledBlock) -> TemplateValue? {
        if block.expression.filters.isEmpty { return lookup(block.expression.path) }
        return evaluate(block.expression, tag: block.tag)
    }

    private mutating func guardEnd(_ g: ContainerGuard, close: [UInt8]) {
        let start = guards.removeLast()
        switch g {
        case .cell(let paragraph, let open):
            if !contains(open, from: start) { out += paragraph }
            out += close
        case .table(let rowOpen):
            if contains(rowOpen, from: start) { out += close } else {
                out.removeSubrange(start...)
                while let last = filledParagraphs.last, last.lowerBound >= start { filledParagraphs.removeLast() }
            }
        }
    }

    private func contains(_ needle: [UInt8], from start: Int) -> Bool {
        var i = start
        let end = out.count - needle.count
        while i <= end {
            if out[i] == needle[0] && out[i..<(i + needle.count)].elementsEqual(needle) {
                let after = i + needle.count < out.count ? out[i + needle.count] : 0
                if after == UInt8(ascii: ">") || after == UInt8(ascii: " ") || after == UInt8(ascii: "/") { return true }
            }
            i += 1
        }
        return false
    }
}
