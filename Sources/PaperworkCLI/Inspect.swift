import ArgumentParser
import PaperworkOOXML

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "列出文件的部件、内容类型和大小 — list a file's parts, content types and sizes.")

    @OptionGroup var output: OutputOptions
    @Argument(help: "A .docx or .xlsx file.") var file: String

    func run() throws {
        try output.guarded {
            let package = try OOXMLPackage(contentsOf: file)
            print("\(file)  (\(try package.mainDocumentPart()))")
            for item in package.inventory {
                print("  \(item.part)  \(item.contentType ?? "-")  \(item.size)")
            }
        }
    }
}
