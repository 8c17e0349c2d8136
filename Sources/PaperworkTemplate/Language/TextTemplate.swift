/// A line of text with value tags, such as a file-name pattern: `{{乙方.名称}}-租金减免补充协议`.
public struct TextTemplate: Sendable {
    private enum Part: Sendable {
        case literal(String)
        case value(TagExpression)
    }

    private let parts: [Part]
    /// The pattern as written.
    public let source: String
    /// The value tags, each with the offset (in Unicode scalars) of its `{{` in the pattern: what a form checks
    /// its fields against.
    public let tags: [(expression: TagExpression, offset: Int)]

    /// Parses the pattern; block tags are not allowed here.
    public init(_ pattern: String) throws(TagSyntaxError) {
        source = pattern
        let scalars = Array(pattern.unicodeScalars)
        var parts: [Part] = []
        var tags: [(expression: TagExpression, offset: Int)] = []
        var cursor = 0
        for item in TagLexer.scan(scalars) {
            parts.append(.literal(String(String.UnicodeScalarView(scalars[cursor..<item.start]))))
            cursor = item.end
            switch item.kind {
            case .escapedBraces: parts.append(.literal("{{"))
            case .tag(.failure(let e), _): throw e
            case .tag(.success(.value(let e)), _):
                for call in e.filters {
                    do { try Filters.check(call) } catch {
                        if case .unknown = error { throw .unknownFilter(call.name) }
                        throw .badFilter(call.name)
                    }
                }
                parts.append(.value(e))
                tags.append((e, item.start))
            case .tag(.success, let source): throw .stray(source)
            }
        }
        parts.append(.literal(String(String.UnicodeScalarView(scalars[cursor...]))))
        self.parts = parts
        self.tags = tags
    }

    /// The text for one record; a missing value or a filter that fails gives an empty piece.
    public func render(_ data: TemplateValue) -> String {
        var out = ""
        let renderer = Renderer(tags: [], data: data, options: RenderOptions(), capacity: 0)
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .value(let e):
                var v = renderer.lookup(e.path)
                for call in e.filters { v = (try? Filters.apply(call, to: v)) ?? .null }
                out += Filters.text(of: v) ?? ""
            }
        }
        return out
    }
}
