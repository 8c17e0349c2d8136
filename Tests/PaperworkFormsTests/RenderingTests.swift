import Foundation
import PaperworkOOXML
import Testing
@testable import PaperworkForms

/// The built-in forms filled, printed to PDF by LibreOffice (as `--pdf` does) and checked page by page from the
/// PDF's text layout: what clerks and finance offices judge on paper.
@Suite(.enabled(if: Tool.canRender, "needs LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo)"))
struct RenderingTests {
    /// Every document made and its PDF's layout, by name; made once, in one LibreOffice run, for all the tests.
    struct Rendered {
        var documents: [String: String] = [:]
        var layouts: [String: PDFLayout] = [:]
        var notes: [PDFNote] = []
        var tenants: [String] = []
    }

    static let rendered = Result { try render() }

    static func render() throws -> Rendered {
        let dir = NSTemporaryDirectory() + "paperwork-rendering-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/batch", withIntermediateDirectories: true)
        var result = Rendered()
        func fill(_ form: String, _ data: String, _ name: String, settings: [String] = []) throws {
            let out = dir + "/" + name
            let job = FillJob(data: data, template: nil, form: try Repo.catalog.form(form), policy: Repo.policy, options: LoadOptions(settings: settings))
            let prepared = try job.run(output: out, overwrite: false)
            #expect(!prepared.hasErrors, "\(prepared.findings.map { $0.line(.zh) })")
            result.documents[name] = out
        }
        func sample(_ form: String) throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repo.root + "/Samples/\(form)/valid.json"))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
        func write(_ object: [String: Any], _ name: String) throws -> String {
            let path = dir + "/" + name
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
            return path
        }

        try fill("rent-reduction-agreement", Repo.root + "/Samples/rent-reduction-agreement/valid.yaml", "agreement.docx")
        var agreement = try sample("rent-reduction-agreement")
        agreement["协议编号"] = nil
        try fill("rent-reduction-agreement", try write(agreement, "agreement-no-number.json"), "agreement-no-number.docx")

        // Made up: names and addresses growing a character at a time push every date of the first clause, in turn,
        // across a line end.
        for k in 0..<Self.longNameVariants {
            var long = agreement
            var lessee = long["乙方"] as? [String: Any] ?? [:]
            lessee["名称"] = "北京密云" + String(repeating: "云", count: k) + "示例科技发展有限公司"
            long["乙方"] = lessee
            var contract = long["原合同"] as? [String: Any] ?? [:]
            contract["房屋地址"] = "北京市密云区溪翁庄镇" + String("经济开发区兴盛南路".prefix(k)) + "8号院2号楼一层101"
            contract["编号"] = "MYGZ-ZL-2019-" + String(repeating: "0", count: k) + "42"
            long["原合同"] = contract
            try fill("rent-reduction-agreement", try write(long, "agreement-long-\(k).json"), "agreement-long-\(k).docx")
        }

        var application = try sample("interest-subsidy-application")
        for vouchers in [9, 12, 30] {
            application["付息记录"] = (0..<vouchers).map { i in
                ["日期": String(format: "2020-%02d-%02d", 4 + i / 28, 1 + i % 28), "金额": 10462.5, "凭证号": "FX-2020-\(1000 + i)"] as [String: Any]
            }
            try fill("interest-subsidy-application", try write(application, "application-\(vouchers).json"), "application-\(vouchers).docx")
        }

        var list = try sample("hr-enterprise-list")
        let enterprises = list["企业"] as? [[String: Any]] ?? []
        for count in [1, 40, 41] {
            list["企业"] = (0..<count).map { i in
                var item = enterprises[i % enterprises.count]
                item["信用代码"] = creditCode(3000 + i)
                item["名称"] = "\(item["名称"] ?? "")\(i + 1)号"
                return item
            }
            try fill("hr-enterprise-list", try write(list, "list-\(count).json"), "list-\(count).xlsx")
        }

        let landlord = ["甲方.名称=北京密云示例国有资产经营有限公司", "甲方.信用代码=91110228MA0030003Y", "甲方.地址=北京市密云区鼓楼东大街18号",
                        "甲方.法定代表人=张建国", "甲方.联系电话=010-69043376", "签订日期=2020-05-20"]
        let batch = BatchJob(fill: FillJob(data: Repo.root + "/Samples/rent-reduction-agreement/tenants.csv", template: nil,
                                           form: try Repo.catalog.form("rent-reduction-agreement"), policy: Repo.policy,
                                           options: LoadOptions(settings: landlord)), outDir: dir + "/batch")
        let summary = try batch.run()
        #expect(summary.written.count == 12)
        for path in summary.written {
            let name = URL(fileURLWithPath: path).lastPathComponent
            result.documents[name] = path
            result.tenants.append(name)
        }

        result.notes = PDFConversion.convert(Array(result.documents.values).sorted(), in: dir + "/pdf")
        for (name, _) in result.documents {
            let pdf = dir + "/pdf/" + (name as NSString).deletingPathExtension + ".pdf"
            if FileManager.default.fileExists(atPath: pdf) { result.layouts[name] = try PDFLayout(pdf: pdf) }
        }
        return result
    }

    func layout(_ name: String) throws -> PDFLayout {
        let rendered = try Self.rendered.get()
        return try #require(rendered.layouts[name], "no PDF of \(name); LibreOffice said \(rendered.notes.map { $0.message(.en) })")
    }

    @Test func everyDocumentBecomesAPDF() throws {
        let rendered = try Self.rendered.get()
        let failures = rendered.notes.filter(\.isFailure).map { $0.message(.en) }
        #expect(failures.isEmpty, "\(failures)")
        #expect(rendered.layouts.count == rendered.documents.count)
        #expect(rendered.tenants.count == 12)
    }

    @Test(arguments: [9, 12])
    func applicationFitsOneA4Page(vouchers: Int) throws {
        let pdf = try layout("application-\(vouchers).docx")
        #expect(pdf.pages.count == 1)
        #expect(pdf.page(of: "区金融办审核意见") == 1 && pdf.page(of: "FX-2020-\(999 + vouchers)") == 1)
    }

    @Test func longApplicationRepeatsTheVoucherHeadingAndKeepsTheDeclarationWhole() throws {
        let pdf = try layout("application-30.docx")
        #expect(pdf.pages.count == 2)
        for page in pdf.pages where page.contains("FX-2020-") {
            #expect(page.contains("付息日期") && page.contains("凭证号"), "every page of vouchers starts with their heading")
        }
        let declaration = try #require(pdf.page(of: "企业承诺"))
        #expect(pdf.page(of: "申请贴息金额") == declaration && pdf.page(of: "区金融办审核意见") == declaration)
    }

    @Test func signatureTableKeepsTheLastClause() throws {
        let rendered = try Self.rendered.get()
        for name in ["agreement.docx", "agreement-no-number.docx"] + rendered.tenants {
            let pdf = try layout(name)
            let seals = try #require(pdf.page(of: "甲方（盖章）"), "\(name)")
            #expect(pdf.page(of: "本补充协议一式肆份") == seals, "\(name): the signature table is not alone on page \(seals)")
            #expect(pdf.page(of: "乙方（盖章）") == seals && pdf.page(of: "法定代表人或授权代表（签字）") == seals)
        }
    }

    @Test func emptyAgreementNumberDropsItsLine() throws {
        #expect(try layout("agreement.docx").page(of: "协议编号：MYGZ-JM-2020-017") == 1)
        #expect(try layout("agreement-no-number.docx").page(of: "协议编号") == nil)
    }

    @Test(arguments: [1, 40, 41])
    func listTotalsSignOffAndLastRowsShareAPage(enterprises: Int) throws {
        let pdf = try layout("list-\(enterprises).xlsx")
        let totals = try #require(pdf.pages.firstIndex { $0.lines.contains { $0.compact.hasPrefix("合计") } }).advanced(by: 1)
        #expect(pdf.page(of: "填报单位（盖章）") == totals)
        #expect(pdf.page(of: creditCode(3000 + enterprises - 1)) == totals, "the last enterprise stands with the totals")
        for page in pdf.pages { #expect(page.contains("统一社会信用代码"), "the heading rows repeat on every page") }
    }

    /// How many agreements with ever longer names are made.
    static let longNameVariants = 9

    /// A number, code, phone number or the year of a date: a run of digits and Latin letters with its inner punctuation.
    static let unbreakable = #"[0-9A-Za-z](?:[0-9A-Za-z.,\-%/]*[0-9A-Za-z%])?"#

    /// A date (`2020年3月14日`, `4月30日`), a bracketed year (`〔2020〕`) or a number with its unit (`2年`, `25号`,
    /// `8,800.00元`). Earlier alternatives win, so `2022年5月` left alone at a line end is not the date.
    static let joinedUnits = #"\d{1,4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|〔\d+〕|\d[\d.,]*(?:个月|年|月|日|号|元|人|个|天|页)"#

    /// The atoms of `pattern` in every paragraph of a filled .docx that a PDF line does not hold whole.
    func broken(_ pattern: String, in name: String, path: String) throws -> (expected: [String: Int], broken: [String]) {
        let xml = String(decoding: try OOXMLPackage(contentsOf: path).data(of: "word/document.xml"), as: UTF8.self)
        let paragraphs = PDFLayout.matches(#"<w:p[ >](.*?)</w:p>"#, in: xml).map { p in
            PDFLayout.matches(#"<w:t(?: [^>]*)?>([^<]*)</w:t>"#, in: p[0]).map { PDFLayout.unescape($0[0]) }.joined()
                .filter { !$0.isWhitespace && $0 != "\u{2060}" }
        }
        var expected: [String: Int] = [:]
        for p in paragraphs { for atom in PDFLayout.matches("(\(pattern))", in: p) { expected[atom[0], default: 0] += 1 } }
        var whole: [String: Int] = [:]
        for line in try layout(name).pages.flatMap(\.lines) {
            for atom in PDFLayout.matches("(\(pattern))", in: line.compact) { whole[atom[0], default: 0] += 1 }
        }
        return (expected, expected.filter { whole[$0.key, default: 0] < $0.value }.keys.sorted())
    }

    @Test func noLineEndsInsideANumberOrCode() throws {
        let rendered = try Self.rendered.get()
        for (name, path) in rendered.documents where name.hasSuffix(".docx") {
            let result = try broken(Self.unbreakable, in: name, path: path)
            #expect(result.broken.isEmpty, "\(name): broken across lines: \(result.broken)")
        }
    }

    /// Dates and numbers with their units carry WORD JOINERs, in runs whose East Asian language is en-US: LibreOffice
    /// 7.x (Debian 12) breaks Chinese-language text before any character but forbidden punctuation, joiner or not, but
    /// breaks other languages' text with ICU, which keeps the joined parts together (`JoinedRunLanguage`).
    @Test func noLineEndsInsideADateOrANumberWithItsUnit() throws {
        let rendered = try Self.rendered.get()
        var dates = 0
        var broken: [String: [String]] = [:]
        for (name, path) in rendered.documents where name.hasSuffix(".docx") {
            let result = try self.broken(Self.joinedUnits, in: name, path: path)
            dates += result.expected.filter { $0.key.hasSuffix("日") }.count
            if !result.broken.isEmpty { broken[name] = result.broken }
        }
        #expect(dates > 5 * Self.longNameVariants, "the check saw the documents' dates")
        for (name, parts) in broken.sorted(by: { $0.key < $1.key }) { Issue.record("\(name): broken across lines: \(parts)") }
    }

    /// The long names do move dates to line ends: in some variants a line starts or ends with a whole date, where
    /// without the joiners it could have broken inside it.
    @Test func longNamesPushDatesToLineEnds() throws {
        var atLineEnds = 0
        for k in 0..<Self.longNameVariants {
            for line in try layout("agreement-long-\(k).docx").pages.flatMap(\.lines).map(\.compact) {
                if !PDFLayout.matches(#"^(\d{4}年\d{1,2}月\d{1,2}日)|(\d{4}年\d{1,2}月\d{1,2}日)$"#, in: line).isEmpty { atLineEnds += 1 }
            }
        }
        #expect(atLineEnds >= 2)
    }

    /// The list's headings stand in at most two lines, broken where the template breaks them, on every page.
    @Test(arguments: [1, 40])
    func listHeadingsWrapInAtMostTwoLines(enterprises: Int) throws {
        let rendered = try Self.rendered.get()
        let path = try #require(rendered.documents["list-\(enterprises).xlsx"])
        let reader = try WorkbookReader(try OOXMLPackage(contentsOf: path))
        var headings: [String] = []
        try reader.rows(ofSheet: reader.sheets[0].part) { row in
            let texts = row.cells.sorted { $0.key < $1.key }.compactMap { cell -> String? in
                if case .text(let t) = cell.value { return t }
                return nil
            }
            if texts.contains("序号") { headings = texts }
        }
        #expect(headings.count >= 10)
        #expect(headings.allSatisfy { $0.split(separator: "\n").count <= 2 }, "the template breaks each heading into two lines at most")
        for (number, page) in try layout("list-\(enterprises).xlsx").pages.enumerated() {
            let anchor = try #require(page.lines.first { $0.compact == "序号" }, "page \(number + 1) has the heading row")
            // The heading row: lines within one line's height of 序号, which is centred in it; a third line would stand outside.
            let band = page.lines.filter { $0.top >= anchor.top - 6 && $0.bottom <= anchor.bottom + 6 }
            var columns: [[PDFLayout.Line]] = []
            for line in band.sorted(by: { $0.top < $1.top }) {
                if let i = columns.firstIndex(where: { $0.contains { $0.left < line.right && line.left < $0.right } }) {
                    columns[i].append(line)
                } else {
                    columns.append([line])
                }
            }
            for heading in headings {
                let parts = heading.split(separator: "\n").map { String($0).filter { !$0.isWhitespace } }
                let column = columns.first { $0.map(\.compact).joined() == parts.joined() }
                #expect(column?.map(\.compact) == parts, "page \(number + 1): 「\(heading)」 prints as \(column.map { $0.map(\.compact) } ?? [])")
            }
        }
    }

    @Test func footerPrintsWholeOnEveryPage() throws {
        let rendered = try Self.rendered.get()
        for name in rendered.documents.keys.sorted() {
            let pdf = try layout(name)
            for (i, page) in pdf.pages.enumerated() {
                let footer = page.lines.first { $0.compact == "第\(i + 1)页共\(pdf.pages.count)页" }
                #expect(footer != nil, "\(name) page \(i + 1): no whole footer")
                if let footer { #expect(footer.top > page.height * 0.85 && footer.bottom < page.height - 10, "\(name) page \(i + 1)") }
            }
        }
    }
}
