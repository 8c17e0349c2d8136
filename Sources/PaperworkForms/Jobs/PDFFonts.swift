import Foundation
import PaperworkOOXML

/// Chinese fonts templates name (the built-in ones and those common on Chinese Windows), and the free fonts LibreOffice
/// uses for them where they are missing.
///
/// Word and WPS on Chinese Windows have 仿宋, 宋体 and 黑体; a Linux machine usually has none of them, and
/// LibreOffice would then take whatever CJK face fontconfig offers first (often a Japanese sans). The PDFs are
/// made with a fontconfig file that names these fallbacks (`fonts-noto-cjk` on Debian, then AR PL / WenQuanYi).
struct FontFallback: Sendable {
    /// The name a template uses, as Word shows it.
    let family: String
    /// Other names of the same face (Windows, older GB2312 releases, a clerk's 方正 fonts).
    let aliases: [String]
    /// Free faces of the same style, best first.
    let fallbacks: [String]
}

/// A font a document names that is not installed, and the face LibreOffice prints in its place.
public struct FontStandIn: Sendable, Equatable {
    public var font: String
    public var standIn: String

    public init(_ font: String, _ standIn: String) {
        self.font = font
        self.standIn = standIn
    }
}

enum PDFFonts {
    static let table: [FontFallback] = [
        FontFallback(family: "仿宋", aliases: ["仿宋_GB2312", "FangSong", "FangSong_GB2312"], fallbacks: ["Noto Serif CJK SC", "AR PL UMing CN"]),
        FontFallback(family: "宋体", aliases: ["SimSun", "方正小标宋简体", "方正小标宋_GBK"], fallbacks: ["Noto Serif CJK SC", "AR PL UMing CN"]),
        FontFallback(family: "黑体", aliases: ["SimHei"], fallbacks: ["Noto Sans CJK SC", "WenQuanYi Zen Hei"]),
        FontFallback(family: "楷体", aliases: ["楷体_GB2312", "KaiTi", "KaiTi_GB2312"], fallbacks: ["AR PL UKai CN", "Noto Serif CJK SC"]),
        FontFallback(family: "微软雅黑", aliases: ["Microsoft YaHei", "等线", "DengXian"], fallbacks: ["Noto Sans CJK SC", "WenQuanYi Zen Hei"]),
    ]

    /// The table's entry for a font name (its family or an alias), whatever the letter case.
    static func fallback(for name: String) -> FontFallback? {
        let key = name.lowercased()
        return table.first { ([$0.family] + $0.aliases).contains { $0.lowercased() == key } }
    }

    /// A fontconfig file: the system's configuration, then each name falling back to its free faces when missing.
    static func fontconfig(including base: String) -> String {
        var text = "<?xml version=\"1.0\"?>\n<fontconfig>\n <include ignore_missing=\"yes\">\(escape(base))</include>\n"
        for font in table {
            let accept = font.fallbacks.map { "<family>\(escape($0))</family>" }.joined()
            for name in [font.family] + font.aliases {
                text += " <alias binding=\"same\"><family>\(escape(name))</family><accept>\(accept)</accept></alias>\n"
            }
        }
        return text + "</fontconfig>\n"
    }

    /// The face that stands in for a missing font, and whether it has Chinese glyphs; nil when it cannot be told.
    typealias StandIn = (_ font: String, _ eastAsian: Bool) -> (family: String, chinese: Bool)?

    /// The note to give about the fonts the documents name: which are missing and what the PDFs use in their place,
    /// or that no Chinese face is there at all; nil when every named font is installed.
    static func note(named fonts: DocumentFonts, installed: Set<String>, standIn: StandIn) -> PDFNote? {
        let have = Set(installed.map { $0.lowercased() })
        let isInstalled = { (name: String) in have.contains(name.lowercased()) }
        var replaced: [FontStandIn] = []
        var noChinese: [String] = []
        let named = fonts.eastAsian.sorted().map { ($0, true) } + fonts.latin.subtracting(fonts.eastAsian).sorted().map { ($0, false) }
        for (name, eastAsian) in named where !isInstalled(name) {
            if let known = fallback(for: name) {
                guard !([known.family] + known.aliases).contains(where: isInstalled) else { continue }
                if let face = known.fallbacks.first(where: isInstalled) { replaced.append(FontStandIn(name, face)) } else { noChinese.append(name) }
            } else if let face = standIn(name, eastAsian) {
                if eastAsian && !face.chinese { noChinese.append(name) } else { replaced.append(FontStandIn(name, face.family)) }
            }
        }
        if !noChinese.isEmpty { return .noChineseFonts(missing: noChinese) }
        return replaced.isEmpty ? nil : .fontsReplaced(replaced)
    }

    /// What fontconfig, with the file `fontconfig`, gives for the name: `fc-match`, asking for Chinese glyphs when the
    /// font is named for East Asian text.
    static func match(_ font: String, eastAsian: Bool, fontconfig: String) -> (family: String, chinese: Bool)? {
        var pattern = font.replacingOccurrences(of: "\\", with: "\\\\")
        for special in ["-", ":", ","] { pattern = pattern.replacingOccurrences(of: special, with: "\\" + special) }
        if eastAsian { pattern += ":lang=zh-cn" }
        let environment = ProcessInfo.processInfo.environment.merging(["FONTCONFIG_FILE": fontconfig]) { $1 }
        guard let output = run(["fc-match", "-f", "%{family[0]}\n%{lang}", pattern], environment: environment) else { return nil }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let family = lines.first, !family.isEmpty else { return nil }
        let languages = lines.dropFirst().first.map { $0.split(separator: "|") } ?? []
        return (String(family), languages.contains("zh-cn"))
    }

    /// The font families fontconfig knows, or nil when `fc-list` cannot be run.
    static func installedFamilies() -> Set<String>? {
        guard let output = run(["fc-list", ":", "family"], environment: ProcessInfo.processInfo.environment) else { return nil }
        // One face a line; a face with several names lists them comma-separated.
        let names = output.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: ",") }
        return Set(names.map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// What a fontconfig tool prints, or nil when it cannot be run or fails.
    private static func run(_ arguments: [String], environment: [String: String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// What the user should know about the PDFs: they were not made, or made with stand-in fonts.
public enum PDFNote: Sendable, Equatable {
    case sofficeMissing
    case sofficeDidNotStart(reason: String)
    case conversionFailed
    /// Fonts the documents name are not installed; LibreOffice printed these faces in their place.
    case fontsReplaced([FontStandIn])
    /// Chinese fonts the documents name are missing and no free Chinese face is installed: the PDFs will not look right.
    case noChineseFonts(missing: [String])

    /// True when the PDFs were not made at all (rather than made with stand-in fonts).
    public var isFailure: Bool {
        switch self {
        case .sofficeMissing, .sofficeDidNotStart, .conversionFailed: true
        case .fontsReplaced, .noChineseFonts: false
        }
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case (.sofficeMissing, .zh): "未找到 LibreOffice（soffice），未生成 PDF；文档已写出"
        case (.sofficeMissing, .en): "LibreOffice (soffice) not found: no PDF made; the documents were written"
        case let (.sofficeDidNotStart(reason), .zh): "LibreOffice 无法启动，未生成 PDF：" + reason
        case let (.sofficeDidNotStart(reason), .en): "LibreOffice did not start, no PDF made: " + reason
        case (.conversionFailed, .zh): "LibreOffice 转换 PDF 失败"
        case (.conversionFailed, .en): "LibreOffice could not convert to PDF"
        case let (.fontsReplaced(fonts), .zh):
            "提示：本机未安装文档所用字体，PDF 中以其他字体代替：" + fonts.map { "\($0.font)→\($0.standIn)" }.joined(separator: "、")
                + "；在装有这些字体的 Windows 或 WPS 上打印最为准确"
        case let (.fontsReplaced(fonts), .en):
            "note: fonts the documents use are not installed; the PDFs use stand-ins: " + fonts.map { "\($0.font) → \($0.standIn)" }.joined(separator: ", ")
                + " (Word or WPS on Windows with these fonts prints them as designed)"
        case let (.noChineseFonts(missing), .zh):
            "警告：本机未安装文档所用字体 " + missing.joined(separator: "、") + "，也没有可代替的中文字体，PDF 版面会走样；"
                + "请安装 fonts-noto-cjk（Debian/Ubuntu）"
        case let (.noChineseFonts(missing), .en):
            "warning: neither the documents' fonts " + missing.joined(separator: ", ")
                + " nor a free Chinese font are installed, so the PDFs will not look right; install fonts-noto-cjk (Debian/Ubuntu)"
        }
    }
}
