import XCTest
@testable import TermsIndex

final class AnalysisMetadataTests: XCTestCase {
    struct Expected: Decodable {
        var file: String
        var supplier: String?
        var title: String?
        var version: String?
        var versionDate: String?
        var kind: DocumentKind?
        var languages: [Language]
    }

    /// Supplier names compare without case, spaces and punctuation: "Dejong" from a file name is "De Jong".
    static func folded(_ s: String?) -> String? {
        s.map { String($0.lowercased().filter { $0.isLetter || $0.isNumber }) }
    }

    func testExpectedMetadataForSeedsAndRealWorldFiles() throws {
        let data = try Data(contentsOf: AnalysisFixtures.fixtures.appendingPathComponent("metadata/expected.json"))
        let expected = try JSONDecoder().decode([Expected].self, from: data)
        var right = 0, total = 0, files = 0
        var misses: [String] = []
        for e in expected {
            let name = (e.file as NSString).lastPathComponent
            let input: (text: String, title: String?)
            if e.file.hasPrefix("seeds/") {
                input = (try AnalysisFixtures.seed(name), nil)
            } else if let found = AnalysisFixtures.realworldText(name) {
                input = found
            } else { continue }
            files += 1
            let got = MetadataExtractor.extract(text: input.text, fileName: name, title: input.title)
            let checks: [(String, Bool, String)] = [
                ("supplier", Self.folded(got.supplier) == Self.folded(e.supplier), "\(got.supplier ?? "nil") ≠ \(e.supplier ?? "nil")"),
                ("title", got.title == e.title, "\(got.title ?? "nil") ≠ \(e.title ?? "nil")"),
                ("version", got.version == e.version, "\(got.version ?? "nil") ≠ \(e.version ?? "nil")"),
                ("versionDate", got.versionDate == e.versionDate, "\(got.versionDate ?? "nil") ≠ \(e.versionDate ?? "nil")"),
                ("kind", got.kind == e.kind, "\(got.kind?.rawValue ?? "nil") ≠ \(e.kind?.rawValue ?? "nil")"),
                ("languages", got.languages == e.languages, "\(got.languages) ≠ \(e.languages)"),
            ]
            for (field, ok, detail) in checks {
                total += 1
                if ok { right += 1 } else { misses.append("\(name) \(field): \(detail)") }
            }
        }
        print(String(format: "metadata: %d files, %d/%d fields right (%.1f%%)", files, right, total, 100 * Double(right) / Double(max(total, 1))))
        misses.forEach { print("  miss:", $0) }
        XCTAssertGreaterThanOrEqual(Double(right) / Double(max(total, 1)), 0.85)
    }

    func testKlantassistentPrefersLatestVersionDate() {
        let text = "Algemene voorwaarden\n\nBijgewerkt 12-03-2025\n\nAlgemene voorwaarden – Klantassistent.nl\n\nVersie: 1.4\nLaatst gewijzigd: 23-4-2025\n"
        let m = MetadataExtractor.extract(text: text, fileName: "klantassistent-algemene-voorwaarden.txt")
        XCTAssertEqual(m.version, "1.4")
        XCTAssertEqual(m.versionDate, "2025-04-23")
        XCTAssertEqual(m.supplier, "Klantassistent")
        XCTAssertEqual(m.title, "Algemene voorwaarden – Klantassistent.nl")
    }

    func testDateForms() {
        XCTAssertEqual(MetadataExtractor.parseDate("Version February 2018"), "2018-02")
        XCTAssertEqual(MetadataExtractor.parseDate("Versie maart 2017"), "2017-03")
        XCTAssertEqual(MetadataExtractor.parseDate("Datum: 27-06-2019"), "2019-06-27")
        XCTAssertEqual(MetadataExtractor.parseDate("gedeponeerd bij de KvK op 1 januari 2020"), "2020-01-01")
        XCTAssertEqual(MetadataExtractor.parseDate("Version 31/03/2016"), "2016-03-31")
        XCTAssertEqual(MetadataExtractor.parseDate("© 2008, ICT~Office te Woerden"), "2008")
    }

    func testSupplierFromDefinedPartyAndFileName() {
        let defined = MetadataExtractor.extract(text: "Artikel 1\nVoorbeeld Software B.V., hierna te noemen: Leverancier, levert diensten.\n", fileName: "x.txt")
        XCTAssertEqual(defined.supplier, "Voorbeeld Software")
        let fromFile = MetadataExtractor.extract(text: "Algemene voorwaarden\nArtikel 1 Toepasselijkheid\n", fileName: "02_bakkerij-jansen-algemene-voorwaarden.pdf")
        XCTAssertEqual(fromFile.supplier, "Bakkerij Jansen")
    }

    func testKindFromTitle() {
        XCTAssertEqual(MetadataExtractor.extract(text: "Algemene Voorwaarden EasyComp Zeeland – B2B\n", fileName: "a.txt").kind, .generalTermsB2B)
        XCTAssertEqual(MetadataExtractor.extract(text: "Verwerkersovereenkomst Voorbeeld\n", fileName: "a.txt").kind, .processingAgreement)
        XCTAssertEqual(MetadataExtractor.extract(text: "Algemene voorwaarden voor consumenten\n", fileName: "a.txt").kind, .consumerTerms)
    }
}
