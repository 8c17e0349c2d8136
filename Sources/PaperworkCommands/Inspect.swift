import ArgumentParser
import PaperworkOOXML
import PaperworkTemplate

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出文件的部件、内容类型和大小 — list a file's parts, content types and sizes.")

    @OptionGroup var output: OutputOptions
    @Argument(help: "A .docx or .xlsx file.") var file: String

    func run() throws {
        try output.guarded {
            let package = try OOXMLPackage(contentsOf: file)
            Console.print("\(file)  (\(try package.mainDocumentPart()))")
            for item in package.inventory {
                Console.print("  \(item.part)  \(item.contentType ?? "-")  \(item.size)")
            }
            let found = file.lowercased().hasSuffix(".xlsx") ? try XlsxTemplate.inspect(package) : try DocxTemplate.inspect(package)
            let zh = output.language == .zh
            let tags = found.tags.filter { $0.field == nil }, fields = found.tags.filter { $0.field != nil }
            Console.print(zh ? "标记（\(tags.count) 个）：" : "tags (\(tags.count)):")
            for tag in tags { Console.print("  \(tag.source)  \(tag.place.description(zh))") }
            if !fields.isEmpty {
                Console.print(zh ? "邮件合并域与内容控件（\(fields.count) 个）：" : "mail-merge fields and content controls (\(fields.count)):")
                for tag in fields { Console.print("  \(tag.field ?? "")  →  \(tag.source)  \(tag.place.description(zh))") }
            }
            let warnings = found.problems.filter(\.isWarning)
            if !warnings.isEmpty {
                Console.print(zh ? "警告（\(warnings.count) 个）：" : "warnings (\(warnings.count)):")
                for warning in warnings { Console.print("  " + warning.message(output.language)) }
            }
            let errors = found.problems.filter { !$0.isWarning }
            if !errors.isEmpty {
                throw TemplateProblems(file: file, problems: errors)
            }
        }
    }
}
