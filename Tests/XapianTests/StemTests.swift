import XCTest
@testable import Xapian

/// The memoised stemmer is the plain one with a memo: the same stems, through TermGenerator too.
final class StemTests: XCTestCase {
    func testMemoisedStemmerGivesThePlainStemmersStems() throws {
        let words = ["aansprakelijkheid", "aansprakelijk", "voorwaarden", "voorwaarde", "leveringen", "cliënten",
                     "betalingen", "beperkt", "beperking", "schade", "schaden", "liability", "limited", "damages", "",
                     "123", "a", "ﬁnanciële", "überhaupt"]
        for language in ["dutch", "kraaij_pohlmann", "kraaij_pohlmann_ge", "english", "none"] {
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

    /// Kraaij–Pohlmann strips `ge` from every word; termsearch's variant from past participles only.
    func testParticipleGeStemmerKeepsGeOutsideParticiples() throws {
        let kp = try Stem(language: "kraaij_pohlmann"), ge = try Stem(language: "kraaij_pohlmann_ge")
        XCTAssertTrue(Stem.languages.contains("kraaij_pohlmann_ge"))
        // Words Kraaij–Pohlmann runs together with other words once their ge is gone.
        for (word, other) in [("gedurende", "duur"),
                              ("begeleiding", "beleid"), ("geschil", "schillen"), ("gelijk", "lijken"),
                              ("gevolg", "volgen"), ("gevallen", "vallen"), ("gezondheid", "zon")] {
            XCTAssertEqual(kp(word), kp(other), "Kraaij–Pohlmann conflates \(word) and \(other)")
            XCTAssertNotEqual(ge(word), ge(other), "\(word) and \(other)")
        }
        // Inflections of one word still meet.
        for forms in [["geschil", "geschillen"], ["gevolg", "gevolgen"], ["geval", "gevallen"], ["gebied", "gebieden"],
                      ["gebruik", "gebruiken", "gebruikt"]] {
            XCTAssertEqual(Set(forms.map { ge($0) }).count, 1, "\(forms): \(forms.map { ge($0) })")
        }
        XCTAssertEqual(ge("gegevens"), "gegeven")
        XCTAssertEqual(ge("persoonsgegevens"), "persoonsgegeven")
        // Past participles keep meeting their verbs, as with Kraaij–Pohlmann.
        for (participle, verb) in [("gemeld", "melden"), ("gesteld", "stellen"), ("opgezegd", "opzeggen"),
                                   ("uitgevoerd", "uitvoeren"), ("gewerkt", "werken"), ("gemaakt", "maken"),
                                   ("vastgesteld", "vaststellen")] {
            XCTAssertEqual(ge(participle), ge(verb), "\(participle) and \(verb)")
            XCTAssertEqual(ge(participle), kp(participle), participle)
        }
        // Words without ge, and words whose ge ends them, are Kraaij–Pohlmann's.
        for word in ["aansprakelijkheid", "overeenkomst", "volgen", "opzeggen", "regelingen", "wegen", "liggen", "tegen", "ge", "gen"] {
            XCTAssertEqual(ge(word), kp(word), word)
        }
    }
}
