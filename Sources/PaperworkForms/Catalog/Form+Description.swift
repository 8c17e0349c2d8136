import PaperworkOOXML

extension Form {
    /// What `paperwork forms show` prints: fields with types and marks, computed values, rules.
    public func description(_ language: Language) -> String {
        let zh = language == .zh
        var lines = ["\(manifest.name)  \(manifest.title)", zh ? "模板：\(templatePath)" : "template: \(templatePath)"]
        lines.append(zh ? "\n字段（* 必填）：" : "\nfields (* required):")
        func add(_ fields: [FieldSpec], indent: String) {
            for f in fields {
                var line = "\(indent)\(f.required ? "*" : " ") \(f.key)  \(f.label)  [\(f.type.shown(unit: f.unit, zh))]"
                if let values = f.values { line += "  " + values.joined(separator: "/") }
                if let min = f.min { line += "  ≥ \(Self.shown(limit: min, f.type))" }
                if let max = f.max { line += "  ≤ \(Self.shown(limit: max, f.type))" }
                if let max = f.maxLength { line += zh ? "  最多 \(max) 字" : "  ≤ \(max) chars" }
                if !f.aliases.isEmpty { line += (zh ? "  别名：" : "  aliases: ") + f.aliases.joined(separator: "、") }
                lines.append(line)
                if let items = f.fields { add(items, indent: indent + "    ") }
            }
        }
        add(manifest.fields, indent: "  ")
        if !manifest.computed.isEmpty {
            lines.append(zh ? "\n计算字段：" : "\ncomputed:")
            func add(_ values: [ComputedSpec], indent: String) {
                for c in values {
                    let expression = c.value.map { " = " + $0.text } ?? c.over.map { (zh ? " 逐项取自 " : " for each of ") + $0.text } ?? ""
                    let when = c.when.map { (zh ? "（当 " : " (when ") + $0.text + (zh ? "）" : ")") } ?? ""
                    lines.append("\(indent)\(c.key)  \(c.label)  [\(c.type.shown(unit: c.unit, zh))]\(c.isInternal ? (zh ? "（内部）" : " (internal)") : "")")
                    if !expression.isEmpty { lines.append(indent + "    " + expression.dropFirst() + when) }
                    add(c.fields, indent: indent + "    ")
                }
            }
            add(manifest.computed, indent: "    ")
        }
        if !manifest.rules.isEmpty {
            lines.append(zh ? "\n规则：" : "\nrules:")
            for r in manifest.rules {
                let test = r.check.map(\.text) ?? r.unique.map { "unique(\($0.text))" } ?? ""
                let scope = r.each.map { (zh ? "（每项 " : " (each ") + $0 + (zh ? "）" : ")") } ?? ""
                let when = r.when.map { (zh ? " 当 " : " when ") + $0.text } ?? ""
                lines.append("    \(r.id)\(scope)  \(test)\(when)  \(zh ? r.message.text : (r.messageEn ?? r.message).text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A `min` or `max` as `forms show` prints it: ratios and percentages as percentages (`24%`), others as written.
    static func shown(limit: String, _ type: FieldType) -> String {
        guard type == .ratio || type == .percent, let n = FieldSpec.limit(limit, type) else { return limit }
        return FieldConverter.percent(n)
    }
}
