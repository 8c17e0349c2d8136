import Foundation
import PaperworkForms
import PaperworkTemplate

// A built-in form: its manifest, its template, and the policy its rules and calculations read.
let catalog = FormCatalog(folder: "Templates")
let form = try catalog.form("rent-reduction-agreement")
let policy = try Policy(contentsOf: catalog.policyPath(for: form))

// Every record is checked before anything is written; each finding names the record, row and field.
let prepared = try CasePreparation.prepare(data: "Samples/rent-reduction-agreement/valid.json", form: form, policy: policy)
for finding in prepared.findings { print(finding.line(.zh)) }

// Each layer throws one error type, so a caller switches over its cases; each renders itself in either language.
do {
    _ = try CasePreparation.prepare(data: "Samples/no-such-file.csv", form: form, policy: policy)
} catch {
    switch error {
    case .caseFile(.unreadable(let file, _)): print("not read: \(file) — \(error.message(.en))")
    case .form(.refused(let problems)): for problem in problems { print(problem.message(.zh)) }
    case .caseFile, .form, .policy, .job, .extract, .template, .package, .output: print(error.message(.zh))
    }
}

// One compiled template, filled once per valid record; each file is written whole or not at all.
let template = try DocxTemplate(contentsOf: form.templatePath)
try FileManager.default.createDirectory(atPath: "out/batch", withIntermediateDirectories: true)
for (number, record) in prepared.cases.enumerated() where record.isValid {
    try template.render(record.value, to: "out/agreement-\(number + 1).docx", overwrite: false,
                        options: RenderOptions(optionalPaths: form.optionalPaths))
}

// Or a batch: every core, file names from the form, nothing written unless every record is valid.
// The landlord's fields are the same for every tenant, so they are set once rather than in each row.
let landlord = ["甲方.名称=北京密云示例国有资产经营有限公司", "甲方.信用代码=91110228MA0030003Y", "甲方.地址=北京市密云区鼓楼东大街18号",
                "甲方.法定代表人=张建国", "甲方.联系电话=010-69043376", "签订日期=2020-05-20"]
let job = FillJob(data: "Samples/rent-reduction-agreement/tenants.csv", template: nil, form: form, policy: policy,
                  options: LoadOptions(settings: landlord))
let summary = try BatchJob(fill: job, outDir: "out/batch").run()
print("\(summary.written.count) documents in out/batch")
