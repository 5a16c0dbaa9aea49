import XCTest
@testable import TermsIndex

final class LanguageDiacriticFoldingTests: XCTestCase {
    func testFoldTableLiteralEqualsFoundationsDecomposition() {
        XCTAssertEqual(DiacriticFolding.foldTable, DiacriticFolding.decomposedFoldTable())
    }

    func testFoldsDutchAndFrenchDiacritics() {
        XCTAssertEqual(DiacriticFolding.fold("cliënt"), "client")
        XCTAssertEqual(DiacriticFolding.fold("beëindiging"), "beeindiging")
        XCTAssertEqual(DiacriticFolding.fold("één"), "een")
        XCTAssertEqual(DiacriticFolding.fold("reçu"), "recu")
        XCTAssertEqual(DiacriticFolding.fold("Cliënt"), "Client", "case is preserved")
        XCTAssertEqual(DiacriticFolding.fold("naïef coöperatie"), "naief cooperatie")
    }

    func testFoldsDecomposedInput() {
        let decomposed = "cli\u{0065}\u{0308}nt"
        XCTAssertEqual(DiacriticFolding.fold(decomposed), "client")
        XCTAssertTrue(DiacriticFolding.hasDiacritics(decomposed))
    }

    func testExpandsLigaturesInsteadOfDroppingThem() {
        XCTAssertEqual(DiacriticFolding.fold("speciﬁcaties"), "specificaties")
        XCTAssertEqual(DiacriticFolding.fold("ﬂexibel"), "flexibel")
        XCTAssertEqual(DiacriticFolding.fold("ĳzer"), "ijzer")
        XCTAssertEqual(DiacriticFolding.fold("æ ø ß"), "æ ø ß", "letters of their own stay")
    }

    func testHasDiacritics() {
        XCTAssertTrue(DiacriticFolding.hasDiacritics("cliënt"))
        XCTAssertTrue(DiacriticFolding.hasDiacritics("reçu"))
        XCTAssertFalse(DiacriticFolding.hasDiacritics("client"))
        XCTAssertFalse(DiacriticFolding.hasDiacritics("€ 100,–"))
        XCTAssertEqual(DiacriticFolding.fold("€ 100,–"), "€ 100,–")
    }

    func testSeedTermsWithDiacriticsFoldToTheirPlainSpelling() {
        let words = CompoundTestCorpus.seedTexts.flatMap(WordTokenizer.lowercasedWords)
        let accented = Set(words.filter(DiacriticFolding.hasDiacritics))
        XCTAssertFalse(accented.isEmpty)
        for word in accented {
            let folded = DiacriticFolding.fold(word)
            XCTAssertTrue(folded.unicodeScalars.allSatisfy { $0.isASCII || !DiacriticFolding.hasDiacritics(String($0)) },
                          "\(word) → \(folded)")
            XCTAssertFalse(DiacriticFolding.hasDiacritics(folded))
        }
    }
}

final class LanguageWordTokenizerTests: XCTestCase {
    func testSplitsOnNonLettersAndKeepsCase() {
        XCTAssertEqual(WordTokenizer.words("Artikel 6:231 BW, lid 2."), ["Artikel", "6", "231", "BW", "lid", "2"])
        XCTAssertEqual(WordTokenizer.words("ICT-dienstverlening / e-mail"), ["ICT", "dienstverlening", "e", "mail"])
        XCTAssertEqual(WordTokenizer.words("ISO27001 (v2)"), ["ISO27001", "v2"])
    }

    func testKeepsInternalApostrophesOnly() {
        XCTAssertEqual(WordTokenizer.words("auto’s en cd's, 'quote' don't"), ["auto's", "en", "cd's", "quote", "don't"])
        XCTAssertEqual(WordTokenizer.words("'s-Hertogenbosch"), ["s", "Hertogenbosch"])
        XCTAssertEqual(WordTokenizer.words("jaren '90"), ["jaren", "90"])
    }

    func testKeepsDiacriticsAndJoinsSoftHyphens() {
        XCTAssertEqual(WordTokenizer.words("cliënt beëindiging"), ["cliënt", "beëindiging"])
        XCTAssertEqual(WordTokenizer.words("cli\u{0065}\u{0308}nt"), ["cli\u{0065}\u{0308}nt"])
        XCTAssertEqual(WordTokenizer.words("aansprake\u{00AD}lijkheid"), ["aansprakelijkheid"])
    }

    func testLowercasedWordsOfASeedSentence() {
        let text = "Opdrachtnemer is niet aansprakelijk voor schade van Opdrachtgever."
        XCTAssertEqual(WordTokenizer.lowercasedWords(text),
                       ["opdrachtnemer", "is", "niet", "aansprakelijk", "voor", "schade", "van", "opdrachtgever"])
    }
}

final class LanguageStopwordsTests: XCTestCase {
    func testSnowballListsAreComplete() {
        XCTAssertEqual(Stopwords.snowballDutch.count, 101)
        XCTAssertEqual(Set(Stopwords.snowballDutch).count, 101)
        XCTAssertEqual(Stopwords.snowballEnglish.count, 174)
        XCTAssertEqual(Set(Stopwords.snowballEnglish).count, 174)
    }

    func testNegationsAndModalsAreNotStopped() {
        let dutch = Stopwords.words(for: .dutch)
        for word in ["niet", "geen", "niets", "zonder", "moet", "kan", "zal"] {
            XCTAssertFalse(dutch.contains(word), word)
        }
        let english = Stopwords.words(for: .english)
        for word in ["not", "no", "nor", "cannot", "don't", "shouldn't"] {
            XCTAssertFalse(english.contains(word), word)
        }
    }

    func testFunctionWordsAreStopped() {
        XCTAssertTrue(Stopwords.contains("De", language: .dutch))
        for word in ["de", "het", "een", "van", "tot", "voor"] { XCTAssertTrue(Stopwords.words(for: .dutch).contains(word)) }
        for word in ["the", "of", "and", "to"] { XCTAssertTrue(Stopwords.words(for: .english).contains(word)) }
        XCTAssertFalse(Stopwords.contains("aansprakelijk", language: .dutch))
    }

    func testKeptOutWordsAreAllFromSnowball() {
        for word in Stopwords.keptOut[.dutch]!.keys { XCTAssertTrue(Stopwords.snowballDutch.contains(word), word) }
        for word in Stopwords.keptOut[.english]!.keys { XCTAssertTrue(Stopwords.snowballEnglish.contains(word), word) }
    }
}

final class LanguagePartySynonymsTests: XCTestCase {
    func testGroups() {
        XCTAssertEqual(PartySynonyms.party(of: "Opdrachtgever"), .customer)
        XCTAssertEqual(PartySynonyms.party(of: "cliënt"), .customer)
        XCTAssertEqual(PartySynonyms.party(of: "client"), .customer)
        XCTAssertEqual(PartySynonyms.party(of: "opdrachtnemer"), .supplier)
        XCTAssertEqual(PartySynonyms.party(of: "service provider"), .supplier)
        XCTAssertNil(PartySynonyms.party(of: "gebruiker"), "6:231 BW gebruiker is the supplier")
        XCTAssertNil(PartySynonyms.party(of: "user"))
        XCTAssertEqual(PartySynonyms.groups.count, 2)
        XCTAssertTrue(PartySynonyms.group(of: "klant")!.contains("afnemer"))
        XCTAssertTrue(Set(PartySynonyms.groups[0]).isDisjoint(with: PartySynonyms.groups[1]))
    }

    func testSynonymPairsAreStemmedDirectedAndDeduplicated() {
        // A stand-in stemmer: strips a plural -s and -en.
        let stem: (String) -> String = { word in
            if word.hasSuffix("en") { return String(word.dropLast(2)) }
            if word.hasSuffix("s") { return String(word.dropLast()) }
            return word
        }
        let pairs = PartySynonyms.synonymPairs(stem: stem, language: .dutch)
        let set = Set(pairs.map { "\($0.term)→\($0.synonym)" })
        XCTAssertEqual(set.count, pairs.count, "no duplicates")
        XCTAssertTrue(set.contains("klant→opdrachtgever"))
        XCTAssertTrue(set.contains("klant→consument"))
        XCTAssertFalse(set.contains("consument→klant"), "consument is narrower")
        XCTAssertFalse(set.contains("client→client"), "cliënt and client fold to one term")
        XCTAssertFalse(set.contains("klant→leverancier"))
        XCTAssertFalse(pairs.contains { $0.term == "customer" }, "English names stay out of Dutch pairs")
        let all = PartySynonyms.synonymPairs(stem: { $0 })
        XCTAssertTrue(all.contains { $0.term == "supplier" && $0.synonym == "service provider" })
        XCTAssertTrue(all.contains { $0.term == "klant" && $0.synonym == "customer" })
    }
}
