import Foundation

/// Decodes the bytes of a CSV file as Excel and WPS save it: UTF-8 (with or without BOM),
/// UTF-16 with BOM, or GB18030/GBK from Chinese Windows.
public enum TextDecoding {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case gb18030
        case gbk
    }

    /// GB18030 through CoreFoundation's converter; strict: invalid bytes give nil.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text and the encoding it was read in; detection order: BOM, strict UTF-8, strict GB18030.
    public static func decode(_ data: Data, forced: Encoding? = nil) -> (text: String, encoding: String)? {
        if let forced {
            switch forced {
            case .utf8: return String(data: dropBOM(data), encoding: .utf8).map { ($0, "UTF-8") }
            case .gb18030, .gbk: return String(data: data, encoding: gb18030).map { ($0, "GB18030") }
            }
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, "UTF-8") } }
        if data.starts(with: [0xFF, 0xFE]) { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian).map { ($0, "UTF-16") } }
        if data.starts(with: [0xFE, 0xFF]) { return String(data: data.dropFirst(2), encoding: .utf16BigEndian).map { ($0, "UTF-16") } }
        if let text = String(validatingUTF8Data: data) { return (text, "UTF-8") }
        if let text = String(data: data, encoding: gb18030) { return (text, "GB18030") }
        return nil
    }

    /// The line (from 1) of the first byte that is not UTF-8, or nil when all of it is.
    static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        var line = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    private static func dropBOM(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }
}

extension String {
    /// Strict UTF-8: nil when any byte sequence is invalid.
    init?(validatingUTF8Data data: Data) {
        guard let s = String(validating: data, as: UTF8.self) else { return nil }
        self = s
    }
}
