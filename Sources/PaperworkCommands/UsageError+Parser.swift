import ArgumentParser
import Foundation

/// Reading swift-argument-parser's errors into `UsageError`s.
///
/// The parser's error types are not public; its messages are (their wording is fixed by the pinned version
/// and each is covered by a test that runs the binary). An error this program threw itself from `validate()`
/// is found inside the parser's wrapper and kept as it is.
extension UsageError {
    init(parserError error: Error, message: String, arguments: [String]) {
        let quoted = Self.quoted(message)
        let command = CommandPath(arguments: arguments)
        if let unknown = command.unknownSubcommand {
            self = .unknownCommand(unknown, suggestion: command.nearestSubcommand(to: unknown))
        } else if let option = command.firstUnknownOption(in: arguments) {
            self = .unknownOption(option, suggestion: command.nearestOption(to: option))
        } else if let own = Self.find(in: error, depth: 0) {
            self = own
        } else if message.hasPrefix("Unknown option"), let option = quoted.first {
            self = .unknownOption(option, suggestion: quoted.dropFirst().first)
        } else if message.hasPrefix("Missing value for"), let option = quoted.first {
            self = .missingValue(option: Self.optionName(option))
        } else if message.hasPrefix("Missing expected argument") || message.hasPrefix("Missing one of"), !quoted.isEmpty {
            self = .missingArgument(quoted.joined(separator: " | "))
        } else if message.hasPrefix("The value"), quoted.count >= 2 {
            let allowed = message.range(of: "Please provide one of").map { Self.quoted(String(message[$0.upperBound...])) } ?? []
            self = .invalidValue(quoted[0], option: Self.optionName(quoted[1]), allowed: allowed)
        } else if message.hasPrefix("The option"), quoted.count == 2 {
            self = .takesNoValue(option: quoted[0], value: quoted[1])
        } else if message.hasPrefix("Value to be set with"), let option = quoted.first {
            self = .repeated(option: option)
        } else if message.hasPrefix("Unexpected argument") || message.contains("unexpected arguments"), !quoted.isEmpty {
            self = .unexpectedArguments(quoted)
        } else {
            self = .unrecognized(message)
        }
    }

    /// The texts between single quotes, in order.
    static func quoted(_ message: String) -> [String] {
        message.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// `--out <out>` → `--out`.
    static func optionName(_ synopsis: String) -> String {
        String(synopsis.split(separator: " ").first ?? Substring(synopsis))
    }

    /// A `UsageError` thrown by a command's `validate()`, inside the parser's own error values.
    private static func find(in value: Any, depth: Int) -> UsageError? {
        if let own = value as? UsageError { return own }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let own = find(in: child.value, depth: depth + 1) { return own }
        }
        return nil
    }
}

/// The subcommands named at the start of a command line (`forms show`), for the help hint and spelling suggestions.
struct CommandPath {
    private(set) var names: [String] = []
    private(set) var command: ParsableCommand.Type = Paperwork.self
    /// The first argument when it should have named a subcommand but names none.
    private(set) var unknownSubcommand: String?

    init(arguments: [String]) {
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { break }
            guard let next = subcommands.first(where: { $0._commandName == argument }) else {
                unknownSubcommand = argument
                break
            }
            names.append(argument)
            command = next
        }
    }

    /// The long options the command knows, read from its help (which lists every option it takes).
    var options: [String] {
        let help = command.helpMessage(includeHidden: true, columns: 10_000)
        var names: Set<String> = ["--help", "--version"]
        for word in help.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) where word.hasPrefix("--") && word.count > 2 {
            names.insert(String(word))
        }
        return names.sorted()
    }

    /// The first `--word` on the command line that the command does not know. The parser reports a missing
    /// argument before an unknown option, but a misspelt `--ouput` is why `--out` is missing.
    func firstUnknownOption(in arguments: [String]) -> String? {
        let known = Set(options)
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if !known.contains(name) { return name }
        }
        return nil
    }

    /// The known option nearest to a misspelt one, as the parser itself would suggest it.
    func nearestOption(to word: String) -> String? {
        let best = options.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 < 4 else { return nil }
        return best.0
    }

    /// `paperwork forms show --help`.
    var helpCommand: String { (["paperwork"] + names + ["--help"]).joined(separator: " ") }

    /// The subcommand whose name is closest to `word`, when it is close enough to be a slip of the keyboard.
    func nearestSubcommand(to word: String) -> String? {
        let names = command.configuration.subcommands.map { $0._commandName } + ["help"]
        let best = names.map { ($0, editDistance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}

/// Levenshtein distance between two words, by characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
        var current = [i + 1]
        for (j, y) in b.enumerated() {
            current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
        }
        previous = current
    }
    return previous[b.count]
}
