import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

final class RequiredLiteralsTests: XCTestCase {
    func testLiteralsOfTypicalPatterns() {
        XCTAssertEqual(RequiredLiterals.of("aansprakelijk"), ["aansprakelijk"])
        XCTAssertEqual(RequiredLiterals.of(#"(?<!van )betaal|betalen"#), ["betaal", "betalen"])
        XCTAssertEqual(RequiredLiterals.of(#"\bprices?\b"#), ["price"])
        XCTAssertEqual(RequiredLiterals.of(#"tarie[fv]"#), ["tarie"])
        XCTAssertNil(RequiredLiterals.of(#"(on)?bepaalde tijd|\bbv\b"#), "an alternative with no 3-letter run cannot be prefiltered")
        XCTAssertEqual(RequiredLiterals.of(#"komt[^.]{0,40}tot stand"#), ["tot stand"])
    }

    /// The prefilter may skip a cue only when the cue cannot match: on every seed paragraph, each
    /// cue that matches has one of its literals in the text.
    func testEveryMatchContainsALiteralOnTheSeeds() throws {
        let paragraphs = try TestMaterial.seedFiles.flatMap {
            try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n\n")
        }
        var checked = 0
        for entry in TopicCues.table {
            for cue in entry.cues {
                guard let literals = RequiredLiterals.of(cue.pattern)?.map({ Array($0.lowercased().utf8) }) else { continue }
                let regex = try NSRegularExpression(pattern: cue.pattern, options: [.caseInsensitive])
                for text in paragraphs where regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    let lowered = Array(text.lowercased().utf8)
                    XCTAssertTrue(literals.contains { RequiredLiterals.occurs($0, in: lowered) }, "\(cue.pattern) matched without its literals")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }
}

extension RequiredLiteralsTests {
    func testThoroughLiteralsLookIntoGroups() {
        XCTAssertEqual(RequiredLiterals.of(#"(rechten|plichten)[^.]{0,80}(overdragen|overdracht)"#, thorough: true),
                       ["overdragen", "overdracht"])
        XCTAssertEqual(RequiredLiterals.of(#"\bpa(y|id)"#, thorough: true), ["pa"])
        XCTAssertEqual(RequiredLiterals.of(#"(?<!niet )handel|(?:b2b|zakelijk)s?"#, thorough: true), ["handel", "b2b", "zakelijk"])
        XCTAssertNil(RequiredLiterals.of(#"(on)?bepaald|\d+"#, thorough: true), "an optional group or a class is no literal")
        XCTAssertNil(RequiredLiterals.of(#"(?=abc)\w+"#, thorough: true), "a look-ahead consumes nothing")
    }

    /// Thorough literals are sound: on every seed paragraph, each cue that matches has one of them
    /// in the text.
    func testEveryMatchContainsAThoroughLiteralOnTheSeeds() throws {
        let paragraphs = try TestMaterial.seedFiles.flatMap {
            try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n\n")
        }
        for entry in TopicCues.table {
            for cue in entry.cues {
                guard let literals = RequiredLiterals.of(cue.pattern, thorough: true)?.map({ Array($0.lowercased().utf8) })
                else { continue }
                let regex = try NSRegularExpression(pattern: cue.pattern, options: [.caseInsensitive])
                for text in paragraphs where regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    let lowered = RequiredLiterals.loweredBytes(text)
                    XCTAssertTrue(literals.contains { RequiredLiterals.occurs($0, in: lowered) }, "\(cue.pattern) matched without its literals")
                }
            }
        }
    }

    func testLoweredBytesAreLowercased() {
        var samples = (0...0x2200).compactMap(Unicode.Scalar.init).map { "Ab" + String($0) + "Cd" }
        samples += ["Beëindiging – ÉÉN “Prijs” € 10", "ÀÞ×ÿ İK ſ ΣΑΣ", "ＡＢＣ"]
        for sample in samples {
            XCTAssertEqual(RequiredLiterals.loweredBytes(sample), Array(sample.lowercased().utf8), sample)
        }
    }

    func testPlainFolding() {
        XCTAssertTrue(RequiredLiterals.foldsPlainly("Beëindiging – één “prijs”"))
        XCTAssertFalse(RequiredLiterals.foldsPlainly("Straße"))
        XCTAssertFalse(RequiredLiterals.foldsPlainly("ﬁnanciering"))
    }
}

extension RequiredLiteralsTests {
    func testRequirementNeedsEveryRunAndGroup() throws {
        let requirement = try XCTUnwrap(RequiredLiterals.requirement(
            #"(extra|aanvullende) (werkzaamheden|opdracht)|aanvullende opdrachten"#, lowercased: true))
        XCTAssertTrue(requirement.isMet(by: Array("extra werkzaamheden".utf8)))
        XCTAssertTrue(requirement.isMet(by: Array("aanvullende opdrachten".utf8)))
        XCTAssertFalse(requirement.isMet(by: Array("de opdracht".utf8)), "a match needs (extra|aanvullende) too")
        XCTAssertNil(RequiredLiterals.requirement(#"\d+|prijs"#, lowercased: true))
    }

    /// Requirements are sound: on every seed paragraph, each cue that matches has what it requires.
    func testEveryMatchMeetsItsRequirementOnTheSeeds() throws {
        let paragraphs = try TestMaterial.seedFiles.flatMap {
            try String(contentsOf: $0, encoding: .utf8).components(separatedBy: "\n\n")
        }
        var checked = 0
        for entry in TopicCues.table {
            for cue in entry.cues {
                guard let requirement = RequiredLiterals.requirement(cue.pattern, lowercased: true) else { continue }
                let regex = try NSRegularExpression(pattern: cue.pattern, options: [.caseInsensitive])
                for text in paragraphs where regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
                    XCTAssertTrue(requirement.isMet(by: RequiredLiterals.loweredBytes(text)), "\(cue.pattern) matched without its literals")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }
}
