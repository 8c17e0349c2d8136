import Foundation
import PaperworkTemplate

/// (五)(十一): credit line and cost ceilings, interest within the support period, the capped subsidy.
struct InterestSubsidy: Calculation {
    func apply(to v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        let zgc = v.value(at: ["中关村"])?.isTruthy ?? false
        if case .number(let line)? = v.value(at: ["贷款", "授信额度"]) {
            let below = try policy.decimal("interest.credit_line_below")
            if line >= below {
                report.error("credit_line", field: "贷款.授信额度", label: "单笔授信额度", value: DecimalFormat.money(line),
                             zh: "单笔授信额度须在 \(DecimalFormat.money(below)) 元以下（不含 \(DecimalFormat.money(below)) 元）",
                             en: "the credit line must be below \(DecimalFormat.money(below)) yuan")
            }
        }
        if v.value(at: ["贷款", "再贷款"]) == .bool(false) {
            report.error("relending", field: "贷款.再贷款", label: "享受普惠性再贷款政策", value: "否",
                         zh: "贷款须享受 1 万亿普惠性再贴现再贷款政策", en: "the loan must use the inclusive re-lending quota")
        }
        if case .number(let rate)? = v.value(at: ["贷款", "年利率"]) {
            var other = Decimal(0)
            if case .number(let o)? = v.value(at: ["贷款", "其他费用率"]) { other = o }
            let cost = rate + other
            v.set(.number(cost), at: ["贷款", "总成本率"])
            let ceiling = try policy.decimal("interest.cost_rate_max")
            if cost > ceiling {
                report.error("cost_rate", field: "贷款.年利率", label: "贷款总成本", value: DecimalFormat.plain(cost * 100) + "%",
                             zh: "贷款总成本 \(DecimalFormat.plain(cost * 100))% 高于上限 \(DecimalFormat.plain(ceiling * 100))%（超出 \(DecimalFormat.plain((cost - ceiling) * 100)) 个百分点）",
                             en: "total loan cost \(DecimalFormat.plain(cost * 100))% is above the \(DecimalFormat.plain(ceiling * 100))% ceiling")
            }
        }
        try subsidy(&v, zgc: zgc, policy: policy, report: &report)
    }

    private func subsidy(_ v: inout TemplateValue, zgc: Bool, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        guard let startText = v.value(at: ["贷款", "开始日期"])?.displayText, let start = CalendarDate.parse(startText),
              case .list(let vouchers)? = v.value(at: ["付息记录"]) else { return }
        let years = NSDecimalNumber(decimal: try policy.decimal("interest.period_years")).intValue
        guard let end = start.adding(years: years) else { return }
        var paid = Decimal(0), eligible = Decimal(0)
        for (i, voucher) in vouchers.enumerated() {
            guard case .number(let amount)? = voucher["金额"], let date = voucher["日期"].flatMap({ CalendarDate.parse($0.displayText) }) else { continue }
            paid += amount
            if date < start || end < date {
                report.warning("support_period", field: "付息记录.日期", label: "付息日期", value: date.iso,
                               zh: "第 \(i + 1) 笔付息不在贷款开始后 \(years) 年的支持期内（\(start.iso) 至 \(end.iso)），不计入贴息",
                               en: "interest payment \(i + 1) falls outside the \(years)-year support period and is not counted")
            } else {
                eligible += amount
            }
        }
        let ratio = try policy.decimal(zgc ? "interest.zhongguancun.subsidy_ratio" : "interest.subsidy_ratio")
        let cap = try policy.decimal(zgc ? "interest.zhongguancun.cap" : "interest.cap")
        let computed = DecimalFormat.rounded(eligible * ratio, places: 2)
        let granted = min(computed, cap)
        v.set(.number(paid), at: ["贴息", "付息合计"])
        v.set(.number(eligible), at: ["贴息", "可贴息利息"])
        v.set(.number(ratio), at: ["贴息", "比例"])
        v.set(.number(computed), at: ["贴息", "计算额"])
        v.set(.number(cap), at: ["贴息", "上限"])
        v.set(.number(granted), at: ["贴息", "金额"])
        v.set(.string(ChineseAmount.capitals(granted) ?? ""), at: ["贴息", "金额大写"])
        v.set(.bool(computed > cap), at: ["贴息", "已封顶"])
        v.set(.string(end.iso), at: ["贴息", "支持期截止"])
        if computed > cap {
            report.warning("subsidy_cap", field: "贴息.金额", label: "申请贴息金额", value: DecimalFormat.money(computed),
                           zh: "按比例计算的贴息 \(DecimalFormat.money(computed)) 元超过每家企业上限，按 \(DecimalFormat.money(cap)) 元申请",
                           en: "the computed subsidy \(DecimalFormat.money(computed)) exceeds the cap; \(DecimalFormat.money(cap)) is requested")
        }
    }
}
