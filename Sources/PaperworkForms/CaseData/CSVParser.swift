import Foundation

/// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes).
enum CSVParser {
    struct Failure: Error, Equatable {
        var record: Int
    }

    /// The records with their numbers from 1 (blank lines are skipped but counted); a quote left
    /// open is a failure naming the record where it opened.
    static func parse(_ text: String) throws(Failure) -> [(number: Int, fields: [String])] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var quoteOpenedAt = 0
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = following }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteOpenedAt = records.count + 1
            case ",":
                record.append(field); field = ""
            case "\r", "\n":
                if c == "\r" { let following = next(); if following != "\n" { pending = following } }
                record.append(field); field = ""
                records.append(record); record = []
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw Failure(record: quoteOpenedAt) }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records.enumerated().compactMap { i, fields in
            fields.count == 1 && fields[0].trimmed.isEmpty ? nil : (i + 1, fields)
        }
    }
}
