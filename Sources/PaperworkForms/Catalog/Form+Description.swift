import PaperworkOOXML

extension Form {
    /// What `paperwork forms show` prints: fields with types and marks, computed values, rules.
    public func description(_ language: Language) -> String {
        let zh = language == .zh
        var lines = ["\(manifest.name)  \(manifest.title)", zh ? "模板：\(templatePath)" : "template: \(templatePath)"]
        if let calculation = manifest.calculation { lines.append((zh ? "政策计算：" : "calculation: ") + calculation) }
        lines.append(zh ? "\n字段（* 必填）：" : "\nfields (* required):")
        func add(_ fields: [FieldSpec], indent: String) {
            for f in fields {
                var line = "\(indent)\(f.required ? "*" : " ") \(f.key)  \(f.label)  [\(zh ? f.type.label : f.type.rawValue)]"
                if let values = f.values { line += "  " + values.joined(separator: "/") }
                if let min = f.min { line += "  ≥ \(min)" }
                if let max = f.max { line += "  ≤ \(max)" }
                if let max = f.maxLength { line += zh ? "  最多 \(max) 字" : "  ≤ \(max) chars" }
                if !f.aliases.isEmpty { line += (zh ? "  别名：" : "  aliases: ") + f.aliases.joined(separator: "、") }
                lines.append(line)
                if let items = f.fields { add(items, indent: indent + "    ") }
            }
        }
        add(manifest.fields, indent: "  ")
        if !manifest.computed.isEmpty {
            lines.append(zh ? "\n计算字段：" : "\ncomputed:")
            for c in manifest.computed { lines.append("    \(c.key)  \(c.label)  [\(zh ? c.type.label : c.type.rawValue)]") }
        }
        if !manifest.rules.isEmpty {
            lines.append(zh ? "\n规则：" : "\nrules:")
            for r in manifest.rules {
                lines.append("    \(r.id)  \(r.left) \(r.op) \(r.right)  \(zh ? r.message : r.messageEn ?? r.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
