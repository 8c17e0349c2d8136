import Foundation
import Yams

/// A problem planted on purpose in an invalid sample, as the sample's sidecar (`invalid.expected.yaml`) lists it:
/// keyed by what the user sees of a finding — its rule, field key, record and row — so a validator rewritten
/// another way is held to the same findings.
public struct PlantedProblem: Decodable, Hashable, Sendable, CustomStringConvertible {
    public var rule: String
    public var field: String?
    public var record: Int
    public var row: Int?
    /// Words the Chinese message must contain, when the sidecar asks for them.
    public var says: String?

    public init(rule: String, field: String?, record: Int, row: Int?, says: String? = nil) {
        self.rule = rule
        self.field = field
        self.record = record
        self.row = row
        self.says = says
    }

    /// The finding's place and rule, without the words it should say.
    public var key: String { "\(rule) \(field ?? "-") record \(record)" + (row.map { " row \($0)" } ?? "") }

    public var description: String { key }

    private struct Sidecar: Decodable { var planted: [PlantedProblem] }

    /// The sidecar beside `sample` (`invalid.json` → `invalid.expected.yaml`).
    public static func sidecar(of sample: String) -> String {
        URL(fileURLWithPath: sample).deletingPathExtension().path + ".expected.yaml"
    }

    /// The problems planted in `sample`, read from its sidecar.
    public static func load(sample: String) throws -> [PlantedProblem] {
        let text = try String(contentsOfFile: sidecar(of: sample), encoding: .utf8)
        return try YAMLDecoder().decode(Sidecar.self, from: text).planted
    }

    /// What differs between the planted problems and the keys of the findings reported: planted ones not reported,
    /// and reported ones not planted (each key counted as often as it occurs).
    public static func compare(planted: [PlantedProblem], reported: [String]) -> (missing: [String], unexpected: [String]) {
        var left = reported
        var missing: [String] = []
        for problem in planted {
            if let i = left.firstIndex(of: problem.key) { left.remove(at: i) } else { missing.append(problem.key) }
        }
        return (missing, left)
    }
}
