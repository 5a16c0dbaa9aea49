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
