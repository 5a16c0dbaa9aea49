import Foundation
import XCTest
@testable import TermsIndex

/// The compiled-in seed vocabulary of the compound splitter is the vocabulary of `Corpus/`.
final class MatchingVocabularyTests: XCTestCase {
    func testSeedVocabularyIsTheCorpusVocabulary() throws {
        let expected = CompoundVocabulary.seedSource(for: CompoundTestCorpus.seedTexts)
        let file = CompoundTestCorpus.packageRoot.appendingPathComponent("Sources/TermsIndex/Language/SeedVocabulary.swift")
        if ProcessInfo.processInfo.environment["TERMSEARCH_REGENERATE"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(actual, expected, "Corpus/ changed: TERMSEARCH_REGENERATE=1 swift test --filter MatchingVocabularyTests")
    }

    func testSeedVocabularyIsFoldedWithFrequencies() {
        XCTAssertGreaterThan(CompoundVocabulary.seed.count, 2000)
        XCTAssertNotNil(CompoundVocabulary.seed["verzekering"])
        XCTAssertNotNil(CompoundVocabulary.seed["aansprakelijkheid"])
        XCTAssertTrue(CompoundVocabulary.seed.keys.allSatisfy { !DiacriticFolding.hasDiacritics($0) })
    }
}
