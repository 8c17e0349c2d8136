import Foundation
import PaperworkForms
import PaperworkOOXML
import PaperworkTemplate

/// One part of the program that reads outside input, fed arbitrary bytes by libFuzzer (or by the seed corpus
/// in the test suite). Every error met on the way is rendered in both languages, so a message that cannot be
/// built from hostile text crashes here rather than in front of a user.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The tag language: the bytes as a `--name` pattern and as the text of a Word paragraph.
    case tags
    /// A .docx template read, inspected and rendered: a whole package, or the bytes as `word/document.xml`.
    case docx
    /// A .xlsx template read, inspected and rendered: a whole package, or the bytes as the first worksheet.
    case xlsx
    /// Case files of each kind, read and checked against a built-in form.
    case csv, casesXlsx = "cases-xlsx", json, yaml
    /// A form manifest (`form.yaml`) and a policy file.
    case manifest

    /// Runs the target on one input; never throws: errors are expected, crashes are what is looked for.
    public func run(_ input: [UInt8]) {
        switch self {
        case .tags: TagsTarget.run(input)
        case .docx: TemplateTarget.docx(input)
        case .xlsx: TemplateTarget.xlsx(input)
        case .csv: CasesTarget.run(input, ext: "csv")
        case .casesXlsx: CasesTarget.run(input, ext: "xlsx")
        case .json: CasesTarget.run(input, ext: "json")
        case .yaml: CasesTarget.run(input, ext: "yaml")
        case .manifest: ManifestTarget.run(input)
        }
    }
}

/// Renders an error in both languages, as the CLI and the report file would.
package func renderBoth(_ error: any Error) {
    if let failure = error as? any LocalizedFailure {
        for language in Language.allCases { _ = failure.message(language) }
    } else if let problem = error as? TemplateProblem {
        for language in Language.allCases { _ = problem.message(language) }
    } else {
        _ = String(describing: error)
    }
}

/// Renders findings in both languages, with and without a file name.
package func renderBoth(_ findings: [Finding]) {
    for finding in findings {
        for language in Language.allCases { _ = finding.line(language, file: "fuzz.csv") }
    }
}

/// Data every template is rendered with: text, numbers, amounts, dates and a list, under Chinese keys.
package let fuzzData: TemplateValue = .object([
    "乙方": .object(["名称": .string("北京某某科技有限公司"), "统一社会信用代码": .string("91110228MA01ABCD2X")]),
    "金额": .string("12345.67"), "日期": .string("2020-03-01"), "x": .string("a\u{1}b%@%n"),
    "付息记录": .list([.object(["月份": .string("2020-02"), "利息": .string("100.5")]),
                    .object(["月份": .string("2020-03"), "利息": .string("-3")])]),
])
