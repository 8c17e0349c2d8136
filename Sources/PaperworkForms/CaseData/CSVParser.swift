import Foundation

/// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes).
///
/// Works on the UTF-8 bytes: the delimiters are ASCII, so a field is a slice that is always whole characters.
enum CSVParser {
    struct Failure: Error, Equatable {
        var record: Int
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    /// Calls `body` with each record and its number from 1 (blank lines are skipped but counted), until it
    /// returns false; a quote left open is a failure naming the record where it opened.
    static func forEach(_ text: String, _ body: (_ number: Int, _ fields: [String]) throws -> Bool) throws {
        var text = text
        try text.withUTF8 { bytes in
            var i = 0, number = 0
            var fields: [String] = []
            while i < bytes.count {
                number += 1
                fields.removeAll(keepingCapacity: true)
                while true {
                    let (field, next) = try readField(bytes, from: i, record: number)
                    fields.append(field)
                    i = next
                    guard i < bytes.count, bytes[i] == comma else { break }
                    i += 1
                }
                if i < bytes.count {
                    i += bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf ? 2 : 1
                }
                if fields.count == 1 && fields[0].trimmed.isEmpty { continue }
                guard try body(number, fields) else { return }
            }
        }
    }

    /// One field from `start`: up to the next comma or line break outside quotes.
    private static func readField(_ b: UnsafeBufferPointer<UInt8>, from start: Int, record: Int) throws(Failure) -> (String, Int) {
        var i = start
        guard i < b.count, b[i] == quote else {
            while i < b.count, b[i] != comma, b[i] != cr, b[i] != lf { i += 1 }
            return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), i)
        }
        var bytes: [UInt8] = []
        i += 1
        var segment = i
        while true {
            guard i < b.count else { throw Failure(record: record) }
            guard b[i] == quote else { i += 1; continue }
            bytes.append(contentsOf: b[segment..<i])
            if i + 1 < b.count && b[i + 1] == quote {
                bytes.append(quote)
                i += 2
                segment = i
            } else {
                i += 1
                break
            }
        }
        let rest = i
        while i < b.count, b[i] != comma, b[i] != cr, b[i] != lf { i += 1 }
        bytes.append(contentsOf: b[rest..<i])
        return (String(decoding: bytes, as: UTF8.self), i)
    }
}
