import Foundation
import PaperworkTemplate

/// (十三): revenue decline, training and temporary-post subsidies, list totals, duplicate codes, batches.
struct HRList: Calculation {
    func apply(to v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        let minDecline = try policy.decimal("hr.revenue_decline_min")
        let unitMinutes = try policy.decimal("hr.training.unit_minutes")
        let unitAmount = try policy.decimal("hr.training.unit_amount")
        let maxUnits = try policy.decimal("hr.training.max_units")
        let perPerson = try policy.decimal("hr.temporary_post_per_person")
        guard case .list(var items) = v.take(at: ["企业"]) else { return }
        var totals: [String: Decimal] = [:]
        var seen: [String: Int] = [:]
        for i in items.indices {
            var item = items[i]
            items[i] = .null
            if case .string(let code)? = item["信用代码"] {
                if let first = seen[code] {
                    let where0 = report.itemRows.flatMap { first < $0.count ? "第 \($0[first]) 行" : nil } ?? "第 \(first + 1) 家"
                    report.error("duplicate_credit_code", field: "信用代码", label: "统一社会信用代码", value: code, item: i,
                                 zh: "统一社会信用代码与\(where0)重复，同一企业只能报一次", en: "the credit code repeats an earlier row")
                } else {
                    seen[code] = i
                }
            }
            if case .number(let before)? = item["2019年2至4月营业收入"], case .number(let after)? = item["2020年2至4月营业收入"] {
                if before <= 0 {
                    report.error("revenue_decline", field: "2019年2至4月营业收入", label: "2019年2至4月营业收入", value: DecimalFormat.plain(before), item: i,
                                 zh: "2019年同期营业收入须大于 0，才能计算下降比例", en: "2019 revenue must be above 0")
                } else {
                    let decline = (before - after) / before
                    item.set(.number(DecimalFormat.rounded(decline, places: 6)), at: ["下降比例"])
                    if decline < minDecline {
                        let shown = DecimalFormat.fixed(decline * 100, places: 2, mode: .down)
                        let short = DecimalFormat.fixed((minDecline - decline) * 100, places: 2, mode: .up)
                        report.error("revenue_decline", field: "2020年2至4月营业收入", label: "2020年2至4月营业收入", value: DecimalFormat.plain(after), item: i,
                                     zh: "营业收入同比下降 \(shown)%，未达到 \(DecimalFormat.plain(minDecline * 100))%（差 \(short) 个百分点）",
                                     en: "revenue fell \(shown)%, short of \(DecimalFormat.plain(minDecline * 100))% by \(short) points")
                    }
                }
            }
            if item["参加失业保险"] == .bool(false) {
                report.error("unemployment_insurance", field: "参加失业保险", label: "参加本市失业保险", value: "否", item: i,
                             zh: "须参加本市失业保险才能享受补贴", en: "the enterprise must be insured in Beijing's unemployment insurance")
            }
            let trainees: Decimal = { if case .number(let n)? = item["培训人数"] { return n }; return 0 }()
            if case .number(let minutes)? = item["培训时长"] {
                let units = min(DecimalFormat.rounded(floorDivide(minutes, unitMinutes), places: 0), maxUnits)
                let training = units * unitAmount * trainees
                item.set(.number(units * unitAmount), at: ["人均培训补贴"])
                item.set(.number(training), at: ["培训补贴"])
                totals["培训补贴", default: 0] += training
            }
            let temporary = perPerson * trainees
            item.set(.number(temporary), at: ["临时岗位补贴"])
            let subtotal = temporary + (item["培训补贴"].flatMap { if case .number(let n) = $0 { n } else { nil } } ?? 0)
            item.set(.number(subtotal), at: ["补贴合计"])
            totals["临时岗位补贴", default: 0] += temporary
            totals["补贴合计", default: 0] += subtotal
            totals["培训人数", default: 0] += trainees
            if case .number(let insured)? = item["参保人数"] { totals["参保人数", default: 0] += insured }
            for key in ["2019年2至4月营业收入", "2020年2至4月营业收入"] {
                if case .number(let n)? = item[key] { totals[key, default: 0] += n }
            }
            items[i] = item
        }
        v.set(.list(items), at: ["企业"])
        totals["企业数"] = Decimal(items.count)
        for (k, n) in totals { v.set(.number(n), at: ["合计", k]) }
        v.set(.string(ChineseAmount.capitals(totals["补贴合计"] ?? 0) ?? ""), at: ["合计", "补贴合计大写"])
        try batch(&v, policy: policy, report: &report)
    }

    private func batch(_ v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        let batches = try policy.dates("hr.batches")
        if case .number(let n)? = v.value(at: ["批次"]) {
            let index = NSDecimalNumber(decimal: n).intValue
            if index >= 1 && index <= batches.count {
                v.set(.string(batches[index - 1].iso), at: ["批次日期"])
            } else {
                report.error("batch", field: "批次", label: "批次", value: DecimalFormat.plain(n),
                             zh: "批次应为 1 至 \(batches.count)", en: "the batch must be 1 to \(batches.count)")
            }
        }
        let deadline = try policy.date("hr.deadline")
        if let filed = v.value(at: ["填报日期"]).flatMap({ CalendarDate.parse($0.displayText) }), deadline < filed {
            report.error("deadline", field: "填报日期", label: "填报日期", value: filed.iso,
                         zh: "申报截止日期为 \(deadline.iso)，填报日期已过期", en: "applications closed on \(deadline.iso)")
        }
    }

    private func floorDivide(_ a: Decimal, _ b: Decimal) -> Decimal {
        var q = a / b
        var r = Decimal()
        NSDecimalRound(&r, &q, 0, .down)
        return r
    }
}
