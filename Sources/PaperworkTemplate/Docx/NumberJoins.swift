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
        joined(bytes).bytes
    }

    /// The part's bytes with joiners, and its text as it reads in them (the bytes as they were when nothing needs joining).
    static func joined(_ bytes: [UInt8]) -> (bytes: [UInt8], text: PartText) {
        let (out, text, _) = joined(bytes, text: PartText(bytes))
        return (out, text)
    }

    /// The same for bytes whose text (or the text of some of their paragraphs) was read as `text`; also where the
    /// joiners went, as offsets in the bytes given, in order.
    static func joined(_ bytes: [UInt8], text: PartText) -> (bytes: [UInt8], text: PartText, joinedAt: [Int]) {
        let joins = joinsAfter(text.scalars)
        guard let first = joins.firstIndex(of: true) else { return (bytes, text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var after = PartText()
        after.scalars.reserveCapacity(text.scalars.count + 16)
        after.offsets.reserveCapacity(text.offsets.count + 16)
        var joinedAt: [Int] = []
        var copied = 0
        var next = 0
        for i in joins.indices[first...] where joins[i] {
            let at = text.offsets[i + 1]
            let shift = out.count - copied
            for k in next...i {
                after.scalars.append(text.scalars[k])
                after.offsets.append(text.offsets[k] + shift)
            }
            next = i + 1
            out += bytes[copied..<at]
            after.scalars.append(joiner)
            after.offsets.append(out.count)
            out += joinerBytes
            joinedAt.append(at)
            copied = at
        }
        let shift = out.count - copied
        for k in next..<text.scalars.count {
            after.scalars.append(text.scalars[k])
            after.offsets.append(text.offsets[k] + shift)
        }
        out += bytes[copied...]
        after.offsets.append(out.count)
        return (out, after, joinedAt)
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
                while end + 1 < s.count && (digit(s[end + 1]) || ((s[end + 1] == "," || s[end + 1] == ".") && end + 2 < s.count && digit(s[end + 2]))) { end += 1 }
                if i > 0 && (s[i - 1] == "第" || openBracket(s[i - 1])) { join(i - 1, through: i) }
                if end + 1 < s.count && closeBracket(s[end + 1]) { join(end, through: end + 1) }
                if let unit = unit(after: end, in: s) {
                    join(end, through: end + unit)
                    // 2020年|3月, 3月|14日, 8时|30分: the next number belongs to the same date or time.
                    let last = end + unit
                    if (s[last] == "年" || s[last] == "月" || s[last] == "时") && last + 1 < s.count && digit(s[last + 1]) { join(last, through: last + 1) }
                }
                i = end + 1
            } else if chineseNumeral(s[i]) {
                // 二〇二〇年五月十四日: numerals joined to each other and to their unit only when a date unit ends the run.
                var end = i
                while end + 1 < s.count && chineseNumeral(s[end + 1]) { end += 1 }
                if end + 1 < s.count && (s[end + 1] == "年" || s[end + 1] == "月" || s[end + 1] == "日") {
                    join(i, through: end + 1)
                    let last = end + 1
                    if last + 1 < s.count && chineseNumeral(s[last + 1]) && s[last] != "日" { join(last, through: last + 1) }
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
        guard start < s.count, unitStarts.contains(s[start].value) else { return nil }
        for scalars in unitScalars where start + scalars.count <= s.count && s[start..<(start + scalars.count)].elementsEqual(scalars) {
            return start - end - 1 + scalars.count
        }
        return nil
    }

    private static func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    private static func latin(_ c: Unicode.Scalar) -> Bool { c.isASCII && c != PartText.separator }

    /// Longest first, so that `个月` wins over `个`.
    static let units = ["个工作日", "平方公里", "平方米", "个月", "小时", "万元", "亿元", "千元", "周岁", "人次", "年度",
                        "年", "月", "日", "号", "时", "分", "秒", "元", "角", "万", "亿", "个", "人", "天", "周", "岁", "次", "页",
                        "条", "款", "项", "份", "批", "期", "倍", "户", "家", "名", "米", "吨", "台", "件", "位", "间", "层", "届", "％"]
    private static let unitScalars = units.map { Array($0.unicodeScalars) }
    /// The units' first scalars: most text after a number is ruled out by one lookup.
    private static let unitStarts = Set(units.compactMap { $0.unicodeScalars.first?.value })

    private static func openBracket(_ c: Unicode.Scalar) -> Bool {
        switch c { case "〔", "［", "【", "（", "(", "[": true; default: false }
    }

    private static func closeBracket(_ c: Unicode.Scalar) -> Bool {
        switch c { case "〕", "］", "】", "）", ")", "]": true; default: false }
    }

    private static func chineseNumeral(_ c: Unicode.Scalar) -> Bool {
        switch c { case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true; default: false }
    }
}
