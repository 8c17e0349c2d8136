import Foundation
import PaperworkOOXML

/// The Chinese fonts the built-in templates name, and the free fonts LibreOffice uses for them where they are missing.
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

enum PDFFonts {
    static let table: [FontFallback] = [
        FontFallback(family: "仿宋", aliases: ["仿宋_GB2312", "FangSong", "FangSong_GB2312"], fallbacks: ["Noto Serif CJK SC", "AR PL UMing CN"]),
        FontFallback(family: "宋体", aliases: ["SimSun", "方正小标宋简体", "方正小标宋_GBK"], fallbacks: ["Noto Serif CJK SC", "AR PL UMing CN"]),
        FontFallback(family: "黑体", aliases: ["SimHei"], fallbacks: ["Noto Sans CJK SC", "WenQuanYi Zen Hei"]),
    ]

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

    /// The note to give when a named font is missing: which fallback the PDFs use, or that no Chinese font is there at all.
    static func note(installed: Set<String>) -> PDFNote? {
        let missing = table.filter { font in !([font.family] + font.aliases).contains(where: installed.contains) }
        guard !missing.isEmpty else { return nil }
        let used = missing.compactMap { font in font.fallbacks.first(where: installed.contains) }
        if used.count < missing.count { return .noChineseFonts(missing: missing.map(\.family)) }
        return .fontsReplaced(missing: missing.map(\.family), using: Array(Set(used)).sorted())
    }

    /// The font families fontconfig knows, or nil when `fc-list` cannot be run.
    static func installedFamilies() -> Set<String>? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-list", ":", "family"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        // One face a line; a face with several names lists them comma-separated.
        let names = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).flatMap { $0.split(separator: ",") }
        return Set(names.map { $0.trimmingCharacters(in: .whitespaces) })
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
    /// The named fonts are not installed; LibreOffice used these free faces in their place.
    case fontsReplaced(missing: [String], using: [String])
    /// Neither the named fonts nor a free Chinese face are installed: the PDFs will not look right.
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
        case let (.fontsReplaced(missing, using), .zh):
            "提示：本机未安装模板所用字体 " + missing.joined(separator: "、") + "，PDF 中以 " + using.joined(separator: "、")
                + " 代替；在装有这些字体的 Windows 或 WPS 上打印最为准确"
        case let (.fontsReplaced(missing, using), .en):
            "note: the template's fonts " + missing.joined(separator: ", ") + " are not installed; the PDFs use "
                + using.joined(separator: ", ") + " in their place (Word or WPS on Windows prints them as designed)"
        case let (.noChineseFonts(missing), .zh):
            "警告：本机未安装模板所用字体 " + missing.joined(separator: "、") + "，也没有可代替的中文字体，PDF 版面会走样；"
                + "请安装 fonts-noto-cjk（Debian/Ubuntu）"
        case let (.noChineseFonts(missing), .en):
            "warning: neither the template's fonts " + missing.joined(separator: ", ")
                + " nor a free Chinese font are installed, so the PDFs will not look right; install fonts-noto-cjk (Debian/Ubuntu)"
        }
    }
}
