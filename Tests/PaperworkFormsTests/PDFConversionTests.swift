import Foundation
import Testing
@testable import PaperworkForms

/// `--pdf`: LibreOffice converts the written documents, when it is installed.
@Suite struct PDFConversionTests {
    static let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"]
        .contains { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: soffice, "needs LibreOffice (soffice) installed"))
    func aFilledAgreementBecomesAPDFBesideIt() throws {
        let dir = NSTemporaryDirectory() + "paperwork-pdf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let docx = dir + "/协议.docx"
        let job = FillJob(data: Repo.root + "/Samples/rent-reduction-agreement/valid.yaml", template: nil,
                          form: try Repo.catalog.form("rent-reduction-agreement"), policy: Repo.policy, options: LoadOptions())
        _ = try job.run(output: docx, overwrite: false)
        #expect(PDFConversion.convert([docx], in: dir).filter(\.isFailure).isEmpty, "made; a note on stand-in fonts is not a failure")
        let pdf = try #require(FileManager.default.contents(atPath: dir + "/协议.pdf"))
        #expect(pdf.prefix(5) == Data("%PDF-".utf8))
        #expect(pdf.count > 10_000, "a page of text with its fonts, not an empty file")
    }
}
