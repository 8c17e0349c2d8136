/// The language of user-facing messages: Chinese by default, English behind a flag.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// An error that can explain itself to a user in either language.
public protocol LocalizedFailure: Error {
    /// One line naming the file or part, the place and the problem.
    func message(_ language: Language) -> String
}
