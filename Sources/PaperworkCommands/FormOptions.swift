import ArgumentParser
import PaperworkForms

/// Options that say which form, policy and data settings a command uses.
struct FormOptions: ParsableArguments {
    @Option(help: "内置表单名 built-in form: rent-reduction-agreement, interest-subsidy-application, hr-enterprise-list")
    var form: String?

    @Option(help: "另一个表单目录 a folder of forms of one's own, searched before the built-in Templates folder (found beside the program, or $PAPERWORK_TEMPLATES)")
    var templates: String?

    @Option(help: "政策参数文件 policy file (default: Templates/policy/miyun-2020.yaml)")
    var policy: String?

    @Option(name: .customLong("set"), help: "为每条记录设置字段 set a field on every record: 部门=区商务局")
    var settings: [String] = []

    @Option(help: "读取的工作表 worksheet of an .xlsx data file (default: the first)")
    var sheet: String?

    @Option(help: "CSV 编码 encoding of a CSV file: utf-8, gb18030, gbk (default: detected)")
    var encoding: TextDecoding.Encoding?

    var loadOptions: LoadOptions { LoadOptions(sheet: sheet, encoding: encoding, settings: settings) }

    /// The catalog, the form (by name, or the manifest beside a template) and its policy.
    func resolve(template: String?) throws -> (form: Form?, policy: Policy?) {
        var found: Form?
        if let name = form {
            found = try FormCatalog(folder: templates).form(name)
        } else if let template {
            found = try Form.beside(template: template)
        }
        guard let found else { return (nil, nil) }
        let policyPath = try policy ?? FormCatalog(folder: templates).policyPath(for: found)
        return (found, try Policy(contentsOf: policyPath))
    }
}

extension TextDecoding.Encoding: ExpressibleByArgument {}
