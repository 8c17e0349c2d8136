import ArgumentParser
import Foundation
import PaperworkForms
import PaperworkOOXML

/// Options every command shares: the language of messages and `--quiet`.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "消息语言 zh（默认）或 en — language of messages.")
    var language: Language = .zh

    @Flag(name: .shortAndLong, help: "只报告错误 print errors only")
    var quiet = false

    /// The end of a batch: written, kept, skipped, failed, time; exit status 3 when anything failed or it was interrupted.
    func summarize(_ s: BatchSummary) throws {
        if s.invalid > 0 {
            let zh = s.skippedRecords.map { r in "第 \(r.record) 条" + (r.row.map { "（第 \($0) 行）" } ?? "") }
            let en = s.skippedRecords.map { r in "record \(r.record)" + (r.row.map { " (row \($0))" } ?? "") }
            say(zh: "跳过无效记录：" + zh.joined(separator: "、"), en: "invalid records skipped: " + en.joined(separator: ", "), toError: true)
        }
        for failure in s.failed { say(zh: describe(failure.error, failure.file), en: describe(failure.error, failure.file), toError: true) }
        if let folder = s.folderNotFlushed { say(zh: folder.message(.zh), en: folder.message(.en), toError: true) }
        for note in s.pdfNotes { say(zh: note.message(.zh), en: note.message(.en), toError: true) }
        let time = String(format: "%.1f", s.seconds)
        say(zh: "已写出 \(s.written.count) 份，保留已完成 \(s.kept.count) 份，跳过无效记录 \(s.invalid) 条，失败 \(s.failed.count) 份，用时 \(time) 秒"
                + (s.merged.map { "；合并文件 \($0)" } ?? ""),
            en: "written \(s.written.count), kept \(s.kept.count), invalid skipped \(s.invalid), failed \(s.failed.count), \(time) s"
                + (s.merged.map { "; merged file \($0)" } ?? ""))
        if s.interrupted {
            say(zh: "已中断：只留下完整的文件；用 --resume 继续", en: "interrupted: only complete files remain; run again with --resume", toError: true)
        }
        if s.interrupted || !s.failed.isEmpty || s.folderNotFlushed != nil { throw ExitCode(ExitStatus.outputFailed) }
        if s.invalid > 0 { throw ExitCode(ExitStatus.someSkipped) }
    }

    /// A document that failed, in the user's language; an error that names no file is given the document's name.
    func describe(_ error: any Error, _ file: String) -> String {
        let text = (error as? LocalizedFailure)?.message(language) ?? "\(error)"
        if text.hasPrefix(file) { return text }
        return language == .zh ? "写出失败 \(file)：\(text)" : "failed \(file): \(text)"
    }

    /// A line for the user, unless `--quiet`.
    func say(zh: String, en: String, toError: Bool = false) {
        guard !quiet || toError else { return }
        let text = language == .zh ? zh : en
        if toError { Console.error(text) } else { Console.print(text) }
    }

    /// Runs `body`, turning a library failure into one line on standard error and its exit status.
    func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as LocalizedFailure {
            Console.error("paperwork: " + failure.message(language))
            throw ExitCode(ExitStatus.of(failure))
        }
    }
}

extension Language: ExpressibleByArgument {}
