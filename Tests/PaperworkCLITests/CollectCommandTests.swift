import Foundation
import PaperworkOOXML
import Testing

/// The HR bureau's batch day of the README, through the binary: three departments' lists in, one
/// repeating an enterprise of another and one typed over after it was made; the district list and the report out.
@Suite struct CollectCommandTests {
    static let district = ["--set", "部门=密云区人力资源和社会保障局", "--set", "填报人=李娜", "--set", "联系电话=010-69042233", "--set", "填报日期=2020-05-13"]

    /// What `Samples/src/type-over.py` does: a number typed over one cell, the rest of the file as it was.
    func typeOver(_ file: String, cell: String, value: String) throws {
        var package = try OOXMLPackage(contentsOf: file)
        var sheet = String(decoding: try package.data(of: "xl/worksheets/sheet1.xml"), as: UTF8.self)
        let start = try #require(sheet.range(of: "<c r=\"\(cell)\""))
        let open = try #require(sheet.range(of: "<v>", range: start.upperBound..<sheet.endIndex))
        let close = try #require(sheet.range(of: "</v>", range: open.upperBound..<sheet.endIndex))
        sheet.replaceSubrange(open.upperBound..<close.lowerBound, with: value)
        package.setPart("xl/worksheets/sheet1.xml", bytes: Array(sheet.utf8))
        try package.write(to: file, overwrite: true)
    }

    @Test func theBatchDayOfTheReadme() throws {
        let dir = CLI.scratch()
        try FileManager.default.createDirectory(atPath: dir + "/各部门", withIntermediateDirectories: true)
        for d in ["商务局", "科信局", "城管委"] {
            let r = try CLI.run(["fill", "--form", "hr-enterprise-list", CLI.root + "/Samples/collect/\(d).csv", "--set", "部门=区\(d)", "--set", "批次=2",
                                 "--set", "填报人=周明", "--set", "联系电话=010-69041234", "--set", "填报日期=2020-05-12", "-o", "各部门/\(d).xlsx"], in: dir)
            #expect(r.status == 0, "\(r.err)")
        }
        try typeOver(dir + "/各部门/城管委.xlsx", cell: "G6", value: "99")
        let lists = ["各部门/商务局.xlsx", "各部门/城管委.xlsx", "各部门/科信局.xlsx"]
        let blocked = try CLI.run(["collect", "--form", "hr-enterprise-list"] + lists + ["--batch", "2"] + Self.district
                                  + ["-o", "区汇总-第2批.xlsx", "--report", "检查结果.csv"], in: dir)
        #expect(blocked.status == 1)
        #expect(blocked.err.contains("错误：各部门/科信局.xlsx 企业清单 第 16 行 字段「统一社会信用代码」"))
        #expect(blocked.err.contains("与各部门/商务局.xlsx 第 7 行重复"))
        #expect(blocked.err.contains("企业清单!G6 文件中为「99」，嵌入数据为「46」，采用文件中可见的值"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/区汇总-第2批.xlsx"))
        let report = try String(contentsOfFile: dir + "/检查结果.csv", encoding: .utf8)
        #expect(report.contains("错误,各部门/科信局.xlsx,企业清单,16,信用代码"))
        let kept = try CLI.run(["collect", "--form", "hr-enterprise-list"] + lists + ["--batch", "2"] + Self.district
                               + ["-o", "区汇总-第2批.xlsx", "--report", "检查结果.csv", "--skip-invalid"], in: dir)
        #expect(kept.status == 3, "the report of the first run is not replaced without --force")
        #expect(kept.err.contains("检查结果.csv：文件已存在"), "\(kept.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/区汇总-第2批.xlsx"), "refused before any work")
        #expect(try String(contentsOfFile: dir + "/检查结果.csv", encoding: .utf8) == report)
        let merged = try CLI.run(["collect", "--form", "hr-enterprise-list"] + lists + ["--batch", "2"] + Self.district
                                 + ["-o", "区汇总-第2批.xlsx", "--report", "检查结果.csv", "--skip-invalid", "--force"], in: dir)
        #expect(merged.status == 4, "the repeated row was left out: \(merged.err)")
        #expect(merged.out.contains("已汇总 3 份清单，共 41 行，写入 40 行：区汇总-第2批.xlsx"))
        let extracted = try CLI.run(["extract", "区汇总-第2批.xlsx", "-o", "区汇总.json"], in: dir)
        #expect(extracted.status == 0)
        let json = try String(contentsOfFile: dir + "/区汇总.json", encoding: .utf8)
        #expect(json.contains("\"主管部门\": \"区城管委\"") && json.contains("\"参保人数\": 99"))
        let again = try CLI.run(["collect", "--form", "hr-enterprise-list", "各部门/商务局.xlsx", "--batch", "3", "--previous", "区汇总-第2批.xlsx"]
                                + Self.district + ["-o", "第3批.xlsx"], in: dir)
        #expect(again.status == 1)
        #expect(again.err.components(separatedBy: "已在 区汇总-第2批.xlsx 第").count - 1 == 15, "every enterprise of the list went in batch 2")
    }
}
