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
            Console.print(zh ? "标记（\(found.tags.count) 个）：" : "tags (\(found.tags.count)):")
            for tag in found.tags { Console.print("  \(tag.source)  \(tag.place.description(zh))") }
            if !found.problems.isEmpty {
                throw TemplateProblems(file: file, problems: found.problems)
            }
        }
    }
}
