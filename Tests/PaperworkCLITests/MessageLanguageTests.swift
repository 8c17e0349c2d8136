import Foundation
@testable import PaperworkCommands
@testable import PaperworkForms
import PaperworkOOXML
@testable import PaperworkTemplate
import Testing

/// Every error a user can meet, rendered in both languages: no message mixes them.
///
/// The user's own text (file names, field names, values, tags) is quoted as written, so it may be in
/// either script. To check fairly, every sample below is built from the ASCII placeholders in `userText`;
/// the English message must then hold no Chinese at all, and the Chinese message no English word once
/// the placeholders, option names, tags, code points and a short list of names that have no Chinese
/// (JSON, YAML, UTF-8, Office, zip, the filter names…) are taken out.
@Suite struct MessageLanguageTests {
    static let file = "in.csv", part = "word/document.xml", key = "k1", value = "v1", tag = "{{k1}}", sheet = "s1"
    static let userText = [file, part, key, value, tag, sheet, "out.docx", "f1", "f2"]

    static let place = Place(part: part, paragraph: 3, table: 1, row: 2, cell: 3, excerpt: value)

    static var samples: [(String, any LocalizedFailure)] {
        var all: [(String, any LocalizedFailure)] = []
        func add(_ name: String, _ e: any LocalizedFailure) { all.append((name, e)) }
        for op in SystemError.Operation.allCases {
            for code in SystemError.named + [EPIPE] { add("SystemError.\(op).\(code)", SystemError(op, code: code)) }
        }
        let cause = SystemError(.write, code: ENOSPC)
        for e: OutputError in [.exists(path: file), .folderMissing(path: file), .failed(path: file, cause: cause), .notFlushed(path: file, cause: cause),
                               .folderNotFlushed(folder: file, cause: cause), .compressionFailed(path: file)] { add("OutputError.\(e)", e) }
        for e: ZipError in [.notAZip(file: file), .encrypted(file: file, entry: part), .tooManyEntries(file: file, count: 9, limit: 8),
                            .unsafeName(file: file, entry: part), .duplicateName(file: file, entry: part),
                            .unsupportedCompression(file: file, entry: part)] { add("ZipError.\(e)", e) }
        let zipCauses: [ZipCause] = [.checksum, .inconsistent, .truncated, .compressedData, .read, .write, .outOfMemory, .multiDisk,
                                     .unsupported, .shorterThanDeclared, .noSourceArchive, .libzip(code: 99)]
        for cause in zipCauses {
            add("ZipError.damaged.\(cause)", ZipError.damaged(file: file, entry: part, cause: cause))
            add("ZipError.damaged.archive.\(cause)", ZipError.damaged(file: file, entry: nil, cause: cause))
            add("ZipError.writeFailed.\(cause)", ZipError.writeFailed(entry: part, cause: cause))
            add("ZipError.writeFailed.archive.\(cause)", ZipError.writeFailed(entry: nil, cause: cause))
        }
        for limit: ZipBomb in [.entrySize(9), .ratio(200), .totalSize(9)] { add("ZipError.bomb.\(limit)", ZipError.bomb(file: file, entry: part, limit: limit)) }
        // Every libxml2 parser and namespace code, named or not, and the causes found without libxml2.
        let xmlCauses = (1...111).map { XMLCause(domain: 1, code: $0) } + (200...203).map { XMLCause(domain: 3, code: $0) }
            + [.emptyPart, .noRootElement, .outOfMemory, .notWellFormed]
        for cause in Set(xmlCauses) {
            add("XMLError.malformed.\(cause)", XMLError.malformed(part: part, line: 2, column: 3, cause: cause))
            add("XMLError.malformed.noColumn.\(cause)", XMLError.malformed(part: part, line: 2, column: 0, cause: cause))
            add("XMLError.malformed.noPlace.\(cause)", XMLError.malformed(part: part, line: 0, column: 0, cause: cause))
        }
        for e: XMLError in [.doctype(part: part), .tooLarge(part: part)] { add("XMLError.\(e)", e) }
        for e: PackageError in [.unreadable(file: file, cause: SystemError(.open, code: ENOENT)), .notATemplate(file: file),
                                .tooLarge(file: file, bytes: 9), .missingContentTypes(file: file), .missingMainPart(file: file),
                                .missingPart(file: file, part: part), .zip(.notAZip(file: file)), .xml(file: file, .doctype(part: part)),
                                .output(.failed(path: file, cause: cause))] { add("PackageError.\(e)", e) }
        for e: TagSyntaxError in [.unclosed, .empty, .badPath(value), .badFilter(value), .badArgument(value), .unknownBlock(value),
                                  .stray(value), .unknownFilter(value)] { add("TagSyntaxError.\(e)", e) }
        let kinds: [TemplateProblem.Kind] = [
            .syntax(.unclosed, tag: tag), .unknownFilter(value, tag: tag), .unclosedBlock(.each), .unexpectedClose(.if),
            .mismatchedClose(expected: .each, found: .unless), .elseOutsideBlock, .elseNotAlone, .blockAcrossCells, .blockAcrossElements,
            .blocksOverlap, .blockNotAllowed, .nestedRowLoops, .badSheetName(sheet), .tagInTableHeader, .textTooLong(path: key, length: 40_000), .textTooLarge(path: key, bytes: 9_000_000),
            .missingValue(path: key), .invalidCharacter(path: key, scalar: 1), .tagInFieldResult, .separatorNotInline, .partNotFilled,
            .unsupportedField(type: "NEXT", equivalent: tag), .loopItemPrefix(path: key, suggestion: tag), .fieldAcrossParagraphs,
        ] + [FilterExpectation.amountInRange, .number, .date].map { .wrongKind(path: key, filter: "rmb", value: value, expected: $0) }
            + [FilterExpectation.decimalPlaces(filter: "number"), .datePattern, .numberPicture, .defaultText, .noArguments(filter: "rmb")]
            .map { .badFilterArguments(filter: "number", expected: $0, tag: tag) }
            + [ValueKind.null, .boolean, .number, .text, .list, .object].flatMap { [.notText(path: key, kind: $0), .notAList(path: key, kind: $0)] }
        for kind in kinds { add("TemplateProblem.\(kind)", TemplateProblems(file: file, problems: [TemplateProblem(kind: kind, place: place)])) }
        let syntax: [SyntaxProblem.Kind] = [.unexpected(value), .unexpectedEnd, .unclosedQuote, .controlCharacter(1), .notUTF8,
                                            .structure(detail: "mapping values are not allowed in this context")]
        for format in [SyntaxProblem.Format.json, .yaml, .csv] {
            for kind in syntax { add("CaseFileError.malformed.\(format).\(kind)", CaseFileError.malformed(file: file, SyntaxProblem(format, kind, line: 2, column: 3))) }
        }
        for e: CaseFileError in [.unreadable(file: file, cause: SystemError(.open, code: EACCES)), .unsupportedFormat(file: file), .empty(file: file),
                                 .encoding(file: file, given: nil, line: nil), .encoding(file: file, given: .utf8, line: 4),
                                 .encoding(file: file, given: .gb18030, line: nil), .duplicateHeader(file: file, column: "C", heading: value),
                                 .noSheet(file: file, sheet: sheet, known: [sheet]), .badSetting(value)] { add("CaseFileError.\(e)", e) }
        for e: PolicyError in [.unreadable(file: file, cause: .unreadable(file: file, cause: SystemError(.open, code: ENOENT))),
                               .unreadable(file: file, cause: .malformed(file: file, SyntaxProblem(.yaml, .unexpectedEnd, line: 1, column: 1)))] {
            add("PolicyError.\(e)", e)
        }
        for e: FormError in [.templatesNotFound, .unknownForm("f1", known: ["f2"]), .unreadableManifest(file: file, cause: SystemError(.open, code: ENOENT)),
                             .unreadableManifest(file: file, cause: nil)] { add("FormError.\(e)", e) }
        let manifest: [ManifestProblem.Kind] = [.yaml("mapping values are not allowed in this context"), .unknownKey(key, known: [key]),
                                                .missingKey(key), .duplicateKey(key), .unknownType(value, known: [value]), .badLimit(key: key, value: value),
                                                .duplicateField(key), .circular([key, key]), .tagNotProvided(tag), .nameTagNotProvided(tag), .unusedField(key)]
            + ManifestProblem.Expectation.allCases.map { .notA(expected: $0, key: key) }
            + expressionProblems.map { .expression(ExpressionError($0, at: 0), key: key) }
            + [TagSyntaxError.unclosed, .badPath(value), .unknownFilter(value)].map { .tagSyntax($0, key: key) }
            + valueTypes.flatMap { declared in valueTypes.map { .wrongType(key: key, declared: declared, computed: $0) } }
        for kind in manifest { add("ManifestProblem.\(kind)", FormError.refused([ManifestProblem(.error, kind, file: file, line: 2, column: 3)])) }
        for e: JobError in [.oneCaseExpected(file: file, count: 2), .noTemplate, .reportFormat(file: file), .listFormInBatch(form: "f1"), .noOutput] {
            add("JobError.\(e)", e)
        }
        for e: UsageError in [.unknownOption("--ouput", suggestion: "--out"), .unknownOption("--x", suggestion: nil), .unknownCommand("f1", suggestion: "f2"),
                              .unexpectedArguments([value]), .missingArgument("--out <out>"), .missingValue(option: "--out"),
                              .invalidValue(value, option: "--lang", allowed: ["zh", "en"]), .invalidValue(value, option: "--jobs", allowed: []),
                              .takesNoValue(option: "--force", value: value), .repeated(option: "--out"), .needsTemplateAndData, .needsData,
                              .needsOutput, .needsForm, .badPattern(option: "--name", pattern: tag, cause: .unknownFilter(value))] {
            add("UsageError.\(e)", e)
        }
        return all
    }

    static let valueTypes: [ValueType] = [.number(.bare), .number(.ratio), .number(.count("f1")), .number(.measure("f2")), .text, .bool, .date,
                                            .list(.number(.bare)), .list(.list(.date)), .record([:]), .map(.text), .any]

    /// Every problem an expression of a manifest can have, with every expectation and every type.
    static var expressionProblems: [ExpressionError.Problem] {
        let expectations: [ExpressionError.Expectation] = valueTypes.map { .type($0) }
            + [.numberOrDate, .list, .listOrTable, .listOrItems, .operatorOrEnd, .valueFieldOrFunction, .fieldName, .token(")")]
        let fixed: [ExpressionError.Problem] = [
            .unknownOperator("=>"), .badNumber(value), .badDate(value), .unterminatedText, .unknownFunction(value, known: ["sum", "round"]),
            .arity(function: "sum", expected: 1...1, found: 2), .arity(function: "min", expected: 2...99, found: 1), .unknownField(key),
            .unknownPolicyKey(key), .notAList(key), .itemOutsideList(key), .twoLists(key, key), .notComputedYet(key), .badMode(value),
            .badPlaces(function: "round", found: value), .units(context: "+", .measure("f1"), .count("f2")), .units(context: "+", .ratio, .count(nil)),
        ]
        return fixed + expectations.flatMap { [.unexpected(found: value, expected: $0), .unexpected(found: nil, expected: $0)] }
            + expectations.flatMap { e in valueTypes.flatMap { [.typeMismatch(context: "if", expected: e, found: $0), .typeMismatch(context: "+", expected: e, found: $0)] } }
    }

    /// Words that are names in both languages: formats, encodings, programs, the tag language's filter names,
    /// the values of `--lang`.
    static let names = Set<String>(["JSON", "YAML", "CSV", "XML", "UTF", "GB18030", "GBK", "Office", "zip", "DOCTYPE", "Content_Types",
                                     "rels", "officeDocument", "Templates", "PAPERWORK_TEMPLATES", "fill", "batch", "Word", "Excel",
                                     "NEXT", "yyyy", "MM", "dd", "utf", "GB", "gb", "sep", "else", "each", "if", "unless",
                                     "_rels", "SmartArt", "zh", "en", "true", "false", "CDATA"])
        .union(["rmb", "rmb_upper", "number", "percent", "date", "date_upper", "check", "default", "format", "upper", "lower", "caps", "first_cap", "wrap"])
        // The manifest expression language: its functions, operators, rounding modes.
        .union(["sum", "count", "any", "all", "min", "max", "join", "round", "and", "or", "not", "in", "up", "down", "plain"])

    static func hasChinese(_ s: String) -> Bool {
        s.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xFF01...0xFF5E).contains($0.value) || (0x3001...0x3011).contains($0.value) }
    }

    /// The English words left in a Chinese message once the user's text and the shared names are taken out.
    static func englishWords(in message: String) -> [String] {
        var rest = message
        for text in userText.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: text, with: " ") }
        for pattern in [#"--[a-z-]+"#, #"<[a-z-]+>"#, #"\{\{[^}]*\}\}"#, #"U\+[0-9A-F]{4,}"#, #"\.[a-z]{3,4}\b"#] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = rest.split { !($0.isASCII && ($0.isLetter || $0 == "_")) }.map(String.init)
        return words.filter { $0.count > 1 && !names.contains($0) }
    }

    @Test func everySampleIsRenderedWithoutTheOtherLanguage() {
        let samples = Self.samples
        #expect(samples.count > 150)
        for (name, error) in samples {
            let zh = error.message(.zh), en = error.message(.en)
            #expect(Self.hasChinese(zh), "\(name) has no Chinese: \(zh)")
            #expect(Self.englishWords(in: zh).isEmpty, "\(name) in Chinese holds \(Self.englishWords(in: zh)): \(zh)")
            #expect(!Self.hasChinese(en), "\(name) in English holds Chinese: \(en)")
            #expect(zh != en)
        }
    }

    @Test func theCheckCatchesMixedMessages() {
        #expect(Self.englishWords(in: "in.csv：无法读取（no such file）") == ["no", "such", "file"])
        #expect(Self.englishWords(in: "in.csv 第 2 行：--encoding utf-8「v1」{{k1}} U+0001 JSON").isEmpty)
        #expect(Self.hasChinese("in.csv: needs 数字"))
        #expect(!Self.hasChinese("in.csv: “v1” is not valid"))
    }
}
