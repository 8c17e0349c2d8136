import PaperworkOOXML

/// Why a form could not be found or read.
public enum FormError: LocalizedFailure, Equatable {
    case templatesNotFound
    /// The Templates folder given (`--templates`) cannot be opened as a folder.
    case unreadableTemplatesFolder(String, cause: SystemError)
    case unknownForm(String, known: [String])
    /// The manifest cannot be read (`cause`) or is not UTF-8 text (`cause` nil).
    case unreadableManifest(file: String, cause: SystemError?)
    /// The manifest (or its template) has errors; every problem, with its place.
    case refused([ManifestProblem])

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.templatesNotFound, .zh): "找不到 Templates 目录；请用 --templates 指定，或设置环境变量 PAPERWORK_TEMPLATES"
        case (.templatesNotFound, .en): "cannot find the Templates folder; pass --templates or set PAPERWORK_TEMPLATES"
        case let (.unreadableTemplatesFolder(f, c), .zh): "模板目录 \(f) 无法打开（\(c.message(.zh))）"
        case let (.unreadableTemplatesFolder(f, c), .en): "the Templates folder \(f) cannot be opened (\(c.message(.en)))"
        case let (.unknownForm(n, k), .zh): "没有名为 \(n) 的表单（可用：\(k.joined(separator: "、"))）"
        case let (.unknownForm(n, k), .en): "no form named \(n) (known: \(k.joined(separator: ", ")))"
        case let (.unreadableManifest(f, c?), .zh): "表单说明 \(f) 无法读取（\(c.message(.zh))）"
        case let (.unreadableManifest(f, c?), .en): "form manifest \(f) cannot be read (\(c.message(.en)))"
        case let (.unreadableManifest(f, nil), .zh): "表单说明 \(f) 不是 UTF-8 编码的文字"
        case let (.unreadableManifest(f, nil), .en): "form manifest \(f) is not UTF-8 text"
        case let (.refused(problems), .zh): "表单有误，不能使用：\n" + problems.map { $0.message(.zh) }.joined(separator: "\n")
        case let (.refused(problems), .en): "the form has errors and cannot be used:\n" + problems.map { $0.message(.en) }.joined(separator: "\n")
        }
    }
}
