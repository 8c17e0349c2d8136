import Foundation
import PaperworkTemplate

/// (一)(三): months and ratio of the rent reduction, the layoff test and the landlord's subsidy.
struct RentReduction: Calculation {
    func apply(to v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        let use = v.value(at: ["原合同", "用途"])?.displayText ?? ""
        let trade = v.value(at: ["乙方", "行业"])?.displayText ?? ""
        let chain = v.value(at: ["乙方", "连锁门店"])?.isTruthy ?? false
        let lifeTrades = try policy.texts("rent.life_service.trades")
        let lifeService = chain && lifeTrades.contains(trade)
        let months = try policy.texts(lifeService ? "rent.life_service.months" : "rent.months")
        let ratios = try policy.decimals("rent.ratio_by_use")
        checkEligibility(v, policy: policy, report: &report)
        try checkLayoffs(&v, policy: policy, report: &report)
        guard let ratio = ratios[use], case .number(let rent)? = v.value(at: ["原合同", "月租金"]) else { return }
        let perMonth = DecimalFormat.rounded(rent * ratio, places: 2)
        let total = perMonth * Decimal(months.count)
        let details: [TemplateValue] = months.map { month in
            .object(["月份": .string(Self.monthLabel(month)), "月租金": .number(rent), "比例": .number(ratio), "减免额": .number(perMonth)])
        }
        v.set(.number(Decimal(months.count)), at: ["减免", "月数"])
        v.set(.string(months.map(Self.monthLabel).joined(separator: "、")), at: ["减免", "月份"])
        v.set(.number(ratio), at: ["减免", "比例"])
        v.set(.list(details), at: ["减免", "明细"])
        v.set(.number(perMonth), at: ["减免", "月减免额"])
        v.set(.number(total), at: ["减免", "合计"])
        v.set(.string(ChineseAmount.capitals(total) ?? ""), at: ["减免", "合计大写"])
        v.set(.bool(lifeService), at: ["减免", "生活服务业"])
        let subsidy = DecimalFormat.rounded(total * (try policy.decimal("rent.landlord_subsidy_ratio")), places: 2)
        v.set(.number(subsidy), at: ["减免", "区补贴"])
        v.set(.bool(v.value(at: ["减免方式"])?.displayText == "退还"), at: ["退还"])
    }

    private func checkEligibility(_ v: TemplateValue, policy: Policy, report: inout FindingSink) {
        if v.value(at: ["乙方", "在密云注册纳税"]) == .bool(false) {
            report.error("registered_in_miyun", field: "乙方.在密云注册纳税", label: "在密云区注册并纳税纳统", value: "否",
                         zh: "承租方须在密云区注册并纳税纳统，才能享受租金减免", en: "the tenant must be registered and pay tax in Miyun")
        }
        if v.value(at: ["乙方", "疏解整治范围"]) == .bool(true) {
            report.error("not_relocation_scope", field: "乙方.疏解整治范围", label: "在疏解整治范围内", value: "是",
                         zh: "在疏解整治范围内的企业不享受租金减免", en: "tenants inside the relocation/clean-up scope are not eligible")
        }
    }

    private func checkLayoffs(_ v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
        guard case .number(let before)? = v.value(at: ["职工", "2019年12月末"]),
              case .number(let after)? = v.value(at: ["职工", "2020年4月末"]) else { return }
        guard before > 0 else {
            report.error("layoff_ratio", field: "职工.2019年12月末", label: "2019年12月末职工总数", value: DecimalFormat.plain(before),
                         zh: "2019年12月末职工总数须大于 0，才能计算裁员比例", en: "staff at the end of 2019 must be above 0")
            return
        }
        let ratio = max(0, (before - after) / before)
        let ceiling = try policy.decimal("rent.layoff_ratio_max")
        v.set(.number(DecimalFormat.rounded(ratio, places: 6)), at: ["裁员比例"])
        if ratio > ceiling {
            let shown = DecimalFormat.fixed(ratio * 100, places: 2, mode: .up)
            let over = DecimalFormat.fixed((ratio - ceiling) * 100, places: 2, mode: .up)
            report.error("layoff_ratio", field: "职工.2020年4月末", label: "2020年4月末职工总数", value: DecimalFormat.plain(after),
                         zh: "裁员比例 \(shown)% 超过上限 \(DecimalFormat.plain(ceiling * 100))%（超出 \(over) 个百分点），不符合减免条件",
                         en: "layoff ratio \(shown)% exceeds the \(DecimalFormat.plain(ceiling * 100))% ceiling by \(over) points")
        }
    }

    /// `2020-03` → `2020年3月`.
    static func monthLabel(_ text: String) -> String {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return text }
        return "\(y)年\(m)月"
    }
}
