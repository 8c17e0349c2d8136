import PaperworkOOXML
import PaperworkTemplate

extension Form {
    /// Resolves a mail-merge field's name through the form's keys, labels and aliases, as spreadsheet
    /// headings are: `承租方名称` and `企业名称` both name `乙方.名称`.
    public var fieldNames: FieldNameResolver {
        var names: [String: String] = [:]
        for spec in manifest.fields {
            for name in [spec.key, spec.label] + spec.aliases where names[name] == nil { names[name] = spec.key }
        }
        let table = names
        return { table[$0.trimmed] }
    }
}
