import Foundation

/// A small workbook written from scratch: reports of findings and data-entry sheets.
public struct SimpleWorkbook: Sendable {
    public enum Cell: Sendable {
        case text(String)
        case number(Decimal)
        case empty
    }

    /// How a column is shown and checked.
    public struct Column: Sendable {
        public var width: Double
        /// A number format code (`@` for text, `#,##0.00`, `yyyy-mm-dd`), or nil for General.
        public var format: String?
        /// Allowed values, offered as a drop-down list.
        public var choices: [String]?

        public init(width: Double, format: String? = nil, choices: [String]? = nil) {
            self.width = width
            self.format = format
            self.choices = choices
        }
    }

    public var sheetName: String
    public var columns: [Column]
    /// The first row is the heading row: bold, frozen, repeated on printed pages.
    public var rows: [[Cell]]
    /// Rows (1-based) that are notes: shown in grey italics.
    public var noteRows: Set<Int>
    /// How many rows below the heading the drop-down lists and formats cover.
    public var entryRows: Int
    /// Heights in points of rows (1-based) whose wrapped text needs more than one line: readers keep a
    /// row's default height rather than fit it to text on opening.
    public var rowHeights: [Int: Double]

    public init(sheetName: String, columns: [Column], rows: [[Cell]], noteRows: Set<Int> = [], entryRows: Int = 500,
                rowHeights: [Int: Double] = [:]) {
        self.sheetName = sheetName
        self.columns = columns
        self.rows = rows
        self.noteRows = noteRows
        self.entryRows = entryRows
        self.rowHeights = rowHeights
    }

    /// The .xlsx bytes.
    public func serialized() throws(PackageError) -> [UInt8] {
        let formats = Array(Set(columns.compactMap(\.format))).sorted()
        var entries: [ZipOutputEntry] = [
            .data(name: "[Content_Types].xml", bytes: Array(Self.contentTypes.utf8)),
            .data(name: "_rels/.rels", bytes: Array(Self.rootRels.utf8)),
            .data(name: "xl/workbook.xml", bytes: Array(workbook.utf8)),
            .data(name: "xl/_rels/workbook.xml.rels", bytes: Array(Self.workbookRels.utf8)),
            .data(name: "xl/styles.xml", bytes: Array(styles(formats).utf8)),
        ]
        entries.append(.data(name: "xl/worksheets/sheet1.xml", bytes: sheet(formats)))
        do { return try ZipWriter.archive(entries, copyingFrom: nil) } catch { throw .zip(error) }
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let contentTypes = header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """
    private static let rootRels = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(officeRel)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """
    private static let workbookRels = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(officeRel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\(officeRel)/styles" Target="styles.xml"/></Relationships>
        """

    private var workbook: String {
        var name: [UInt8] = []
        MarkupSerializer.appendEscapedAttribute(sheetName, into: &name)
        let escaped = String(decoding: name, as: UTF8.self)
        let quoted = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
        var titles: [UInt8] = []
        MarkupSerializer.appendEscapedText(quoted + "!$1:$1", into: &titles)
        return Self.header + """
            <workbook xmlns="\(Self.main)" xmlns:r="\(Self.officeRel)"><sheets><sheet name="\(escaped)" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\(String(decoding: titles, as: UTF8.self))</definedName></definedNames></workbook>
            """
    }

    /// Styles: 0 normal, 1 heading, 2 note, then one per number format.
    private func styles(_ formats: [String]) -> String {
        var fmts = ""
        for (i, f) in formats.enumerated() where f != "@" {
            var code: [UInt8] = []
            MarkupSerializer.appendEscapedAttribute(f, into: &code)
            fmts += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(String(decoding: code, as: UTF8.self))\"/>"
        }
        var xfs = "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xfs += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        xfs += "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        for (i, f) in formats.enumerated() {
            let id = f == "@" ? 49 : 164 + i
            xfs += "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        }
        return Self.header + """
            <styleSheet xmlns="\(Self.main)"><numFmts count="\(formats.filter { $0 != "@" }.count)">\(fmts)</numFmts><fonts count="3"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="黑体"/></font><font><i/><sz val="9"/><color rgb="FF666666"/><name val="宋体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="\(3 + formats.count)">\(xfs)</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """
    }

    private func sheet(_ formats: [String]) -> [UInt8] {
        let styleOf = { (c: Int) -> Int in columns[c].format.flatMap { formats.firstIndex(of: $0) }.map { 3 + $0 } ?? 0 }
        var out = Array((Self.header + "<worksheet xmlns=\"\(Self.main)\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>").utf8)
        for (i, c) in columns.enumerated() {
            out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(c.width)\" style=\"\(styleOf(i))\" customWidth=\"1\"/>".utf8
        }
        out += "</cols><sheetData>".utf8
        for (r, row) in rows.enumerated() {
            let number = r + 1
            let height = rowHeights[number].map { " ht=\"\($0)\" customHeight=\"1\"" } ?? ""
            out += "<row r=\"\(number)\"\(height)>".utf8
            for (c, cell) in row.enumerated() {
                let ref = CellReference.columnName(c) + String(number)
                let style = r == 0 ? 1 : noteRows.contains(number) ? 2 : styleOf(c)
                switch cell {
                case .text(let t):
                    out += "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">".utf8
                    MarkupSerializer.appendEscapedText(t, into: &out)
                    out += "</t></is></c>".utf8
                case .number(let n):
                    out += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(n)</v></c>".utf8
                case .empty:
                    out += "<c r=\"\(ref)\" s=\"\(style)\"/>".utf8
                }
            }
            out += "</row>".utf8
        }
        out += "</sheetData>".utf8
        let lists = columns.enumerated().filter { $0.element.choices != nil }
        if !lists.isEmpty {
            out += "<dataValidations count=\"\(lists.count)\">".utf8
            for (i, c) in lists {
                let col = CellReference.columnName(i)
                var formula: [UInt8] = []
                MarkupSerializer.appendEscapedText("\"" + (c.choices ?? []).joined(separator: ",") + "\"", into: &formula)
                out += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(col)2:\(col)\(entryRows + 1)\"><formula1>".utf8
                out += formula
                out += "</formula1></dataValidation>".utf8
            }
            out += "</dataValidations>".utf8
        }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\"/></worksheet>".utf8
        return out
    }
}
