import PaperworkOOXML

/// Why the data of a document could not be read back.
public enum ExtractError: LocalizedFailure, Equatable {
    /// paperwork's custom XML part is there but is not what paperwork writes.
    case badEmbeddedPart(part: String)
    /// No embedded part, and no form given or named to read the document through.
    case noData(file: String)
    /// The form's template has no row loop to read a list back through.
    case noRowLoop(template: String)
    /// The workbook has no sheet of the name the template's loop is on.
    case sheetMissing(file: String, sheet: String)
    /// An output for extracted data that is not .json, .csv or .xlsx.
    case outputFormat(file: String)
    /// The form named in a document is not the one the command was asked to use.
    case otherForm(file: String, found: String, expected: String)
    /// `--form` given for a document filled from a plain template (its embedded part names no form).
    case plainTemplate(file: String, template: String, expected: String)
    /// No embedded data, and the workbook's heading row is not the template's: made from another template.
    case otherTemplate(file: String, template: String, sheet: String, row: Int, headings: [String])
    /// No embedded data, and not one value of the template could be found in the document's text.
    case nothingVisible(file: String, template: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.badEmbeddedPart(p), .zh): "嵌入数据部件 \(p) 格式不对，无法读取"
        case let (.badEmbeddedPart(p), .en): "the embedded data part \(p) is malformed"
        case let (.noData(f), .zh): "\(f)：没有 paperwork 嵌入的数据，无法读回（可用 --form 按表单的模板读取文件中可见的内容）"
        case let (.noData(f), .en): "\(f): holds no data embedded by paperwork (--form reads what it shows through the form's template)"
        case let (.noRowLoop(t), .zh): "模板 \(t) 没有行循环（{{#each …}}），无法按模板读回清单"
        case let (.noRowLoop(t), .en): "template \(t) has no row loop ({{#each …}}) to read a list back through"
        case let (.sheetMissing(f, s), .zh): "\(f)：没有工作表「\(s)」"
        case let (.sheetMissing(f, s), .en): "\(f): no sheet “\(s)”"
        case let (.outputFormat(f), .zh): "\(f)：导出文件须为 .json、.csv 或 .xlsx"
        case let (.outputFormat(f), .en): "\(f): extracted data is written as .json, .csv or .xlsx"
        case let (.nothingVisible(f, t), .zh): "\(f)：没有嵌入数据，按模板 \(t) 在文件中也找不到任何字段，可能不是用这个模板生成的"
        case let (.nothingVisible(f, t), .en): "\(f): no embedded data, and no field of template \(t) is found in its text; it may not be made from that template"
        case let (.plainTemplate(f, t, expected), .zh): "\(f)：由模板 \(t) 生成（不是表单 \(expected) 的文件）；不加 --form 即可按嵌入的数据读回"
        case let (.plainTemplate(f, t, expected), .en): "\(f): made from template \(t), not by form \(expected); without --form it is read from its embedded data"
        case let (.otherTemplate(f, t, sheet, row, headings), .zh):
            "\(f)：没有嵌入数据，且工作表「\(sheet)」第 \(row) 行不是模板 \(t) 的表头（应为 \(headings.joined(separator: "、"))），不是用这个模板生成的"
        case let (.otherTemplate(f, t, sheet, row, headings), .en):
            "\(f): no embedded data, and row \(row) of sheet “\(sheet)” is not the heading row of template \(t) (\(headings.joined(separator: ", "))): it was not made from that template"
        case let (.otherForm(f, found, expected), .zh): "\(f)：由表单 \(found) 生成，不是 \(expected)"
        case let (.otherForm(f, found, expected), .en): "\(f): made by form \(found), not \(expected)"
        }
    }
}
