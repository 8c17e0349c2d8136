import Dispatch
import Foundation
import Synchronization
import Testing
import PaperworkForms
import PaperworkTemplate

/// `CaseValidator`: a form compiled once, that validates many records with the same results as `Form.validate`.
@Suite struct CaseValidatorTests {
    /// The landlord form's sample with the first tenant's reduction changed: some within what the rent allows, some over
    /// it, some not amounts at all.
    static func records() throws -> [TemplateValue] {
        let base = try #require(try CaseLoader.load(LandlordSubsidyTests.folder + "/valid.yaml", form: nil).cases.first?.value)
        let amounts = (0..<40).map { DecimalFormat.plain(Decimal(37_000) + Decimal($0) * Decimal(string: "2.5")!) }
            + ["三万七千", "", "37036.805", "-1"]
        return try amounts.map { amount in
            var value = base
            guard case .list(var tenants)? = value.value(at: ["承租方"]), case .object(var first) = tenants[0] else {
                throw CaseFileError.empty(file: "valid.yaml")
            }
            first[FieldKey("减免金额")] = .string(amount)
            tenants[0] = .object(first)
            value.set(.list(tenants), at: ["承租方"])
            return value
        }
    }

    @Test func oneCompiledFormValidatesManyRecordsAsFormValidateDoes() throws {
        let form = try Form(folder: LandlordSubsidyTests.folder)
        let validator = try CaseValidator(form: form, policy: Repo.policy, today: Repo.today)
        let records = try Self.records()
        var invalid = 0
        for (i, record) in records.enumerated() {
            let once = try validator.validate(CaseRecord(value: record), number: i + 1)
            let alone = try form.validate(CaseRecord(value: record), number: i + 1, policy: Repo.policy, today: Repo.today)
            #expect(once.value == alone.value && once.findings == alone.findings, "record \(i + 1)")
            if !once.isValid { invalid += 1 }
        }
        // 37,036.80 is the most the first tenant's rent allows: 37,037.50 and above (25 of the 40), and the four bad values.
        #expect(invalid == 25 + 4)
    }

    /// One validator shared by threads gives each record the findings it gives on one thread.
    @Test func oneValidatorServesManyThreads() throws {
        let validator = try CaseValidator(form: try Form(folder: LandlordSubsidyTests.folder), policy: Repo.policy, today: Repo.today)
        let records = try Self.records()
        let serial = try records.enumerated().map { try validator.validate(CaseRecord(value: $1), number: $0 + 1).findings }
        let found = Mutex<[Int: [Finding]]>([:])
        DispatchQueue.concurrentPerform(iterations: records.count) { i in
            let findings = (try? validator.validate(CaseRecord(value: records[i]), number: i + 1).findings) ?? []
            found.withLock { $0[i] = findings }
        }
        #expect(records.indices.map { found.withLock { $0 }[$0] ?? [] } == serial)
    }

    /// A form with an error (here a template tag its manifest no longer provides) is refused when it is compiled,
    /// before any record.
    @Test func aFormWithErrorsIsRefusedWhenCompiled() throws {
        let dir = NSTemporaryDirectory() + "validator-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: LandlordSubsidyTests.folder, toPath: dir)
        let manifest = try String(contentsOfFile: dir + "/form.yaml", encoding: .utf8)
        try manifest.replacingOccurrences(of: "policy.rent.landlord_subsidy_ratio", with: "policy.rent.landlord_ratio")
            .write(toFile: dir + "/form.yaml", atomically: true, encoding: .utf8)
        do {
            _ = try CaseValidator(form: try Form(folder: dir), policy: Repo.policy)
            Issue.record("the form was compiled")
        } catch {
            guard case .form(.refused(let problems)) = error else { Issue.record("\(error)"); return }
            #expect(problems.contains { $0.message(.en).contains("policy.rent.landlord_ratio") })
        }
    }
}
