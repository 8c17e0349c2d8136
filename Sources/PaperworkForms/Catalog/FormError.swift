import PaperworkOOXML

/// Why a form could not be found or read.
public enum FormError: LocalizedFailure, Equatable {
    case templatesNotFound
    case unknownForm(String, known: [String])
    case badManifest(file: String, reason: String)
    /// The manifest (or its template) has errors; every problem, with its place.
    case refused([ManifestProblem])

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.templatesNotFound, .zh): "找不到 Templates 目录；请用 --templates 指定，或设置环境变量 PAPERWORK_TEMPLATES"
        case (.templatesNotFound, .en): "cannot find the Templates folder; pass --templates or set PAPERWORK_TEMPLATES"
        case let (.unknownForm(n, k), .zh): "没有名为 \(n) 的表单（可用：\(k.joined(separator: "、"))）"
        case let (.unknownForm(n, k), .en): "no form named \(n) (known: \(k.joined(separator: ", ")))"
        case let (.badManifest(f, r), .zh): "表单说明 \(f) 有误：\(r)"
        case let (.badManifest(f, r), .en): "form manifest \(f) is wrong: \(r)"
        case let (.refused(problems), .zh): "表单有误，不能使用：\n" + problems.map { $0.message(.zh) }.joined(separator: "\n")
        case let (.refused(problems), .en): "the form has errors and cannot be used:\n" + problems.map { $0.message(.en) }.joined(separator: "\n")
        }
    }
}
