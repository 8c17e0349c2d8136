import ArgumentParser
import Foundation
import PaperworkForms

struct Pdf: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "用 LibreOffice 把文档转成 PDF — make PDFs of filled documents through LibreOffice.",
        discussion: """
            paperwork pdf 协议.docx 清单.xlsx --out-dir pdf
            与 batch --pdf 相同：缺少模板字体时用 Noto CJK 等免费字体代替，并提示一次。
            The same as batch --pdf: where the template's fonts are missing, free CJK faces stand in, and it says so once.
            """)

    @OptionGroup var output: OutputOptions
    @Argument(help: "文档 .docx or .xlsx files") var files: [String]
    @Option(help: "PDF 输出目录（默认当前目录） folder for the PDFs (default: the current folder)") var outDir: String = "."

    func run() throws {
        let notes = PDFConversion.convert(files, in: outDir)
        for note in notes { output.say(zh: note.message(.zh), en: note.message(.en), toError: true) }
        if notes.contains(where: \.isFailure) { throw ExitCode(ExitStatus.outputFailed) }
    }
}
