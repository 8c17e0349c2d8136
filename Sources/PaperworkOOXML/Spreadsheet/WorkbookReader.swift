import CLibXML2
import Foundation

/// Reads the cells of a workbook's sheets, row by row, without building the sheet's tree.
public struct WorkbookReader: Sendable {
    public let package: OOXMLPackage
    /// Sheet names and their parts, in workbook order.
    public let sheets: [(name: String, part: String)]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    public init(_ package: OOXMLPackage) throws(PackageError) {
        self.package = package
        let book = try package.mainDocumentPart()
        let rels = try package.relationships(of: book)
        let workbook = try package.xml(of: book)
        var sheets: [(String, String)] = []
        for element in workbook.root.elements where element.localName == "sheets" {
            for sheet in element.elements where sheet.localName == "sheet" {
                guard let name = sheet[attribute: "name"],
                      let id = sheet.attributes.first(where: { $0.name.hasSuffix(":id") })?.value,
                      let part = rels.first(where: { $0.id == id })?.targetPart, package.contains(part) else { continue }
                sheets.append((name, part))
            }
        }
        self.sheets = sheets
        if let part = rels.first(where: { $0.kind == "sharedStrings" })?.targetPart, package.contains(part) {
            sharedStrings = try package.xml(of: part).root.elements.filter { $0.localName == "si" }.map(Self.plainText)
        } else {
            sharedStrings = []
        }
        if let part = rels.first(where: { $0.kind == "styles" })?.targetPart, package.contains(part) {
            dateStyles = Self.dateStyles(try package.xml(of: part))
        } else {
            dateStyles = []
        }
    }

    /// Calls `body` with each non-empty row of a sheet, in order. The sheet is inflated from the file as it
    /// is read: memory does not grow with its rows.
    public func rows(ofSheet part: String, _ body: (SheetRow) throws -> Void) throws {
        try package.withTextReader(of: part) { reader in try read(reader, part: part, body) }
    }

    private func read(_ reader: OpaquePointer, part: String, _ body: (SheetRow) throws -> Void) throws {
        var errors = XMLErrorRecord()
        let failed = try XMLErrorRecord.recording(into: &errors) { try readRows(reader, part: part, body) }
        if failed {
            throw PackageError.xml(file: package.label, errors.error(part: part, line: Int(xmlTextReaderGetParserLineNumber(reader))))
        }
    }

    /// Reads the rows; true when libxml2 stopped on an error.
    private func readRows(_ reader: OpaquePointer, part: String, _ body: (SheetRow) throws -> Void) throws -> Bool {
        var row = SheetRow(number: 0, cells: [:])
        var nextRow = 1
        var cell: (column: Int, type: String, style: Int)? = nil
        var nextColumn = 0
        var text = ""
        var inValue = false, inInline = false
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            guard status == 1 else { return true }
            let type = xmlTextReaderNodeType(reader)
            if type == 10 { throw PackageError.xml(file: package.label, .doctype(part: part)) }
            let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
            switch (type, name) {
            case (1, "row"):
                let number = Self.attribute(reader, "r").flatMap(Int.init) ?? nextRow
                row = SheetRow(number: number, cells: [:])
                nextRow = number + 1
                nextColumn = 0
                if xmlTextReaderIsEmptyElement(reader) == 1 { row.number = 0 }
            case (15, "row"):
                if !row.cells.isEmpty { try body(row) }
                row.cells = [:]
            case (1, "c"):
                let column = Self.attribute(reader, "r").flatMap(CellReference.parse)?.column ?? nextColumn
                nextColumn = column + 1
                cell = (column, Self.attribute(reader, "t") ?? "n", Self.attribute(reader, "s").flatMap(Int.init) ?? 0)
                text = ""
                if xmlTextReaderIsEmptyElement(reader) == 1 { cell = nil }
            case (1, "v"):
                inValue = true
            case (15, "v"):
                inValue = false
            case (1, "is"):
                inInline = true
            case (15, "is"):
                inInline = false
            case (3, _), (4, _), (14, _):
                if inValue || inInline, let value = xmlTextReaderConstValue(reader) { text += String(cString: value) }
            case (15, "c"):
                if let c = cell, let value = value(of: c.type, style: c.style, text: text) { row.cells[c.column] = value }
                cell = nil
            default:
                break
            }
        }
        return false
    }

    private func value(of type: String, style: Int, text: String) -> CellValue? {
        switch type {
        case "s":
            guard let i = Int(text), i >= 0, i < sharedStrings.count else { return nil }
            return sharedStrings[i].isEmpty ? nil : .text(sharedStrings[i])
        case "inlineStr", "str":
            return text.isEmpty ? nil : .text(text)
        case "b":
            return .bool(text == "1")
        case "e":
            return .error(text)
        default:
            guard !text.isEmpty else { return nil }
            guard let n = Decimal(string: text, locale: .posix) else { return .text(text) }
            return .number(n, isDate: dateStyles.contains(style))
        }
    }

    private static func attribute(_ reader: OpaquePointer, _ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { paperwork_xml_free(value) }
        return String(cString: value)
    }

    /// The text of a shared string, rich-text runs joined, phonetic runs left out.
    public static func plainText(_ si: MarkupElement) -> String {
        var out = ""
        for child in si.elements {
            switch child.localName {
            case "t": out += child.textContent
            case "r": out += child.elements.filter { $0.localName == "t" }.map(\.textContent).joined()
            default: break
            }
        }
        return out
    }

    /// Indexes of cell formats (`cellXfs`) that show numbers as dates.
    public static func dateStyles(_ styles: MarkupDocument) -> Set<Int> {
        var dateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)
        for section in styles.root.elements where section.localName == "numFmts" {
            for f in section.elements {
                guard let id = f[attribute: "numFmtId"].flatMap(Int.init), let code = f[attribute: "formatCode"] else { continue }
                if isDateFormat(code) { dateFormats.insert(id) } else { dateFormats.remove(id) }
            }
        }
        var result: Set<Int> = []
        for section in styles.root.elements where section.localName == "cellXfs" {
            for (i, xf) in section.elements.enumerated() {
                if let id = xf[attribute: "numFmtId"].flatMap(Int.init), dateFormats.contains(id) { result.insert(i) }
            }
        }
        return result
    }

    /// True when a format code shows a date: `y`, `m` with `d`, or 年/月/日 outside quotes and brackets.
    static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var quoted = false, bracket = false
        for c in code {
            if c == "\"" { quoted.toggle(); continue }
            if quoted { if "年月日".contains(c) { plain.append(c) }; continue }
            if c == "[" { bracket = true; continue }
            if c == "]" { bracket = false; continue }
            if !bracket { plain.append(c) }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || (lower.contains("d") && lower.contains("m")) || plain.contains("年") || plain.contains("日")
    }
}
