import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

final class CuePatternTests: XCTestCase {
    /// Counts as ICU counts them, up to `limit`.
    private func icuCount(_ pattern: String, _ text: String, limit: Int) throws -> Int {
        let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return TopicTagger.matchCount(regex, in: text, range: NSRange(text.startIndex..., in: text), limit: limit)
    }

    func testEveryTopicCueRunsWithoutICU() {
        for entry in TopicCues.table {
            for cue in entry.cues { XCTAssertNotNil(CuePattern(cue.pattern), cue.pattern) }
        }
    }

    func testUnsupportedSyntaxIsRefused() {
        for pattern in [#"^artikel"#, #"\d+"#, #"a*?"#, #"(?=abc)"#, #"[^a]"#, #"(a?)*"#, #"[a-z]"#, #"\s"#, #"(?i)x"#] {
            XCTAssertNil(CuePattern(pattern), pattern)
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
                let pattern = try XCTUnwrap(CuePattern(cue.pattern))
                for text in texts {
                    guard let scalars = CueText(text) else { continue }
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

    /// `CueText`'s tables agree with ICU on every scalar it accepts.
    func testScalarPropertiesEqualICU() throws {
        let word = try NSRegularExpression(pattern: #"^\w$"#)
        let dot = try NSRegularExpression(pattern: #"^.$"#)
        let letters = "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ".unicodeScalars.map { String($0) }
        let caseless = try letters.map { try NSRegularExpression(pattern: "^" + $0 + "$", options: [.caseInsensitive]) }
        var accepted = 0
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), let lowered = CueText.lowered(value) else { continue }
            accepted += 1
            // ICU's \b steps over these; the matcher assumes there are none.
            XCTAssertFalse(scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format)
            let text = String(scalar)
            let range = NSRange(text.startIndex..., in: text)
            XCTAssertEqual(word.firstMatch(in: text, range: range) != nil, CueText.isWord(value), "\\w on U+\(String(value, radix: 16))")
            XCTAssertEqual(dot.firstMatch(in: text, range: range) != nil, !CueText.isLineEnd(value), ". on U+\(String(value, radix: 16))")
            for (letter, regex) in zip(letters, caseless) {
                XCTAssertEqual(regex.firstMatch(in: text, range: range) != nil, String(Unicode.Scalar(lowered)!) == letter,
                               "(?i)\(letter) on U+\(String(value, radix: 16))")
            }
        }
        XCTAssertGreaterThan(accepted, 250)
    }
}
