import Foundation
import PaperworkTemplate

/// (十三): revenue decline, training and temporary-post subsidies, list totals, duplicate codes, batches.
struct HRList: Calculation {
    func items(policy: Policy) throws(PolicyError) -> (any ItemCalculation)? {
        try HRListItems(policy: policy)
    }

    func apply(to v: inout TemplateValue, policy: Policy, report: inout FindingSink) throws(PolicyError) {
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
}

/// Each enterprise of the HR list: its decline, its subsidies, and the list's totals and duplicate codes.
struct HRListItems: ItemCalculation {
    let minDecline: Decimal
    let unitMinutes: Decimal
    let unitAmount: Decimal
    let maxUnits: Decimal
    let perPerson: Decimal
    /// The sums under `合计`, in the order of `Self.totalKeys`.
    private var totals = [Decimal](repeating: 0, count: HRListItems.totalKeys.count)
    private static let totalKeys: [FieldKey] = ["培训补贴", "临时岗位补贴", "补贴合计", "培训人数", "参保人数", "2019年2至4月营业收入", "2020年2至4月营业收入"]
    /// Each credit code seen, with where it first came: its row in the file, or -(item number) without one.
    private var seen: [CodeKey: Int] = [:]

    /// A credit code as a dictionary key: an 18-character ASCII code packed into 126 bits (no text to
    /// allocate or hash for 100,000 codes), anything else as its text.
    private enum CodeKey: Hashable {
        case packed(UInt128)
        case text(String)

        init(_ code: String) {
            let bytes = code.utf8
            guard bytes.count == 18, bytes.allSatisfy({ $0 < 0x80 }) else { self = .text(code); return }
            self = .packed(bytes.reduce(UInt128(0)) { $0 << 7 | UInt128($1) })
        }
    }

    init(policy: Policy) throws(PolicyError) {
        minDecline = try policy.decimal("hr.revenue_decline_min")
        unitMinutes = try policy.decimal("hr.training.unit_minutes")
        unitAmount = try policy.decimal("hr.training.unit_amount")
        maxUnits = try policy.decimal("hr.training.max_units")
        perPerson = try policy.decimal("hr.temporary_post_per_person")
    }

    private mutating func add(_ n: Decimal, to total: Int) {
        totals[total] = DecimalMath.sum(totals[total], n)
    }

    mutating func apply(to item: inout TemplateValue, index i: Int, report: inout FindingSink) {
        guard case .object(var fields) = item else { return }
        item = .null
        apply(to: &fields, index: i, report: &report)
        item = .object(fields)
    }

    /// The item's arithmetic on its fields, taken out of the item so that each is read or set with one dictionary operation.
    private mutating func apply(to item: inout [FieldKey: TemplateValue], index i: Int, report: inout FindingSink) {
        if report.keeps, case .string(let code)? = item[Key.creditCode] {
            let key = CodeKey(code)
            if let first = seen[key] {
                let place = first > 0 ? "第 \(first) 行" : "第 \(-first) 家"
                report.error("duplicate_credit_code", field: "信用代码", label: "统一社会信用代码", value: code, item: i,
                             zh: "统一社会信用代码与\(place)重复，同一企业只能报一次", en: "the credit code repeats an earlier row")
            } else {
                seen[key] = report.itemRow ?? -(i + 1)
            }
        }
        let before = item[Key.revenue2019], after = item[Key.revenue2020]
        if case .number(let before)? = before, case .number(let after)? = after {
            if DecimalMath.compare(before, 0) != .orderedDescending {
                report.error("revenue_decline", field: "2019年2至4月营业收入", label: "2019年2至4月营业收入", value: DecimalFormat.plain(before), item: i,
                             zh: "2019年同期营业收入须大于 0，才能计算下降比例", en: "2019 revenue must be above 0")
            } else {
                let fall = DecimalMath.difference(before, after)
                item[Key.decline] = .number(DecimalMath.quotient(fall, before, places: 6))
                if DecimalMath.less(fall, DecimalMath.product(minDecline, before)) {
                    let decline = fall / before
                    let shown = DecimalFormat.fixed(decline * 100, places: 2, mode: .down)
                    let short = DecimalFormat.fixed((minDecline - decline) * 100, places: 2, mode: .up)
                    report.error("revenue_decline", field: "2020年2至4月营业收入", label: "2020年2至4月营业收入", value: DecimalFormat.plain(after), item: i,
                                 zh: "营业收入同比下降 \(shown)%，未达到 \(DecimalFormat.plain(minDecline * 100))%（差 \(short) 个百分点）",
                                 en: "revenue fell \(shown)%, short of \(DecimalFormat.plain(minDecline * 100))% by \(short) points")
                }
            }
        }
        if item[Key.insured] == .bool(false) {
            report.error("unemployment_insurance", field: "参加失业保险", label: "参加本市失业保险", value: "否", item: i,
                         zh: "须参加本市失业保险才能享受补贴", en: "the enterprise must be insured in Beijing's unemployment insurance")
        }
        let trainees: Decimal = { if case .number(let n)? = item[Key.trainees] { return n }; return 0 }()
        var training: Decimal = 0
        if case .number(let minutes)? = item[Key.trainingMinutes] {
            let whole = floorDivide(minutes, unitMinutes)
            let units = DecimalMath.less(maxUnits, whole) ? maxUnits : whole
            let perHead = DecimalMath.product(units, unitAmount)
            training = DecimalMath.product(perHead, trainees)
            item[Key.perHead] = .number(perHead)
            item[Key.training] = .number(training)
            add(training, to: 0)
        }
        let temporary = DecimalMath.product(perPerson, trainees)
        item[Key.temporary] = .number(temporary)
        let subtotal = DecimalMath.sum(temporary, training)
        item[Key.subtotal] = .number(subtotal)
        add(temporary, to: 1)
        add(subtotal, to: 2)
        add(trainees, to: 3)
        if case .number(let insured)? = item[Key.insuredStaff] { add(insured, to: 4) }
        if case .number(let n)? = before { add(n, to: 5) }
        if case .number(let n)? = after { add(n, to: 6) }
    }

    func finish(_ value: inout TemplateValue, count: Int) {
        for (key, n) in zip(Self.totalKeys, totals) { value.set(.number(n), at: ["合计", key]) }
        value.set(.number(Decimal(count)), at: ["合计", "企业数"])
        value.set(.string(ChineseAmount.capitals(totals[2]) ?? ""), at: ["合计", "补贴合计大写"])
    }

    /// The whole number of times `b` goes into `a` (rounded down).
    private func floorDivide(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let x = DecimalMath.integer(a), let y = DecimalMath.integer(b), x >= 0, y > 0 { return Decimal(x / y) }
        var q = a / b
        var r = Decimal()
        NSDecimalRound(&r, &q, 0, .down)
        return r
    }
}

/// The fields of an item the arithmetic reads and writes, hashed once.
private enum Key {
    static let creditCode: FieldKey = "信用代码"
    static let revenue2019: FieldKey = "2019年2至4月营业收入"
    static let revenue2020: FieldKey = "2020年2至4月营业收入"
    static let decline: FieldKey = "下降比例"
    static let insured: FieldKey = "参加失业保险"
    static let trainees: FieldKey = "培训人数"
    static let trainingMinutes: FieldKey = "培训时长"
    static let perHead: FieldKey = "人均培训补贴"
    static let training: FieldKey = "培训补贴"
    static let temporary: FieldKey = "临时岗位补贴"
    static let subtotal: FieldKey = "补贴合计"
    static let insuredStaff: FieldKey = "参保人数"
}
