import Foundation
import XCTest
@testable import TermsIndex

/// The compound splitter's vocabulary at index time: the document's own words, folded, with the
/// system lexicon; nothing compiled in from `Corpus/`.
final class MatchingVocabularyTests: XCTestCase {
    func testDocumentWordsAreFoldedWithFrequencies() {
        let words = CompoundVocabulary.words(of: ["De cliënt en de Client; beëindiging.", "CLIËNT"])
        XCTAssertEqual(words["client"], 3)
        XCTAssertEqual(words["beeindiging"], 1)
        XCTAssertTrue(words.keys.allSatisfy { !DiacriticFolding.hasDiacritics($0) })
    }

    func testTheSplitterUsesTheSystemLexiconWhenThereIsOne() {
        let splitter = CompoundVocabulary.splitter(forDocument: ["klant": 2])
        if SystemWordList.compoundLexicon == nil {
            XCTAssertNotNil(CompoundVocabulary.lexiconNote)
            XCTAssertNil(splitter.split("leveringstermijn"), "without a lexicon only the document's words are parts")
        } else {
            XCTAssertEqual(splitter.split("leveringstermijn"), ["levering", "termijn"])
        }
    }
}
