import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

final class ScalarPatternTests: XCTestCase {
    /// Counts as ICU counts them, up to `limit`.
    private func icuCount(_ pattern: String, _ text: String, limit: Int) throws -> Int {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return TopicTagger.matchCount(regex, in: text, range: NSRange(text.startIndex..., in: text), limit: limit)
    }

    func testEveryTopicCueRunsWithoutICU() {
        for entry in TopicCues.table {
            for cue in entry.cues { XCTAssertNotNil(ScalarPattern(cue.pattern), cue.pattern) }
        }
    }

    func testUnsupportedSyntaxIsRefused() {
        for pattern in [#"^*"#, #"\p{L}"#, #"a*?"#, #"(?=abc)"#, #"[^a]"#, #"(a?)*"#, #"[a-z]"#, #"\S"#, #"(?i)x"#, #"\1"#] {
            XCTAssertNil(ScalarPattern(pattern), pattern)
        }
    }

    /// On every seed paragraph and on texts built to probe case, word boundaries, line ends and
    /// look-arounds, each cue counts what ICU counts.
    func testCountsEqualICUCounts() throws {
        var texts = try TestMaterial.seedFiles.flatMap {
            try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n\n")
        }
        texts += [
            "BETAALT, Betaling van betaling; VAN BETALING. vooruitbetaling", "Levering, aanlevering, leverancier, LEVERT\nlevert.",
            "Wordt\nverstaan onder; wordt hieronder verstaan onder", "the Prices? price's prices_x  PRICE", "ÉÉN BEËINDIGING – beëindiging",
            "eigendom blijft totdat volledig betaald. Eigendom\ngaat over zolang", "surséance SURSÉANCE surseance", "24/7 uptime UPTIME",
            "aansprakelijkheid aansprakelijk aansprakelijke", "Pay paid PAYMENT repaid", "geheimhouding geheim\u{2019}s “geheim”",
            "wijzigingen van deze algemene voorwaarden; WIJZIGEN VAN DE VOORWAARDEN", "lever\u{2013}termijn leveringstermijn",
            "", "x", "garant", "garantgarantgarant", "third-party claims, third party claims",
        ]
        var compared = 0
        for entry in TopicCues.table {
            for cue in entry.cues {
                let pattern = try XCTUnwrap(ScalarPattern(cue.pattern))
                for text in texts {
                    guard let scalars = FoldedText(text) else { continue }
                    for limit in [2, 50] {
                        XCTAssertEqual(pattern.matchCount(in: scalars, limit: limit), try icuCount(cue.pattern, text, limit: limit),
                                       "\(cue.pattern) on \(text.prefix(80))")
                        compared += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 10_000)
    }

    /// The metadata tests that `MetadataExtractor.matches` runs without ICU find what ICU finds,
    /// on every line of the seeds and on lines built to probe anchors, digits and white space.
    func testMetadataPatternsMatchAsICUDoes() throws {
        let patterns = [
            #"voorwaarden|\bterms\b|\bconditions\b|verwerkersovereenkomst|processing agreement"#,
            #"\b(en|voor|van|met|and|for|of)$"#,
            #"\b(is|zijn|wordt|worden|kan|zal|heeft|niet|indien|shall|will|are|apply|applies)\b"#,
            #"^(artikel|article|art\.|\d)"#, #"www\.|https?:|/"#, #":\s"#, MetadataExtractor.foreignDateContext, MetadataExtractor.institutions,
            #"gedeponeerd|deposited"#, #"^(wijziging|wijzigingen|toepasselijkheid|bijlage|annex)$"#, #"^(bijlage|annex|appendix)\b"#,
            #"\bsla\b|service level|saas|hosting|gebruiksvoorwaarden|terms of (use|service)|meekijk|["“„]"#, #"^verwerk"#,
        ]
        var lines = try TestMaterial.seedFiles.flatMap {
            try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n")
        }
        lines += [
            "Algemene voorwaarden en", "Algemene voorwaarden en\n", "voorwaarden en\r\n", "voorwaarden en\r", "voorwaarden en\n\n",
            "voorwaarden en\u{85}", "en\r\n\n", "Artikel 3", "3. Levering", "art. 4", "Wijziging", "wijzigingen\n", "Bijlage\t1",
            "Datum: 1-1-2020", "Versie:\u{A0}2", "Contact:\u{A0}x", "Contact:\tx", "Contact:x", "https://x.nl", "www.x.nl",
            "\u{2018}Meekijk\u{2019}", "“SLA”", "ANNEX", "Geldig vanaf 2020", "", "\n",
        ]
        var compared = 0
        for pattern in patterns {
            let scalarPattern = try XCTUnwrap(ScalarPattern(pattern), pattern)
            for line in lines {
                guard let folded = FoldedText(line) else { continue }
                XCTAssertEqual(scalarPattern.matchCount(in: folded, limit: 3), try icuCount(pattern, line, limit: 3), "\(pattern) on \(line)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 5_000)
    }

    /// `FoldedText`'s tables agree with ICU on every scalar it accepts.
    func testScalarPropertiesEqualICU() throws {
        let word = try NSRegularExpression(pattern: #"^\w$"#)
        let dot = try NSRegularExpression(pattern: #"^.$"#)
        let digit = try NSRegularExpression(pattern: #"^\d$"#)
        let space = try NSRegularExpression(pattern: #"^\s$"#)
        let letters = "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ".unicodeScalars.map { String($0) }
        let caseless = try letters.map { try NSRegularExpression(pattern: "^" + $0 + "$", options: [.caseInsensitive]) }
        var accepted = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), let lowered = FoldedText.lowered(value) else { continue }
            accepted += 1
            // ICU's \b steps over these; the matcher assumes there are none.
            XCTAssertFalse(scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format)
            let text = String(scalar)
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertEqual(word.firstMatch(in: text, range: range) != nil, FoldedText.isWord(value), "\\w on U+\(String(value, radix: 16))")
            XCTAssertEqual(dot.firstMatch(in: text, range: range) != nil, !FoldedText.isLineEnd(value), ". on U+\(String(value, radix: 16))")
            XCTAssertEqual(digit.firstMatch(in: text, range: range) != nil, FoldedText.isDigit(value), "\\d on U+\(String(value, radix: 16))")
            XCTAssertEqual(space.firstMatch(in: text, range: range) != nil, FoldedText.isSpace(value), "\\s on U+\(String(value, radix: 16))")
            for (letter, regex) in zip(letters, caseless) {
                XCTAssertEqual(regex.firstMatch(in: text, range: range) != nil, String(Unicode.Scalar(lowered)!) == letter,
                               "(?i)\(letter) on U+\(String(value, radix: 16))")
            }
        }
        XCTAssertGreaterThan(accepted, 250)
    }
}
