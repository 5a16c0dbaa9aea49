import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// The published terms in ../shared/realworld, read in place: each document's structure style is
/// recognised (checked against labels read off the documents by hand).
final class RealWorldStructureTests: XCTestCase {
    func keys(_ name: String) throws -> (keys: [String], document: TermsDocument) {
        guard let folder = TestMaterial.realworld else { throw XCTSkip("../shared/realworld is not here") }
        let url = folder.appendingPathComponent(name)
        if url.pathExtension == "pdf", !FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            throw XCTSkip("pdftotext is not installed")
        }
        let document = try DocumentIngester().ingest(url, id: "x").document
        return (document.clauses.map(\.key), document)
    }

    func assertContains(_ keys: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        for key in expected { XCTAssertTrue(keys.contains(key), "missing \(key) in \(keys)", file: file, line: line) }
    }

    func testMarkdownHeadingsAndClauses() throws {
        let (keys, _) = try keys("03_charper-bonaroo.md")
        assertContains(keys, ["1.1", "1.23", "9.12", "19.7"])
        XCTAssertGreaterThan(keys.count, 110)
    }

    func testLowerCaseArtikelHeadersInAPDF() throws {
        let (keys, document) = try keys("19_saluscheck.pdf")
        assertContains(keys, ["1", "2.1", "2.11", "13.11", "22.5"])
        XCTAssertEqual(document.clauses.first { $0.key == "2.1" }?.location.articleHeading, "Toepasselijkheid Voorwaarden")
    }

    func testNumberedListsInsideClausesAreNotArticles() throws {
        // ICT~Office lists its sixteen modules inside clause 1.1; they must not become articles.
        let (keys, document) = try keys("02_ictoffice.pdf")
        assertContains(keys, ["1.1", "1.6", "2.1", "12.10", "16.4"])
        XCTAssertTrue(document.clauses.first { $0.key == "1.1" }!.text.contains("16. Financiering en leasing van ICT"))
    }

    func testArticlesWhoseNumbersStandApartFromTheirText() throws {
        let (keys, _) = try keys("31_nba-dejong-accountants.pdf")
        assertContains(keys, ["2.1", "4.3", "5.1", "5.3", "11.8", "18.3"])
        XCTAssertEqual(Set(keys).count, keys.count)
    }

    func testNestedNumberedListStaysInItsClause() throws {
        let (keys, document) = try keys("06_jos-slotenservice.pdf")
        assertContains(keys, ["22.1", "22.2", "22.3", "24.3"])
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertTrue(document.clauses.first { $0.key == "22.2" }!.text.contains("1. die op het moment"))
    }

    func testHTMLWithBoldRunInHeadingsBecomesSections() throws {
        let (keys, document) = try keys("24_chalet-nl_en.html")
        assertContains(keys, ["complaints", "arrival-and-departure", "pets"])
        XCTAssertTrue(document.clauses.allSatisfy { $0.language == .english })
    }

    func testHTMLWithNumberedClauses() throws {
        let (keys, _) = try keys("26_oae-consultants.html")
        assertContains(keys, ["1.1", "6.7", "14.2"])
    }

    func testDeeperClauseNumbers() throws {
        let (keys, _) = try keys("09_iriscall.pdf")
        assertContains(keys, ["2.1.1", "2.1.3", "16.2.3"])
    }
}
