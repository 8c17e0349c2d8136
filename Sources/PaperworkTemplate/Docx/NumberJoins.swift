/// Keeps dates and numbers with their units on one line in a filled Word part: a WORD JOINER (U+2060) goes between
/// the parts of `2020年3月14日`, `二〇二〇年五月十四日`, `2年`, `25号`, `18 号`, `13,800.00元`, `第3页` and `〔2020〕`.
///
/// Word, WPS and LibreOffice may break a line between a digit and a Chinese character (each Chinese character is a
/// break opportunity), so a date could print as `2020年 / 3月`. No run property forbids a break, and LibreOffice
/// ignores the document's own kinsoku lists; a zero-width joiner is what every line breaker following Unicode's
/// line-breaking rules (UAX #14, class WJ) keeps together. The joiners are added to the filled document's text
/// only — never to the data — after filling, because a date can stand across a tag and the template's own text
/// (`{{年数}}年`) or across runs of different languages (`2019` `年`). Joiners already there are kept, not doubled.
enum NumberJoins {
    static let joiner: Unicode.Scalar = "\u{2060}"
    private static let joinerBytes = Array(String(joiner).utf8)

    /// The part's bytes with joiners inside its text elements (`w:t`, `a:t`); paragraphs, line breaks, tabs and
    /// cells separate text. The bytes come back unchanged when nothing needs joining.
    static func apply(to bytes: [UInt8]) -> [UInt8] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        collectText(bytes, into: &scalars, offsets: &offsets)
        let joins = joinsAfter(scalars)
        guard joins.contains(true) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var copied = 0
        for i in joins.indices where joins[i] {
            let at = offsets[i + 1]
            out += bytes[copied..<at]
            out += joinerBytes
            copied = at
        }
        out += bytes[copied...]
        return out
    }

    /// Elements that end a line of text or stand between texts: paragraphs, breaks, tabs, cells.
    private static let separating: Set<String> = ["p", "br", "cr", "tab", "ptab", "tc"]

    /// A scalar that stands between paragraphs, breaks and tabs: nothing joins across it.
    private static let separator: Unicode.Scalar = "\n"

    /// The text of every text element, each scalar with the byte offset it starts at; a separator at each boundary.
    static func collectText(_ bytes: [UInt8], into scalars: inout [Unicode.Scalar], offsets: inout [Int]) {
        var i = 0
        var inText = false
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                let end = tagEnd(bytes, from: i)
                let tag = bytes[(i + 1)..<min(end, bytes.count)]
                let closing = tag.first == UInt8(ascii: "/")
                let selfClosing = tag.last == UInt8(ascii: "/")
                let local = localName(closing ? tag.dropFirst() : tag)
                if local == "t" {
                    inText = !closing && !selfClosing
                } else if separating.contains(local) {
                    scalars.append(separator)
                    offsets.append(i)
                }
                i = end + 1
                continue
            }
            guard inText else { i += 1; continue }
            if byte == UInt8(ascii: "&") {
                // An escaped character (`&amp;`): never a digit or a unit, so it only separates.
                var end = i
                while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
                scalars.append(separator)
                offsets.append(i)
                i = end + 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            var decoder = UTF8()
            var iterator = bytes[i..<min(i + length, bytes.count)].makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                scalars.append(scalar)
                offsets.append(i)
            }
            i += length
        }
        offsets.append(bytes.count)
    }

    /// Where the tag starting at `start` (`<`) ends: the index of its `>` (quoted attribute values skipped), or the end.
    static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start + 1
        var quote: UInt8?
        while end < bytes.count && (quote != nil || bytes[end] != UInt8(ascii: ">")) {
            if let q = quote { if bytes[end] == q { quote = nil } } else if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") { quote = bytes[end] }
            end += 1
        }
        return end
    }

    /// The tag's qualified name from what stands between `<` (or `</`) and `>`: `w:t w:x="1"/` → `w:t`.
    static func qualifiedName(_ tag: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        tag.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
    }

    /// The tag's local name: `w:t` → `t`, `a:p` → `p`.
    private static func localName(_ tag: ArraySlice<UInt8>) -> String {
        let name = qualifiedName(tag)
        let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name[...]
        return String(decoding: local, as: UTF8.self)
    }

    /// For each scalar, whether a joiner goes after it.
    static func joinsAfter(_ s: [Unicode.Scalar]) -> [Bool] {
        var joins = [Bool](repeating: false, count: s.count)
        func join(_ from: Int, through to: Int) {
            for k in from..<to where k + 1 < s.count && s[k] != joiner && s[k + 1] != joiner && !(latin(s[k]) && latin(s[k + 1])) {
                joins[k] = true
            }
        }
        var i = 0
        while i < s.count {
            if digit(s[i]) {
                // A run of digits (with its separators), then a date's further parts and a unit.
                var end = i
                while end + 1 < s.count && (digit(s[end + 1]) || (",.".unicodeScalars.contains(s[end + 1]) && end + 2 < s.count && digit(s[end + 2]))) { end += 1 }
                if i > 0 && (s[i - 1] == "第" || openBrackets.contains(s[i - 1])) { join(i - 1, through: i) }
                if end + 1 < s.count && closeBrackets.contains(s[end + 1]) { join(end, through: end + 1) }
                if let unit = unit(after: end, in: s) {
                    join(end, through: end + unit)
                    // 2020年|3月, 3月|14日, 8时|30分: the next number belongs to the same date or time.
                    let last = end + unit
                    if dateUnits.contains(s[last]) && last + 1 < s.count && digit(s[last + 1]) { join(last, through: last + 1) }
                }
                i = end + 1
            } else if chineseNumerals.contains(s[i]) {
                // 二〇二〇年五月十四日: numerals joined to each other and to their unit only when a date unit ends the run.
                var end = i
                while end + 1 < s.count && chineseNumerals.contains(s[end + 1]) { end += 1 }
                if end + 1 < s.count && chineseDateUnits.contains(s[end + 1]) {
                    join(i, through: end + 1)
                    let last = end + 1
                    if last + 1 < s.count && chineseNumerals.contains(s[last + 1]) && s[last] != "日" { join(last, through: last + 1) }
                }
                i = end + 1
            } else {
                i += 1
            }
        }
        return joins
    }

    /// How far after the number ending at `end` its unit ends (`元` 1, `平方米` 3, ` 号` 2: one space may stand between), or nil.
    private static func unit(after end: Int, in s: [Unicode.Scalar]) -> Int? {
        var start = end + 1
        while start < s.count && (s[start] == joiner || (s[start] == " " && start == end + 1)) { start += 1 }
        for scalars in unitScalars {
            if start + scalars.count <= s.count && Array(s[start..<(start + scalars.count)]) == scalars { return start - end - 1 + scalars.count }
        }
        return nil
    }

    private static func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    private static func latin(_ c: Unicode.Scalar) -> Bool { c.isASCII && c != separator }

    /// Longest first, so that `个月` wins over `个`.
    static let units = ["个工作日", "平方公里", "平方米", "个月", "小时", "万元", "亿元", "千元", "周岁", "人次", "年度",
                        "年", "月", "日", "号", "时", "分", "秒", "元", "角", "万", "亿", "个", "人", "天", "周", "岁", "次", "页",
                        "条", "款", "项", "份", "批", "期", "倍", "户", "家", "名", "米", "吨", "台", "件", "位", "间", "层", "届", "％"]
    private static let unitScalars = units.map { Array($0.unicodeScalars) }
    private static let dateUnits: Set<Unicode.Scalar> = ["年", "月", "时"]
    private static let openBrackets: Set<Unicode.Scalar> = ["〔", "［", "【", "（", "(", "["]
    private static let closeBrackets: Set<Unicode.Scalar> = ["〕", "］", "】", "）", ")", "]"]
    private static let chineseNumerals: Set<Unicode.Scalar> = ["〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    private static let chineseDateUnits: Set<Unicode.Scalar> = ["年", "月", "日"]
}
