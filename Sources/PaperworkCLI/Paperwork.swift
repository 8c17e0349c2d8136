import ArgumentParser
import PaperworkOOXML

@main
struct Paperwork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paperwork",
        abstract: "填写 Word (.docx) 与 Excel (.xlsx) 模板 — fills Word and Excel templates from case data.",
        version: "0.1.0",
        subcommands: [Fill.self, Batch.self, Validate.self, Init.self, Forms.self, Inspect.self])
}
