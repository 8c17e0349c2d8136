import Foundation

/// Paths of committed fixtures, and scratch folders that clean themselves up.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    static func bytes(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path(name))!)
    }

    static func scratchFolder() -> String {
        let dir = NSTemporaryDirectory() + "paperwork-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
