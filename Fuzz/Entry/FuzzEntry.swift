import Foundation
import PaperworkFuzzTargets

// Built two ways (see scripts/fuzz):
// - with `-sanitize=fuzzer,address -DLIBFUZZER`, the program's entry point hands over to libFuzzer's driver,
//   which calls the target with the inputs it makes; the target is chosen by PAPERWORK_FUZZ_TARGET;
// - as a plain program, `paperwork-fuzz TARGET FILE-OR-FOLDER...` runs the target once on each file (to repeat
//   a crash libFuzzer saved, or to run a corpus).

#if LIBFUZZER
import CFuzzer

private let selected: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PAPERWORK_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("PAPERWORK_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue))\n".utf8))
        exit(2)
    }
    return target
}()

/// The entry point SwiftPM links the program with (`main` is defined as it).
@_cdecl("paperwork_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    _ = selected
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
}

/// One input; libFuzzer's own code refers to this name too.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
@main
enum Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let name = args.first, let target = FuzzTarget(rawValue: name), args.count > 1 else {
            print("usage: paperwork-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE-OR-FOLDER...")
            exit(2)
        }
        let files = FuzzCorpus.files(args.dropFirst().map { $0 })
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            target.run([UInt8](data))
        }
        print("\(name): \(files.count) inputs without a crash")
    }
}
#endif
