import Foundation
import PaperworkOOXML
import PaperworkTemplate
import Synchronization

/// Stops a batch between documents: documents in progress finish, none is left half-written.
public final class BatchCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .releasing) }

    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }
}

/// What a batch did.
public struct BatchSummary: Sendable {
    public var prepared: PreparedCases
    /// Files written, in record order.
    public var written: [String] = []
    /// Files already complete from an earlier run (`--resume`).
    public var kept: [String] = []
    /// Records left out because they were invalid (`--skip-invalid`).
    public var invalid: Int { skippedRecords.count }
    /// The records left out as invalid: their number from 1, and their row in the data file.
    public var skippedRecords: [(record: Int, row: Int?)] = []
    /// Documents that could not be written, with the error (rendered by the caller, in the user's language).
    public var failed: [(file: String, error: any Error)] = []
    /// The output folder's new names could not be flushed to disk after the documents were moved into place.
    public var folderNotFlushed: OutputError?
    public var merged: String?
    /// What the user should know about the PDFs (`--pdf`): not made, or made with stand-in fonts.
    public var pdfNotes: [PDFNote] = []
    public var interrupted = false
    public var seconds = 0.0
}

/// One document per record, on every core; the same files, byte for byte, whatever the core count.
public struct BatchJob: Sendable {
    public var fill: FillJob
    public var outDir: String?
    public var namePattern: String?
    public var merge: String?
    public var overwrite = false
    public var resume = false
    public var skipInvalid = false
    public var pdf = false
    /// Worker threads; all cores when 0.
    public var jobs = 0
    /// Documents written before each flush of the file system: one `syncfs` per group instead of one `fsync` per file.
    static let group = 32
    /// The most bytes of rendered Word documents kept from checking every record to writing them (about 1,500
    /// two-page letters): a batch up to that size renders each document once; beyond it, the rest twice.
    public var heldBytes = 48 << 20

    public init(fill: FillJob, outDir: String?) {
        self.fill = fill
        self.outDir = outDir
    }

    /// Checks the outputs' places, validates and renders every record in memory, and only then writes.
    /// Throws what stops the whole batch (a form, the data file, the template, an output's place); a document
    /// that cannot be written is in the summary's `failed`.
    public func run(cancel: BatchCancellation = BatchCancellation(),
                    progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) throws(PaperworkError) -> BatchSummary {
        do { return try runBatch(cancel: cancel, progress: progress) } catch { throw .wrap(error) }
    }

    private func runBatch(cancel: BatchCancellation, progress: @escaping @Sendable (Int, Int) -> Void) throws -> BatchSummary {
        let start = Date()
        guard outDir != nil || merge != nil else { throw JobError.noOutput }
        if let form = fill.form, form.manifest.kind == .list { throw JobError.listFormInBatch(form: form.manifest.name) }
        let template = try fill.openTemplate()
        try checkOutputs(template)
        var prepared = try fill.prepare(template)
        let options = fill.renderOptions
        var filling = template, embedding = outDir == nil ? nil : fill.embedding(for: template, templatePath: fill.templatePath ?? "")
        if let each = embedding { (filling, embedding) = try each.preparing(template) }
        // Word documents checked by rendering them whole are kept (while they fit) for the writing below.
        var held: [Int: OOXMLPackage] = [:]
        if case .docx = template {
            held = try TemplateCheck.render(&prepared.cases, template: filling, options: options, jobs: jobs, keepingUpTo: heldBytes)
        } else {
            try TemplateCheck.check(&prepared.cases, template: template, options: options, jobs: jobs)
        }
        var summary = BatchSummary(prepared: prepared)
        if prepared.hasErrors && !skipInvalid { return summary }
        let valid = prepared.cases.indices.filter { prepared.cases[$0].isValid }
        let cases = valid.map { prepared.cases[$0] }
        summary.skippedRecords = prepared.cases.enumerated().filter { !$0.element.isValid }
            .map { (record: $0.offset + 1, row: $0.element.row ?? $0.element.findings.first?.row) }
        // The print file's documents are handed to the joiner as they are rendered, on every core.
        let joiner = try merge.map { _ in try DocxMerger.Joiner(count: cases.count) }
        var work: [(index: Int, path: String?)] = []
        if let outDir {
            // Named among all the records, so that a record keeps its name whether or not others were skipped.
            let named = try self.targets(for: prepared.cases, template: template, in: outDir)
            let targets = valid.map { named[$0] }
            for (i, target) in targets.enumerated() {
                if FileManager.default.fileExists(atPath: target) {
                    if resume { summary.kept.append(target); if joiner != nil { work.append((i, nil)) }; continue }
                    if !overwrite { throw OutputError.exists(path: target) }
                }
                work.append((i, target))
            }
            try OutputPlace.makeFolder(outDir)
            if resume { AtomicFile.removeLeftovers(in: outDir) }
        } else {
            work = cases.indices.map { ($0, nil) }
        }
        let (results, mergeFailure) = try write(work.map { (cases[$0.index].value, held[valid[$0.index]], $0.index, $0.path) }, template: filling, options: options,
                                                embedding: embedding, joiner: joiner, cancel: cancel, progress: progress)
        if let outDir {
            do throws(OutputError) { try AtomicFile.syncFolder(outDir) } catch { summary.folderNotFlushed = error }
            for (item, result) in zip(work, results) {
                guard let path = item.path else { continue }
                switch result {
                case .none: summary.interrupted = true
                case .some(.success): summary.written.append(path)
                case .some(.failure(let error)): summary.failed.append((path, error))
                }
            }
            if pdf { summary.pdfNotes = PDFConversion.convert(Self.missingPDFs(summary.written + summary.kept), in: outDir) }
        }
        if let merge, let joiner, !cancel.isCancelled {
            if let mergeFailure { throw mergeFailure }
            if var merged = try joiner.finish() {
                try merged.removeCustomXMLParts(namespace: EmbeddedCase.namespace)  // the print file holds no one case
                try OutputPlace.makeFolder(holding: merge)
                try merged.write(to: merge, overwrite: replacesMerge(merge))
                summary.merged = merge
                if pdf {
                    let notes = PDFConversion.convert([merge], in: URL(fileURLWithPath: merge).deletingLastPathComponent().path)
                    summary.pdfNotes += notes.filter { !summary.pdfNotes.contains($0) }  // a font note once, not once per conversion
                }
            }
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Everything about the outputs that can be known before a record is read: the folder, the merge file.
    private func checkOutputs(_ template: DocumentTemplate) throws {
        if let outDir { try OutputPlace.checkFolder(outDir) }
        if let merge {
            guard case .docx = template else { throw JobError.mergeNeedsWord(template: fill.templatePath ?? merge) }
            try OutputPlace.checkFile(merge, extensions: ["docx"], overwrite: replacesMerge(merge))
        }
    }

    /// True when the print file may be replaced: with `--force`, or with `--resume` when the file there is a Word
    /// document (the print file of the run being resumed, made again from every record); anything else is kept.
    private func replacesMerge(_ path: String) -> Bool {
        overwrite || (resume && (try? OOXMLPackage(contentsOf: path).mainDocumentPart()) == "word/document.xml")
    }

    /// The documents whose PDF is not there yet (after `--resume`, those of the kept documents that lack one).
    static func missingPDFs(_ documents: [String]) -> [String] {
        documents.filter { !FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0).deletingPathExtension().path + ".pdf") }
    }

    /// The output path of every case: the name pattern made safe and unique.
    /// Without a pattern (a plain template and no `--name`), the data file's name and the record's number:
    /// `名单-001`, `名单-002`, … (zero-padded, so that they sort in order).
    func targets(for cases: [ValidatedCase], template: DocumentTemplate, in folder: String) throws -> [String] {
        let raw: [String]
        if let pattern = try (namePattern ?? fill.form?.manifest.outputName).map(TextTemplate.init) {
            raw = cases.map { pattern.render($0.value) }
        } else {
            let stem = URL(fileURLWithPath: fill.data).deletingPathExtension().lastPathComponent
            let width = String(cases.count).count
            raw = cases.indices.map { i in
                let number = String(i + 1)
                return stem + "-" + String(repeating: "0", count: width - number.count) + number
            }
        }
        let names = FileNames.unique(raw.map(FileNames.safe), fileExtension: template.fileExtension)
        return names.map { folder + "/" + $0 }
    }

    /// Renders (unless the check kept it rendered) and writes documents on every core, handing each to the print
    /// file's `joiner` as it is rendered; a document without a path is rendered for the joiner only. Returns each document's result (nil for those not
    /// started because of cancellation), and the first error that kept a document from the joiner.
    private func write(_ work: [(value: TemplateValue, rendered: OOXMLPackage?, index: Int, path: String?)], template: DocumentTemplate, options: RenderOptions,
                       embedding: CaseEmbedding?, joiner: DocxMerger.Joiner?, cancel: BatchCancellation,
                       progress: @escaping @Sendable (Int, Int) -> Void) throws -> ([Result<Void, Error>?], Error?) {
        let workers = max(1, min(jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount, work.count))
        let copies = try (0..<workers).map { _ in try template.independentCopy() }
        let results = ResultBox(count: work.count)
        let mergeFailure = FirstFailure()
        let folder = outDir ?? "."
        progress(0, work.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var staged: [(index: Int, file: AtomicFile.Staged)] = []
            /// One flush for the group; when it fails, none of the group is moved into place.
            func commitStaged() {
                guard !staged.isEmpty else { return }
                var flushError: SystemError?
                do throws(SystemError) { try AtomicFile.flushFileSystem(of: folder) } catch { flushError = error }
                for (i, file) in staged {
                    if let flushError {
                        AtomicFile.discard(file)
                        results.set(i, .failure(OutputError.notFlushed(path: file.path, cause: flushError)))
                    } else {
                        do { try AtomicFile.commit(file, overwrite: overwrite); results.set(i, .success(())) } catch { results.set(i, .failure(error)) }
                    }
                    progress(results.done, work.count)
                }
                staged.removeAll()
            }
            var i = worker
            while i < work.count && !cancel.isCancelled {
                let (value, held, index, path) = work[i]
                var joined = joiner == nil
                do {
                    let rendered = try held ?? copies[worker].render(value, options: options)
                    try joiner?.add(rendered, at: index)
                    joined = true
                    if let path {
                        var filled = rendered
                        try embedding?.embed(value, into: &filled)
                        staged.append((i, try AtomicFile.stage(try filled.serialized(), for: path, overwrite: overwrite, flush: false)))
                    } else {
                        results.set(i, .success(()))
                        progress(results.done, work.count)
                    }
                } catch {
                    if !joined {
                        mergeFailure.record(error, at: index)
                        joiner?.abandon()  // the print file cannot be made: hold none of the documents after this one
                    }
                    results.set(i, .failure(error))
                }
                if staged.count >= Self.group { commitStaged() }
                i += workers
            }
            commitStaged()
        }
        return (results.values, mergeFailure.error)
    }
}

/// Results filled in by several threads.
private final class ResultBox: Sendable {
    private let state: Mutex<(storage: [Result<Void, Error>?], count: Int)>

    init(count: Int) { state = Mutex((Array(repeating: nil, count: count), 0)) }

    func set(_ i: Int, _ r: Result<Void, Error>) {
        state.withLock {
            $0.storage[i] = r
            $0.count += 1
        }
    }

    var done: Int { state.withLock { $0.count } }
    var values: [Result<Void, Error>?] { state.withLock { $0.storage } }
}

/// The error of the first document (in record order) that failed, filled in by several threads.
private final class FirstFailure: Sendable {
    private let state = Mutex<(index: Int, error: Error)?>(nil)

    func record(_ error: Error, at index: Int) {
        state.withLock { if $0 == nil || index < $0!.index { $0 = (index, error) } }
    }

    var error: Error? { state.withLock { $0?.error } }
}
