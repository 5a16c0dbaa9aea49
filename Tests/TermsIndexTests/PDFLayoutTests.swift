import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// Reading PDFs by layout (poppler's `-bbox-layout` boxes) and cutting over-long clauses.
final class PDFLayoutTests: XCTestCase {
    /// One `<line>` of poppler's output: words placed from `x`, 5 points per character.
    private func line(_ text: String, x: Double, y: Double, height: Double = 10) -> String {
        var words = "", left = x
        for word in text.split(separator: " ") {
            let right = left + Double(word.count) * 5
            words += "<word xMin=\"\(left)\" yMin=\"\(y)\" xMax=\"\(right)\" yMax=\"\(y + height)\">\(word)</word>"
            left = right + 3
        }
        return "<line xMin=\"\(x)\" yMin=\"\(y)\" xMax=\"\(left - 3)\" yMax=\"\(y + height)\">\(words)</line>"
    }

    private func block(_ lines: String...) -> String { "<block>" + lines.joined() + "</block>" }

    private func page(_ blocks: String...) -> String {
        "<page width=\"600\" height=\"800\"><flow>" + blocks.joined() + "</flow></page>"
    }

    private func document(_ pages: String...) -> PDFLayout {
        PDFLayout(xhtml: "<html><head><meta name=\"CreationDate\" content=\"2018-08-31T14:46:24+02\"/></head><body><doc>"
                  + pages.joined() + "</doc></body></html>")
    }

    private func texts(_ blocks: [RawBlock]) -> [String] {
        blocks.map { $0.lines.map(\.text).joined(separator: " / ") }
    }

    func testColumnsFurnitureContentsAndHeadings() {
        let footer = line("Voorwaarden ACME 2018", x: 40, y: 760)
        let layout = document(
            page(
                block(line("Inhoudsopgave", x: 40, y: 60, height: 14)),
                block(line("1. Toepasselijkheid", x: 40, y: 90), line("2. Betaling", x: 40, y: 102),
                      line("3. Aansprakelijkheid", x: 40, y: 114)),
                block(line("2", x: 250, y: 90), line("2", x: 250, y: 102), line("3", x: 250, y: 114)),
                block(footer), block(line("1", x: 290, y: 780))),
            // Poppler lists the right column first; the left one must be read first.
            page(
                block(line("2. Betaling", x: 320, y: 60)),
                block(line("Facturen worden binnen dertig dagen betaald.", x: 320, y: 72)),
                block(line("Algemene bepalingen", x: 40, y: 60, height: 16)),
                block(line("1.", x: 40, y: 90)),
                block(line("Deze voorwaarden gelden voor elke overeenkomst.", x: 60, y: 90)),
                block(footer), block(line("2", x: 290, y: 780))),
            page(block(line("3. Aansprakelijkheid", x: 40, y: 60)),
                 block(line("Onze aansprakelijkheid is beperkt tot het factuurbedrag.", x: 40, y: 72)),
                 block(footer), block(line("3", x: 290, y: 780))))
        XCTAssertEqual(layout.metadata["CreationDate"], "2018-08-31T14:46:24+02")
        let blocks = layout.rawBlocks()
        XCTAssertEqual(texts(blocks), [
            "Algemene bepalingen",
            "1. Deze voorwaarden gelden voor elke overeenkomst.",
            "2. Betaling", "Facturen worden binnen dertig dagen betaald.",
            "3. Aansprakelijkheid", "Onze aansprakelijkheid is beperkt tot het factuurbedrag.",
        ], "table of contents, running footer and page numbers dropped; left column first; the margin label joined")
        XCTAssertEqual(blocks.map { $0.lines.first?.page }, [1, 1, 1, 1, 2, 2])
        XCTAssertEqual(blocks[0].kind, .heading(level: 2), "larger type than the body is a heading")
        XCTAssertEqual(blocks[1].kind, .paragraph)
    }

    func testWhitespaceInsideWordsDoesNotBreakTheLine() {
        // Pages (macOS) writes each word with a tab, a carriage return and a no-break space.
        let words = ["De", "klant", "betaalt"].enumerated().map { i, w in
            "<word xMin=\"\(40 + i * 40)\" yMin=\"60\" xMax=\"\(70 + i * 40)\" yMax=\"70\">\(w)\t\r\u{A0}</word>"
        }.joined()
        let xhtml = "<line xMin=\"40\" yMin=\"60\" xMax=\"150\" yMax=\"70\">\(words)</line>"
        XCTAssertEqual(texts(document(page(block(xhtml))).rawBlocks()), ["De klant betaalt"])
    }

    func testTitleAndFileDateFromTheHead() {
        func head(_ title: String, _ date: String) -> PDFLayout {
            PDFLayout(xhtml: "<html><head><title>\(title)</title><meta name=\"ModDate\" content=\"\(date)\"/></head><body><doc></doc></body></html>")
        }
        XCTAssertEqual(head("Microsoft Word - Algemene voorwaarden Vinci Club.docx", "2022-12-29T20:48:06Z").title,
                       "Algemene voorwaarden Vinci Club")
        XCTAssertEqual(head("x", "2022-12-29T20:48:06Z").fileDate, "2022-12-29")
        for placeholder in ["Naamloos 3", "Inhoudsopgave", "algemene-voorwaarden-josslotenservice-a4", "T&amp;C", ""] {
            XCTAssertNil(head(placeholder, "").title, placeholder)
        }
        XCTAssertNil(head("x", "D:garbage").fileDate)
    }

    func testHostileCoordinatesAndManyLabelsStayLinear() {
        var lines = ""
        for i in 0..<4_000 { lines += line("\(i % 9 + 1).", x: 40, y: Double(i % 50) * 12) }
        let odd = "<line xMin=\"nan\" yMin=\"1e300\" xMax=\"-inf\" yMax=\"1e308\"><word xMin=\"nan\" xMax=\"1\">x</word></line>"
        let start = Date()
        let blocks = document(page(block(lines), block(odd))).rawBlocks()
        XCTAssertEqual(blocks.reduce(0) { $0 + $1.lines.count }, 4_001)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "4,000 labels on one page must not take quadratic time")
    }

    func testLongClauseIsCutIntoPiecesThatKeepItsLabel() {
        let sentence = "De leverancier is niet aansprakelijk voor schade die het gevolg is van onjuiste gegevens. "
        let long = String(repeating: sentence, count: 80)  // about 7,200 characters on one line
        let text = "7. Aansprakelijkheid\n7.5 " + long + "\n7.6 Korte bepaling."
        let clauses = ClauseSegmenter().segment([TextBlock(kind: .paragraph, text: text, page: 3)])
        let pieces = clauses.filter { $0.location.clause == "7.5" }
        XCTAssertGreaterThanOrEqual(pieces.count, 3)
        XCTAssertTrue(pieces.allSatisfy { $0.text.count <= 2_500 })
        XCTAssertEqual(pieces.map(\.location.piece), Array(1...pieces.count).map { $0 })
        XCTAssertEqual(pieces.map(\.key), ["7.5"] + (2...pieces.count).map { "7.5#\($0)" })
        XCTAssertEqual(pieces.map(\.location.page), Array(repeating: 3, count: pieces.count))
        let words = { (s: String) in s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        XCTAssertEqual(words(pieces.map(\.text).joined(separator: " ")), words(long), "no text lost or doubled")
        XCTAssertEqual(clauses.first { $0.location.clause == "7.6" }?.location.piece, nil)
    }

    func testRealPDFClausesCarryTheirPages() throws {
        guard let shared = TestMaterial.shared else { throw XCTSkip("../shared not present") }
        let url = shared.appendingPathComponent("realworld/02_ictoffice.pdf")
        guard FileManager.default.fileExists(atPath: url.path) else { throw XCTSkip("\(url.path) not present") }
        let extracted = try DocumentReader().read(url)
        let pages = extracted.blocks.compactMap(\.page)
        XCTAssertEqual(pages.count, extracted.blocks.count, "every block of a PDF knows its page")
        XCTAssertEqual(pages.first, 1)
        XCTAssertGreaterThan(pages.last ?? 0, 1)
        XCTAssertEqual(pages, pages.sorted(), "blocks come in page order")
    }
}
