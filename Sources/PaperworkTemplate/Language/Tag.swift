import Foundation

/// What a value path names: the item itself, a loop counter, or dotted keys.
public enum ValuePath: Sendable, Equatable, CustomStringConvertible {
    /// `{{this}}` — the current item (with `keys`, `this.a.b`).
    case this([FieldKey])
    /// `{{@index}}` — the loop position from 0.
    case index
    /// `{{@number}}` — the loop position from 1, for 序号.
    case number
    /// `{{乙方.名称}}` — keys resolved on the innermost item first, then outward.
    case keys([FieldKey])

    public var description: String {
        switch self {
        case .this(let keys): (["this"] + keys.map(\.text)).joined(separator: ".")
        case .index: "@index"
        case .number: "@number"
        case .keys(let keys): keys.map(\.text).joined(separator: ".")
        }
    }
}

/// A literal argument of a filter: `"yyyy-MM-dd"` or `2`.
public enum FilterArgument: Sendable, Equatable {
    case string(String)
    case number(Decimal)
}

/// One filter of a chain: `percent(1)`.
public struct FilterCall: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public var arguments: [FilterArgument]
    /// The filter the name calls, looked up once: a render applies it to every value without comparing names.
    let filter: FilterName

    public init(name: String, arguments: [FilterArgument]) {
        self.name = name
        self.arguments = arguments
        filter = FilterName(rawValue: name) ?? .unknown
    }

    /// The call as a tag writes it: `date("yyyy年M月d日")`.
    public var description: String {
        guard !arguments.isEmpty else { return name }
        return name + "(" + arguments.map { argument in
            switch argument {
            case .string(let s): "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            case .number(let n): DecimalFormat.plain(n)
            }
        }.joined(separator: ", ") + ")"
    }
}

/// A value with its filters: `金额 | rmb`.
public struct TagExpression: Sendable, Equatable, CustomStringConvertible {
    public var path: ValuePath
    public var filters: [FilterCall]
    /// What an inline `{{#each nums sep="、"}}` writes between items.
    public var separator: String? = nil

    /// The expression as a tag writes it, without braces: `金额 | rmb`.
    public var description: String {
        ([path.description] + filters.map(\.description)).joined(separator: " | ")
    }
}

/// The three kinds of block.
public enum BlockKind: String, Sendable, Equatable {
    case each
    case `if`
    case unless
}

/// A parsed tag.
public enum Tag: Sendable, Equatable {
    case value(TagExpression)
    case open(BlockKind, TagExpression)
    case otherwise
    case close(BlockKind)

    /// True for tags that open, divide or close a block.
    public var isBlockTag: Bool {
        if case .value = self { return false }
        return true
    }
}
