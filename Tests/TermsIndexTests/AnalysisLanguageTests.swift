import XCTest
@testable import TermsIndex

final class AnalysisLanguageTests: XCTestCase {
    /// Every paragraph of 15+ words in the seeds, with the language it is written in: easycomp's
    /// consumer part is English up to its Dutch B2B title, everything else Dutch.
    func paragraphs() throws -> [(seed: String, text: String, language: Language)] {
        var result: [(String, String, Language)] = []
        for name in try AnalysisFixtures.seedNames() {
            var language: Language = name.hasPrefix("easycomp") ? .english : .dutch
            for line in try AnalysisFixtures.seed(name).components(separatedBy: .newlines) {
                if line.hasPrefix("Algemene Voorwaarden EasyComp Zeeland") { language = .dutch }
                if line.split(separator: " ").count >= 15 { result.append((name, line, language)) }
            }
        }
        return result
    }

    func testSeedParagraphsAreDetectedCorrectly() throws {
        let all = try paragraphs()
        var correct = 0, undecided = 0, wrong: [String] = []
        for p in all {
            switch LanguageDetector.detect(p.text) {
            case p.language?: correct += 1
            case nil: undecided += 1
            default: wrong.append("\(p.seed): \(p.text.prefix(100))")
            }
        }
        print(String(format: "language: %d paragraphs, %d correct (%.1f%%), %d undecided, %d wrong",
                     all.count, correct, 100 * Double(correct) / Double(all.count), undecided, wrong.count))
        wrong.forEach { print("  wrong:", $0) }
        XCTAssertGreaterThanOrEqual(Double(correct) / Double(all.count), 0.97)
        XCTAssertLessThanOrEqual(wrong.count, 2)
    }

    func testEasyCompEnglishPartAgainstDutchPart() throws {
        let text = try AnalysisFixtures.seed("easycomp-zeeland-voorwaarden.txt")
        let split = try XCTUnwrap(text.range(of: "Algemene Voorwaarden EasyComp Zeeland – B2B"))
        XCTAssertEqual(LanguageDetector.detect(String(text[..<split.lowerBound])), .english)
        XCTAssertEqual(LanguageDetector.detect(String(text[split.lowerBound...])), .dutch)
    }

    func testShortClausesDecide() {
        XCTAssertEqual(LanguageDetector.detect("De Klant kan de Overeenkomst schriftelijk opzeggen met inachtneming van een opzegtermijn van één maand."), .dutch)
        XCTAssertEqual(LanguageDetector.detect("The agreements to which these general terms and conditions relate are governed exclusively by Dutch law."), .english)
        XCTAssertEqual(LanguageDetector.detect("Bezwaren tegen de hoogte van een factuur schorten de betalingsverplichting van klant niet op."), .dutch)
        XCTAssertEqual(LanguageDetector.detect("An order can be cancelled free of charge if it has not been shipped."), .english)
    }

    func testTooLittleEvidenceIsNil() {
        XCTAssertNil(LanguageDetector.detect(""))
        XCTAssertNil(LanguageDetector.detect("Artikel 3"))
        XCTAssertNil(LanguageDetector.detect("Klantassistent.nl"))
        XCTAssertNil(LanguageDetector.detect("€ 10.000,- per overtreding"))
        XCTAssertTrue(LanguageDetector.scores("1.1 2.2").isEmpty)
    }

    func testMixedTextIsUndecided() {
        let mixed = "The Offer is valid for 30 days. Deze offerte is vrijblijvend en geldig tot 8 dagen na datering."
        XCTAssertNil(LanguageDetector.detect(mixed))
        let scores = LanguageDetector.scores(mixed)
        XCTAssertEqual((scores[.dutch] ?? 0) + (scores[.english] ?? 0), 1, accuracy: 1e-9)
    }
}
