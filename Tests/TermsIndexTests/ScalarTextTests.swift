import Foundation
import XCTest
@testable import TermsIndex

/// The byte and scalar shortcuts of the ingest loops answer what the `Character` and Foundation
/// calls they replace answer, including on text where a scalar is not a character of its own.
final class ScalarTextTests: XCTestCase {
    let samples = [
        "", " ", "  Artikel 1  ", "\tToepasselijkheid\t", "opdracht-gever", "Ã© en â€™", "e\u{301}en - ge-\u{301}combineerd",
        "\u{A0}no-break\u{2007}", "a\r\nb\nc", "\n\nx\n", "één twee  drie   vier", "👍🏽 duim-omhoog", "\u{200B}zero\u{200B}",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14", "regel\u{C}pagina",
    ]

    func testTrimmingMatchesFoundation() {
        for s in samples {
            XCTAssertEqual(Array(s.trimmingWhitespace().unicodeScalars), Array(s.trimmingCharacters(in: .whitespaces).unicodeScalars), s)
        }
    }

    func testSplitLinesMatchesCharacterSplit() {
        for s in samples {
            for omitting in [true, false] {
                XCTAssertEqual(s.splitLines(omittingEmptySubsequences: omitting).map { Array($0.unicodeScalars) },
                               s.split(separator: "\n", omittingEmptySubsequences: omitting).map { Array($0.unicodeScalars) }, s)
            }
        }
    }

    func testCountsMatchCharacterCounts() {
        for s in samples {
            for n in [0, 1, 3, 10, 30] {
                XCTAssertEqual(s.hasAtMostCharacters(n), s.count <= n, s)
                XCTAssertEqual(s.wordCount(max: n), min(s.split(separator: " ").count, n + 1), s)
            }
        }
    }

    func testHyphenationTokensMatchCharacterTokens() {
        for s in samples {
            // The reference: maximal runs of letter and hyphen Characters that start and end with a letter.
            var expected: [String] = []
            var current = "", pending = ""
            for c in s {
                if c.isLetter {
                    current += pending + String(c)
                    pending = ""
                } else if c == "-" && !current.isEmpty {
                    pending += "-"
                } else {
                    if !current.isEmpty { expected.append(current) }
                    current = ""
                    pending = ""
                }
            }
            if !current.isEmpty { expected.append(current) }
            XCTAssertEqual(Hyphenation.tokens(s).map(String.init), expected, s)
        }
    }
}

extension ScalarTextTests {
    func testTidyWhitespaceTurnsATabIntoASpace() {
        var log = RepairLog()
        XCTAssertEqual(TextRepairer.tidyWhitespace("1.5\tDe", log: &log), "1.5 De")
        XCTAssertEqual(TextRepairer.tidyWhitespace("  a \t b  --c x--y ", log: &log), "a b --c x-y")
    }
}
