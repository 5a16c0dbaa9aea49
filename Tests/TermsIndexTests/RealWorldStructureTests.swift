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

    // MARK: ../shared/realworld2 (files the rules were developed against; read in place)

    func keys2(_ name: String) throws -> (keys: [String], document: TermsDocument) {
        guard let folder = TestMaterial.shared?.appendingPathComponent("realworld2/files"),
              FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) else {
            throw XCTSkip("../shared/realworld2 is not here")
        }
        if name.hasSuffix(".pdf"), !FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            throw XCTSkip("pdftotext is not installed")
        }
        let document = try DocumentIngester().ingest(folder.appendingPathComponent(name), id: "x").document
        return (document.clauses.map(\.key), document)
    }

    func testChapterNumbersApartFromTheirTitlesAndAClickableContentsPage() throws {
        let (keys, document) = try keys2("02_asr-inboedel-2020.pdf")
        assertContains(keys, ["1", "2.1", "3.8", "4.1", "7.1", "8.10", "begrippenlijst"])
        XCTAssertFalse(keys.contains("28.1"), "rows of a numbered table are no articles")
        XCTAssertEqual(document.clauses.first { $0.key == "1" }?.location.page, 3, "the contents pages are dropped")
    }

    func testNumberedTermsInAKeywordArticleAndAFooterDate() throws {
        let (keys, document) = try keys2("04_unigarant-scootmobiel.pdf")
        assertContains(keys, ["1.1", "1.15", "3.3", "7.5", "24.2"])
        XCTAssertEqual(document.metadata.versionDate, "2016-03")
    }

    func testLongQuestionHeadings() throws {
        let (keys, _) = try keys2("05_noordeloos-rechtsbijstand.pdf")
        assertContains(keys, ["9", "18", "21", "22"])
    }

    func testHeadingsFoundByFontDespiteInvisibleSpaces() throws {
        let (keys, _) = try keys2("10_justzaap-2017_en.pdf")
        assertContains(keys, ["complaints", "arbitration", "indemnification"])
    }

    func testTitleInBodyTypeHeadsAnUnnumberedText() throws {
        let (_, document) = try keys2("08_prusik.pdf")
        XCTAssertEqual(document.clauses.first?.location.heading, "Algemene voorwaarden")
    }

    func testMarkdownFrontMatterRunInHeadingAndGluedNumber() throws {
        let (_, pol) = try keys2("28_pol-klusbedrijf.md")
        XCTAssertEqual(pol.clauses.first?.location.heading, "Definities")
        XCTAssertFalse(pol.clauses.first?.text.contains("layout:") ?? true)
        let (keys, _) = try keys2("29_dakshampoo.md")
        assertContains(keys, ["1.5", "1.6", "1.7"])
    }
}
