import Foundation
import Testing
import PaperworkForms
import PaperworkTemplate

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let catalog = FormCatalog(folder: root + "/Templates")
    static let policy = try! Policy(contentsOf: catalog.policyPath(for: nil))
    static let today = CalendarDate(year: 2020, month: 5, day: 20)!

    /// Each built-in form compiled once, for the many cases the tests validate.
    static let validators = Dictionary(uniqueKeysWithValues: try! catalog.names.map { name in
        (name, try! CaseValidator(form: catalog.form(name), policy: policy, today: today))
    })

    static func validate(_ form: String, _ json: String) throws -> ValidatedCase {
        let value = try TemplateValue.fromJSON(Data(json.utf8))
        return try #require(validators[form]).validate(CaseRecord(value: value), number: 1)
    }

    static func number(_ v: ValidatedCase, _ path: String) -> Decimal? {
        if case .number(let n)? = v.value.value(at: [FieldKey](dotted: path)) { return n }
        return nil
    }

    static func text(_ v: ValidatedCase, _ path: String) -> String? {
        if case .string(let s)? = v.value.value(at: [FieldKey](dotted: path)) { return s }
        return nil
    }
}

/// A valid credit code for a Miyun enterprise, made with the algorithm from a serial number.
func creditCode(_ serial: Int) -> String {
    let org = String(format: "MA%06d", serial % 1_000_000)
    let weights = [3, 7, 9, 10, 5, 8, 4, 2]
    let values = org.map { $0.wholeNumberValue ?? Int($0.asciiValue! - 55) }
    let c = 11 - zip(values, weights).map(*).reduce(0, +) % 11
    let orgCheck = c == 10 ? "X" : c == 11 ? "0" : String(c)
    let first17 = "91110228" + org + orgCheck
    return first17 + String(CreditCode.checkCharacter(for: first17)!)
}

func rentCase(use: String = "办公", rent: String = "12345.60", trade: String = "其他", chain: Bool = false,
              staff: (Int, Int) = (100, 100), extra: String = "") -> String {
    """
    {"甲方": {"名称": "北京密云经济开发区资产经营公司", "信用代码": "\(creditCode(1))", "地址": "北京市密云区经济开发区", "法定代表人": "张某", "联系电话": "010-69043376"},
     "乙方": {"名称": "北京密云示例企业有限公司", "信用代码": "\(creditCode(2))", "地址": "北京市密云区鼓楼街道", "法定代表人": "李某",
              "联系人": "王某", "联系电话": "13800000000", "企业类型": "小型企业", "行业": "\(trade)", "连锁门店": \(chain),
              "在密云注册纳税": true, "疏解整治范围": false},
     "原合同": {"编号": "MY-ZL-2019-018", "签订日期": "2019-06-01", "房屋地址": "密云区新南路 8 号", "面积": 120.5, "用途": "\(use)",
               "月租金": \(rent), "开始日期": "2019-06-01", "结束日期": "2022-05-31"},
     "职工": {"2019年12月末": \(staff.0), "2020年4月末": \(staff.1)},
     "减免方式": "抵扣", "签订日期": "2020-05-20"\(extra)}
    """
}

/// The error `body` throws, a forms-layer error unwrapped to its cause; nil when it throws none.
func thrownCause(_ body: () throws -> Void) -> (any Error)? {
    do { try body() } catch let error as PaperworkError { return error.underlying } catch { return error }
    return nil
}
