import Foundation
import PaperworkOOXML

/// The fonts a document names, for East Asian text and for Latin text: a Word document's defaults, the styles it uses,
/// its runs and theme fonts (not the bullets' fonts of its numbering definitions), a workbook's cell fonts (with its
/// theme's) and rich-text runs.
struct DocumentFonts: Sendable, Equatable {
    var eastAsian: Set<String> = []
    var latin: Set<String> = []

    init(eastAsian: Set<String> = [], latin: Set<String> = []) {
        self.eastAsian = eastAsian
        self.latin = latin
    }

    /// The fonts of the document at `path`; none when it is not a document paperwork can open.
    init(contentsOf path: String) {
        guard let package = try? OOXMLPackage(contentsOf: path) else { return }
        if package.contains("xl/workbook.xml") { readWorkbook(package) } else { readWordDocument(package) }
        eastAsian = eastAsian.filter(Self.isName)
        latin = latin.filter(Self.isName)
    }

    mutating func formUnion(_ other: DocumentFonts) {
        eastAsian.formUnion(other.eastAsian)
        latin.formUnion(other.latin)
    }

    /// A font's name, not a theme reference (`+mn-ea`) or nothing.
    private static func isName(_ name: String) -> Bool { !name.isEmpty && !name.hasPrefix("+") }

    private mutating func readWordDocument(_ package: OOXMLPackage) {
        guard let main = try? package.mainDocumentPart() else { return }
        var parts = [main]
        for kind in ["header", "footer", "footnotes", "endnotes"] {
            parts += (try? package.related(to: main, kind: kind).sorted()) ?? []
        }
        let theme = ThemeFonts(package, (try? package.related(to: main, kind: "theme").first) ?? nil)
        var fonts: [MarkupElement] = []
        var used: Set<String> = []
        for part in parts {
            guard let document = try? package.xml(of: part) else { continue }
            fonts += Self.elements(named: "rFonts", in: document.root)
            for name in ["pStyle", "rStyle", "tblStyle"] {
                used.formUnion(Self.elements(named: name, in: document.root).compactMap { Self.attribute("val", of: $0) })
            }
        }
        if let part = (try? package.related(to: main, kind: "styles").first) ?? nil, let styles = try? package.xml(of: part) {
            fonts += Self.elements(named: "docDefaults", in: styles.root).flatMap { Self.elements(named: "rFonts", in: $0) }
            // The styles the document uses, their defaults and what they are based on; not the unused ones a
            // template carries by the dozen.
            var byID: [String: MarkupElement] = [:]
            for style in styles.root.elements where style.localName == "style" {
                guard let id = Self.attribute("styleId", of: style) else { continue }
                byID[id] = style
                if Self.attribute("default", of: style) == "1" { used.insert(id) }
            }
            var pending = Array(used)
            var seen: Set<String> = []
            while let id = pending.popLast() {
                guard seen.insert(id).inserted, let style = byID[id] else { continue }
                fonts += Self.elements(named: "rFonts", in: style)
                pending += style.elements.filter { $0.localName == "basedOn" || $0.localName == "link" }.compactMap { Self.attribute("val", of: $0) }
            }
        }
        for element in fonts {
            for attribute in element.attributes {
                switch attribute.name.split(separator: ":").last ?? "" {
                case "eastAsia": eastAsian.insert(attribute.value)
                case "ascii", "hAnsi": latin.insert(attribute.value)
                case "eastAsiaTheme": eastAsian.formUnion(theme.eastAsian(attribute.value.hasPrefix("major")))
                case "asciiTheme", "hAnsiTheme": latin.formUnion(theme.latin(attribute.value.hasPrefix("major")))
                default: break
                }
            }
        }
    }

    /// An attribute's value by its local name (`w:val` → `val`).
    private static func attribute(_ local: String, of element: MarkupElement) -> String? {
        element.attributes.first { $0.name.split(separator: ":").last.map(String.init) == local }?.value
    }

    private mutating func readWorkbook(_ package: OOXMLPackage) {
        let workbook = "xl/workbook.xml"
        let theme = ThemeFonts(package, (try? package.related(to: workbook, kind: "theme").first) ?? nil)
        var named: Set<String> = []
        if let styles = (try? package.related(to: workbook, kind: "styles").first) ?? nil, let document = try? package.xml(of: styles) {
            let fonts = Self.elements(named: "fonts", in: document.root).first?.elements.filter { $0.localName == "font" } ?? []
            let xfs = Self.elements(named: "cellXfs", in: document.root).first?.elements ?? []
            let used = Set(xfs.compactMap { xf in xf.attributes.first { $0.name == "fontId" }.flatMap { Int($0.value) } })
            for (i, font) in fonts.enumerated() where used.contains(i) {
                if let scheme = Self.value(of: "scheme", in: font), scheme != "none" {
                    latin.formUnion(theme.latin(scheme == "major"))
                    eastAsian.formUnion(theme.eastAsian(scheme == "major"))
                } else if let name = Self.value(of: "name", in: font) {
                    named.insert(name)
                }
            }
        }
        if let strings = (try? package.related(to: workbook, kind: "sharedStrings").first) ?? nil, let document = try? package.xml(of: strings) {
            for run in Self.elements(named: "rPr", in: document.root) { if let name = Self.value(of: "rFont", in: run) { named.insert(name) } }
        }
        // A cell font serves every script: Chinese names are read as the East Asian font, others as the Latin one.
        for name in named {
            if name.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) || PDFFonts.fallback(for: name) != nil { eastAsian.insert(name) } else { latin.insert(name) }
        }
    }

    /// The `val` of the child with this local name.
    private static func value(of child: String, in element: MarkupElement) -> String? {
        element.elements.first { $0.localName == child }.flatMap { attribute("val", of: $0) }
    }

    static func elements(named name: String, in element: MarkupElement) -> [MarkupElement] {
        element.elements.flatMap { ($0.localName == name ? [$0] : []) + elements(named: name, in: $0) }
    }
}

/// A theme's major (headings) and minor (body) fonts: Latin, East Asian, and the font for simplified Chinese.
private struct ThemeFonts {
    var major = (latin: Set<String>(), eastAsian: Set<String>())
    var minor = (latin: Set<String>(), eastAsian: Set<String>())

    init(_ package: OOXMLPackage, _ part: String?) {
        guard let part, let document = try? package.xml(of: part) else { return }
        for (name, keyPath) in [("majorFont", \ThemeFonts.major), ("minorFont", \ThemeFonts.minor)] {
            guard let fonts = DocumentFonts.elements(named: name, in: document.root).first else { continue }
            for font in fonts.elements {
                let typeface = font.attributes.first { $0.name == "typeface" }?.value ?? ""
                switch font.localName {
                case "latin": self[keyPath: keyPath].latin.insert(typeface)
                case "ea": self[keyPath: keyPath].eastAsian.insert(typeface)
                case "font" where font.attributes.contains { $0.name == "script" && $0.value == "Hans" }: self[keyPath: keyPath].eastAsian.insert(typeface)
                default: break
                }
            }
        }
    }

    func latin(_ isMajor: Bool) -> Set<String> { isMajor ? major.latin : minor.latin }
    func eastAsian(_ isMajor: Bool) -> Set<String> { isMajor ? major.eastAsian : minor.eastAsian }
}
