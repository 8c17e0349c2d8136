import Foundation
import Testing
@testable import PaperworkForms
import PaperworkTemplate

@Suite struct RentReductionTests {
    @Test func officeUseHalvesMarchAndApril() throws {
        let v = try Repo.validate("rent-reduction-agreement", rentCase())
        #expect(v.isValid, "\(v.findings)")
        #expect(Repo.number(v, "减免.合计") == Decimal(string: "12345.60"))
        #expect(Repo.text(v, "减免.合计大写") == "壹万贰仟叁佰肆拾伍元陆角")
        #expect(Repo.number(v, "减免.月数") == 2)
        #expect(Repo.text(v, "减免.月份") == "2020年3月、2020年4月")
        #expect(Repo.number(v, "减免.区补贴") == Decimal(string: "2469.12"))
    }

    @Test func productionUseWaivesBothMonthsAndLifeServiceChainsGetFebruary() throws {
        let production = try Repo.validate("rent-reduction-agreement", rentCase(use: "生产经营", rent: "10000"))
        #expect(Repo.number(production, "减免.合计") == 20000)
        #expect(Repo.text(production, "减免.合计大写") == "贰万元整")
        let chain = try Repo.validate("rent-reduction-agreement", rentCase(use: "生产经营", rent: "10000", trade: "餐饮", chain: true))
        #expect(Repo.number(chain, "减免.合计") == 30000)
        #expect(Repo.text(chain, "减免.月份") == "2020年2月、2020年3月、2020年4月")
        let notChain = try Repo.validate("rent-reduction-agreement", rentCase(use: "生产经营", rent: "10000", trade: "餐饮"))
        #expect(Repo.number(notChain, "减免.合计") == 20000)
    }

    @Test func layoffRatioOfExactlyFivePointFivePercentPasses() throws {
        let exact = try Repo.validate("rent-reduction-agreement", rentCase(staff: (1000, 945)))
        #expect(exact.isValid)
        #expect(Repo.number(exact, "裁员比例") == Decimal(string: "0.055"))
        let over = try Repo.validate("rent-reduction-agreement", rentCase(staff: (10000, 9449)))
        #expect(!over.isValid)
        let finding = try #require(over.findings.first { $0.rule == "layoff_ratio" })
        #expect(finding.message == "裁员比例 5.51% 超过上限 5.5%（超出 0.01 个百分点），不符合减免条件")
    }

    @Test func ineligibleTenantsAndBadDatesAreAllReported() throws {
        var json = rentCase(staff: (0, 0))
        json = json.replacingOccurrences(of: "\"在密云注册纳税\": true", with: "\"在密云注册纳税\": false")
            .replacingOccurrences(of: "\"结束日期\": \"2022-05-31\"", with: "\"结束日期\": \"2019-05-31\"")
        let v = try Repo.validate("rent-reduction-agreement", json)
        let rules = Set(v.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["registered_in_miyun", "layoff_ratio", "lease_dates", "lease_covers_reduction"]))
    }
}

@Suite struct InterestSubsidyTests {
    func loan(line: String = "5000000", rate: String = "0.0435", other: String = "0", vouchers: String, zgc: Bool = false) -> String {
        """
        {"企业": {"名称": "北京密云示例科技有限公司", "信用代码": "\(creditCode(3))", "注册地址": "密云区", "法定代表人": "赵某",
                  "联系人": "钱某", "联系电话": "13900000000", "规模": "小型", "行业": "科技服务"},
         "中关村": \(zgc),
         "贷款": {"银行": "北京农商银行密云支行", "合同编号": "JK-2020-001", "再贷款": true, "授信额度": \(line), "金额": 3000000,
                  "年利率": \(rate), "其他费用率": \(other), "开始日期": "2020-03-01", "结束日期": "2021-02-28", "按期还本付息": true},
         "付息记录": \(vouchers),
         "附件": {"借款合同": true, "付息凭证": true, "营业执照": true}, "申请日期": "2020-06-30"}
        """
    }

    @Test func subsidyIsInterestWithinOneYearTimesRatioCapped() throws {
        let vouchers = #"[{"日期": "2020-03-21", "金额": 10875.00}, {"日期": "2020-06-21", "金额": 32625.50}, {"日期": "2021-03-21", "金额": 999}]"#
        let v = try Repo.validate("interest-subsidy-application", loan(vouchers: vouchers))
        #expect(v.isValid, "\(v.findings)")
        #expect(Repo.number(v, "贴息.可贴息利息") == Decimal(string: "43500.50"))
        #expect(Repo.number(v, "贴息.金额") == Decimal(string: "21750.25"))
        #expect(Repo.text(v, "贴息.金额大写") == "贰万壹仟柒佰伍拾元零贰角伍分")
        #expect(v.findings.contains { $0.rule == "support_period" && $0.severity == .warning })
    }

    @Test func capsOfTwoHundredAndFiveHundredThousand() throws {
        let big = #"[{"日期": "2020-12-01", "金额": 1200000}]"#
        let plain = try Repo.validate("interest-subsidy-application", loan(vouchers: big))
        #expect(Repo.number(plain, "贴息.金额") == 200000)
        #expect(Repo.text(plain, "贴息.金额大写") == "贰拾万元整")
        let zgc = try Repo.validate("interest-subsidy-application", loan(vouchers: big, zgc: true))
        #expect(Repo.number(zgc, "贴息.金额") == 500000)
    }

    @Test func creditLineMustBeBelowTenMillionAndCostAtMostFourPointFive() throws {
        let v1 = #"[{"日期": "2020-04-01", "金额": 100}]"#
        #expect(try Repo.validate("interest-subsidy-application", loan(line: "9999999.99", vouchers: v1)).isValid)
        let atLimit = try Repo.validate("interest-subsidy-application", loan(line: "10000000", vouchers: v1))
        #expect(atLimit.findings.map(\.rule).contains("credit_line"))
        #expect(try Repo.validate("interest-subsidy-application", loan(rate: "0.04", other: "0.005", vouchers: v1)).isValid)
        let costly = try Repo.validate("interest-subsidy-application", loan(rate: "0.04", other: "0.0051", vouchers: v1))
        #expect(costly.findings.first { $0.rule == "cost_rate" }?.message == "贷款总成本 4.51% 高于上限 4.5%（超出 0.01 个百分点）")
    }
}

@Suite struct HRListTests {
    func enterprise(_ n: Int, code: String? = nil, rev20: String = "20000", rev19: String = "100000", trainees: Int = 10, minutes: Int = 2000) -> String {
        """
        {"名称": "密云示例企业\(n)", "信用代码": "\(code ?? creditCode(100 + n))", "重点行业": "生活性服务业", "规模": "小型",
         "参加失业保险": true, "参保人数": 20, "2020年2至4月营业收入": \(rev20), "2019年2至4月营业收入": \(rev19),
         "培训人数": \(trainees), "培训时长": \(minutes), "联系人": "孙某", "联系电话": "13700000000"}
        """
    }

    func list(_ items: [String]) -> String {
        #"{"部门": "区商务局", "批次": 2, "填报人": "周某", "联系电话": "010-69041234", "填报日期": "2020-05-12", "企业": ["# + items.joined(separator: ",") + "]}"
    }

    @Test func workedExampleFromTheDomainNotes() throws {
        let v = try Repo.validate("hr-enterprise-list", list([enterprise(1)]))
        #expect(v.isValid, "\(v.findings)")
        #expect(Repo.number(v, "合计.培训补贴") == 10000)
        #expect(Repo.number(v, "合计.临时岗位补贴") == 15400)
        #expect(Repo.number(v, "合计.补贴合计") == 25400)
        #expect(Repo.text(v, "合计.补贴合计大写") == "贰万伍仟肆佰元整")
        #expect(Repo.text(v, "批次日期") == "2020-05-13")
    }

    @Test(arguments: [(899, 0), (900, 500), (5400, 3000), (9000, 3000), (1799, 500)])
    func trainingSubsidyPerPerson(minutes: Int, amount: Int) throws {
        let v = try Repo.validate("hr-enterprise-list", list([enterprise(1, trainees: 1, minutes: minutes)]))
        #expect(Repo.number(v, "合计.培训补贴") == Decimal(amount))
    }

    @Test func declineOfExactlyEightyPercentPassesAndDuplicatesFail() throws {
        let v = try Repo.validate("hr-enterprise-list", list([
            enterprise(1), enterprise(2, rev20: "20001"), enterprise(3, code: creditCode(101)), enterprise(4, trainees: 30),
        ]))
        let rules = v.findings.map { ($0.record, $0.rule) }
        #expect(!rules.contains { $0.0 == 1 })
        #expect(rules.contains { $0 == (2, "revenue_decline") })
        #expect(rules.contains { $0 == (3, "duplicate_credit_code") })
        #expect(v.findings.first { $0.rule == "duplicate_credit_code" }?.message == "统一社会信用代码与第 1 家重复，同一企业只能报一次")
        #expect(rules.contains { $0 == (4, "trainees_within_insured") })
        #expect(v.findings.first { $0.record == 2 }?.message == "营业收入同比下降 79.99%，未达到 80%（差 0.01 个百分点）")
    }
}

@Suite struct OrganisationCodeTests {
    @Test func aBadEmbeddedOrganisationCodeIsAWarningThatDoesNotBlock() throws {
        let first17 = "91110228MA0030004"
        let code = first17 + String(CreditCode.checkCharacter(for: first17)!)
        #expect(CreditCode.problem(code) == nil)
        #expect(!CreditCode.organisationCodeIsValid(code))
        let v = try Repo.validate("rent-reduction-agreement", rentCase().replacingOccurrences(of: creditCode(2), with: code))
        #expect(v.isValid)
        #expect(v.findings.contains { $0.rule == "organisation_code" && $0.severity == .warning && $0.field == "乙方.信用代码" })
    }
}
