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
        XCTAssertEqual(layout.read().runningLines, ["Voorwaarden ACME 2018"], "the running footer, once, for the metadata")
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

    func testInvisibleGlyphsDoNotMakeBodyLinesTall() {
        // Pages writes a zero-width space between words in a taller font: the line's box is its
        // visible words', so the heading in larger type still stands out.
        func spaced(_ words: [String], y: Double, height: Double) -> String {
            var out = "", x = 40.0
            for w in words {
                out += "<word xMin=\"\(x)\" yMin=\"\(y)\" xMax=\"\(x + 30)\" yMax=\"\(y + height)\">\(w)</word>"
                out += "<word xMin=\"\(x + 31)\" yMin=\"\(y - 3)\" xMax=\"\(x + 31)\" yMax=\"\(y + height + 6)\">\u{200B}</word>"
                x += 34
            }
            return "<line xMin=\"40\" yMin=\"\(y - 3)\" xMax=\"\(x)\" yMax=\"\(y + height + 6)\">\(out)</line>"
        }
        let body = (0..<6).map { block(spaced(["De", "klant", "betaalt", "binnen", "dertig", "dagen."], y: 100 + Double($0) * 60, height: 10)) }
        let layout = document("<page width=\"600\" height=\"800\"><flow>" + block(line("Klachten", x: 40, y: 60, height: 14))
                              + body.joined() + "</flow></page>")
        let blocks = layout.rawBlocks()
        XCTAssertEqual(blocks.first?.kind, .heading(level: 2))
        XCTAssertEqual(blocks.last.map { $0.lines.map(\.text) }, ["De klant betaalt binnen dertig dagen."])
    }

    func testBareChapterNumbersAndClickableContents() {
        let layout = document(
            // A contents page whose entries end in far page numbers or link arrows.
            page(block(line("Inhoud", x: 40, y: 40, height: 13)),
                 block(line("1", x: 40, y: 70, height: 12)), block(line("Wie is verzekerd?", x: 60, y: 70, height: 12)),
                 block(line("3", x: 550, y: 70, height: 12)),
                 block(line("2", x: 40, y: 90, height: 12)), block(line("Wat is verzekerd?", x: 60, y: 90, height: 12)),
                 block(line("4", x: 550, y: 90, height: 12)),
                 block(line("Begrippen", x: 40, y: 110, height: 12)), block(line("»", x: 500, y: 110, height: 12))),
            // The chapter number stands apart from its title in the same type.
            page(block(line("1", x: 40, y: 100, height: 13)), block(line("Wie is verzekerd?", x: 60, y: 100, height: 13)),
                 block(line("U en uw gezin zijn verzekerd zolang u samenwoont.", x: 60, y: 120)),
                 block(line("2", x: 40, y: 140, height: 13)), block(line("Wat is verzekerd?", x: 60, y: 140, height: 13)),
                 block(line("Uw inboedel in uw woning en daarbuiten, tot het bedrag op uw polis.", x: 60, y: 160)),
                 // Below a text's last line, far from any title: a number of its own.
                 block(line("3", x: 300, y: 400))))
        XCTAssertEqual(texts(layout.rawBlocks()), [
            "1 Wie is verzekerd?", "U en uw gezin zijn verzekerd zolang u samenwoont.",
            "2 Wat is verzekerd?", "Uw inboedel in uw woning en daarbuiten, tot het bedrag op uw polis.", "3",
        ])
    }

    func testUnnumberedChapterInTheStyleOfTheNumberedOnes() {
        let text = "Deze tekst staat in de gewone letter van het document en loopt door over de regel."
        let layout = document(page(
            block(line("1 Wie is verzekerd?", x: 40, y: 60, height: 11.5)), block(line(text, x: 60, y: 80)),
            block(line("Wat hoort er niet bij?", x: 60, y: 100, height: 11.5)), block(line(text, x: 60, y: 120)),
            block(line("2 Wat is verzekerd?", x: 40, y: 140, height: 11.5)), block(line(text, x: 60, y: 160)),
            block(line("Begrippenlijst", x: 40, y: 180, height: 11.5)), block(line(text, x: 60, y: 200)),
            block(line(text, x: 60, y: 220)), block(line(text, x: 60, y: 240))))
        let blocks = layout.rawBlocks()
        XCTAssertEqual(blocks.first { $0.lines.first?.text == "Begrippenlijst" }?.kind, .heading(level: 2),
                       "at the numbers' margin, in their type: an unnumbered chapter")
        XCTAssertEqual(blocks.first { $0.lines.first?.text == "Wat hoort er niet bij?" }?.kind, .paragraph,
                       "indented to the titles' text: a heading inside the chapter, left as text")
    }

    func testTitleInTheBodysTypeHeadsTheText() {
        let paragraph = block(line("Deze voorwaarden gelden voor elke opdracht die wij aannemen.", x: 40, y: 80),
                              line("Afwijkingen gelden alleen als wij ze schriftelijk bevestigen.", x: 40, y: 92))
        XCTAssertEqual(document(page(block(line("Algemene voorwaarden", x: 40, y: 60)), paragraph)).rawBlocks().first?.kind,
                       .heading(level: 1))
        for notATitle in ["Versie: maart 2020", "De klant betaalt.", "Algemene voorwaarden 2020"] {
            XCTAssertEqual(document(page(block(line(notATitle, x: 40, y: 60)), paragraph)).rawBlocks().first?.kind, .paragraph, notATitle)
        }
    }
}
