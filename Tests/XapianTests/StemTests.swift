import XCTest
@testable import Xapian

/// The memoised stemmer is the plain one with a memo: the same stems, through TermGenerator too.
final class StemTests: XCTestCase {
    func testMemoisedStemmerGivesThePlainStemmersStems() throws {
        let words = ["aansprakelijkheid", "aansprakelijk", "voorwaarden", "voorwaarde", "leveringen", "cliënten",
                     "betalingen", "beperkt", "beperking", "schade", "schaden", "liability", "limited", "damages", "",
                     "123", "a", "ﬁnanciële", "überhaupt"]
        for language in ["dutch", "kraaij_pohlmann", "english", "none"] {
            let plain = try Stem(language: language)
            // A memo of 4 words fills and starts again many times over these.
            let memoised = try Stem(language: language, memoCapacity: 4)
            for _ in 0..<3 {
                for word in words { XCTAssertEqual(memoised(word), plain(word), "\(language): \(word)") }
            }
        }
        XCTAssertEqual(try Stem(language: "dutch", memoCapacity: 10)("voorwaarden"), "voorwaard")
        XCTAssertThrowsError(try Stem(language: "klingon", memoCapacity: 10))
    }

    func testTermGeneratorMakesTheSameTermsWithEitherStemmer() throws {
        let text = "De aansprakelijkheid van Opdrachtnemer is beperkt tot het factuurbedrag. Aansprakelijkheid voor " +
            "indirecte schade is uitgesloten; de cliënt vrijwaart Opdrachtnemer voor schade van derden."
        var terms: [[String]] = []
        for stem in [try Stem(language: "dutch"), try Stem(language: "dutch", memoCapacity: 3)] {
            let generator = TermGenerator()
            generator.setStemmer(stem)
            let doc = Document()
            generator.setDocument(doc)
            generator.indexText(text)
            generator.indexText(text, prefix: "XH")
            terms.append(try doc.termsWithFrequency.map { "\($0.term) \($0.wdf)" })
        }
        XCTAssertEqual(terms[0], terms[1])
        XCTAssertTrue(terms[0].contains("Zaansprak 2"), "stemmed, with both occurrences")
        XCTAssertTrue(terms[0].contains("ZXHschad 2"))
    }
}
