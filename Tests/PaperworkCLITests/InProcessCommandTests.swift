import Foundation
import Testing

/// The commands run in the test process: parsing, messages and exit statuses.
@Suite struct InProcessCommandTests {
    @Test func versionAndHelpGoToStandardOutputWithStatusZero() {
        let version = InProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.out == "0.1.0\n")
        let help = InProcess.run(["batch", "--help"])
        #expect(help.status == 0)
        #expect(help.out.contains("--resume"))
        #expect(help.out.contains("退出码"))
        #expect(help.err.isEmpty)
    }

    @Test func aValidSampleValidatesWithStatusZero() {
        let result = InProcess.run(["validate", "--form", "interest-subsidy-application",
                                    CLI.root + "/Samples/interest-subsidy-application/valid.yaml"] + InProcess.templates)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == "1 条记录全部有效\n")
    }
}
