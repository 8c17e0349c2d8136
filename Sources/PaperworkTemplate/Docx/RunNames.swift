/// The qualified names and markup that the run splitter of `JoinedRunLanguage` reads and writes, with a part's
/// WordprocessingML prefix, made once: they are compared and written for every split run of every document.
struct RunNames: Sendable {
    let prefix: [UInt8]
    /// `w:` — the start of every qualified name in the WordprocessingML namespace.
    let qualifying: [UInt8]
    let run, properties, text, language: [UInt8]
    /// `w:eastAsia="en-US"`, and ` w:eastAsia=` as it starts in a tag.
    let eastAsia, eastAsiaKey: [UInt8]
    /// `<w:lang w:eastAsia="en-US"/>`, and run properties holding only it.
    let languageElement, propertiesWithLanguage: [UInt8]
    /// `<w:t xml:space="preserve">`: the start of a piece of a split text element.
    let textOpen: [UInt8]
    /// Elements that ECMA-376 puts after `w:lang` in a run's properties (the schema's sequence; other namespaces' last).
    let afterLanguage: [[UInt8]]

    /// The names with the prefix almost every part uses.
    static let word = RunNames(prefix: Array("w".utf8))

    static func with(prefix: [UInt8]) -> RunNames { prefix == word.prefix ? word : RunNames(prefix: prefix) }

    init(prefix: [UInt8]) {
        self.prefix = prefix
        qualifying = prefix + [UInt8(ascii: ":")]
        func name(_ local: String) -> [UInt8] { prefix + Array((":" + local).utf8) }
        run = name("r")
        properties = name("rPr")
        text = name("t")
        language = name("lang")
        eastAsia = name("eastAsia") + Array("=\"\(JoinedRunLanguage.eastAsia)\"".utf8)
        eastAsiaKey = [UInt8(ascii: " ")] + name("eastAsia") + [UInt8(ascii: "=")]
        languageElement = [UInt8(ascii: "<")] + language + [UInt8(ascii: " ")] + eastAsia + Array("/>".utf8)
        propertiesWithLanguage = [UInt8(ascii: "<")] + properties + [UInt8(ascii: ">")] + languageElement + Array("</".utf8) + properties + [UInt8(ascii: ">")]
        textOpen = [UInt8(ascii: "<")] + text + Array(" xml:space=\"preserve\">".utf8)
        afterLanguage = ["eastAsianLayout", "specVanish", "oMath", "rPrChange"].map(name)
    }
}
