import Foundation
import PaperworkForms
import PaperworkTemplate

// Fills one compiled template many times, as a batch would, and prints documents per second.
// Usage: swift run -c release docx-fill-bench TEMPLATE.docx DATA.json [COUNT]
let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: docx-fill-bench TEMPLATE.docx DATA.json [COUNT]")
    exit(2)
}
let count = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
let template = try DocxTemplate(contentsOf: arguments[1])
let record = try CaseFile.records(at: arguments[2])[0]
var bytes = 0
let start = Date()
for _ in 0..<count {
    bytes += try template.render(record).serialized().count
}
let seconds = Date().timeIntervalSince(start)
print(String(format: "%d documents in %.2f s: %.0f documents/s on one core (%.1f KB each)",
             count, seconds, Double(count) / seconds, Double(bytes) / Double(count) / 1024))
