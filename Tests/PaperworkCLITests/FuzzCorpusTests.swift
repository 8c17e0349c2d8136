import Foundation
import PaperworkFuzzTargets
import Testing

/// The fuzz targets run on the committed seed corpus and on every input that once crashed (`Fuzz/Regressions`),
/// in process; `scripts/fuzz` runs the same targets under libFuzzer with the address sanitizer.
@Suite struct FuzzCorpusTests {
    static let fuzz = CLI.root + "/Fuzz"

    @Test(arguments: FuzzTarget.allCases)
    func seedsAndRegressionsRunWithoutACrash(target: FuzzTarget) {
        let seeds = FuzzCorpus.files([Self.fuzz + "/Corpus/" + target.rawValue])
        let regressions = FuzzCorpus.files([Self.fuzz + "/Regressions/" + target.rawValue])
        #expect(!seeds.isEmpty, "no seeds for \(target.rawValue)")
        for file in seeds + regressions {
            guard let data = FileManager.default.contents(atPath: file) else {
                Issue.record("cannot read \(file)")
                continue
            }
            target.run([UInt8](data))
        }
    }

    @Test func everyTargetHasASeedFolderAndNoOtherFolderIsThere() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fuzz + "/Corpus").sorted()
        #expect(folders == FuzzTarget.allCases.map(\.rawValue).sorted())
    }
}
