import Foundation
import XCTest
@testable import TermsIndex

final class RepairTests: XCTestCase {
    private func repaired(_ text: String, vocabulary: Set<String> = []) -> (text: String, kinds: Set<RepairKind>) {
        let r = TextRepairer(vocabulary: vocabulary).repair(text)
        return (r.text, Set(r.repairs.map(\.kind)))
    }

    // MARK: ligature glyphs

    func testLigatureGlyphsMappedToCapitalsArePutBackWhenTheDocumentKnowsTheWord() {
        let text = """
            De overeenkomst wordt stilzwijgend verlengd. Verlenging is automatische verlenging.

            Na afloop volgt een AutomaTsche verlenging; de overeenkomst wordt sFlzwijgend verlengd.

            Bij nalatigheid zijn interesten verschuldigd: nalaTgheidsinteresten van 8 %.

            Betalen kan met PayPal, iDEAL of via TomTom en eBay; de vanDaag blijft.
            """
        let (out, kinds) = repaired(text)
        XCTAssertTrue(out.contains("een Automatische verlenging"), out)
        XCTAssertEqual(out.components(separatedBy: "stilzwijgend").count, 3, out)
        XCTAssertFalse(out.contains("sFlzwijgend"), out)
        XCTAssertTrue(out.contains("nalatigheidsinteresten"), "two known words joined by a linking s: \(out)")
        XCTAssertTrue(out.contains("PayPal, iDEAL of via TomTom en eBay"), "brand names stay: \(out)")
        XCTAssertTrue(out.contains("vanDaag"), "no word to make of it: \(out)")
        XCTAssertTrue(kinds.contains(.glyph))
    }

    func testWordInitialCapitalsAreRepairedOnlyInADocumentWithDamageInsideWords() {
        let damaged = "De verplichFngen en prestaFes, de informaFe en de Fjd. Fjd is geld. Frank woont in Ede."
        let (out, _) = repaired(damaged, vocabulary: ["verplichtingen", "prestaties", "informatie", "tijd", "ede"])
        XCTAssertEqual(out, "De verplichtingen en prestaties, de informatie en de tijd. tijd is geld. Frank woont in Ede.")
        let clean = "Een Fjd-nummer is een code."
        XCTAssertEqual(repaired(clean, vocabulary: ["tijd"]).text, clean, "no damage inside words: capitals are names")
    }

    func testCalibriTiGlyphIsAlwaysSpelledOut() {
        XCTAssertEqual(repaired("Na acFvaFe van de dienst.", vocabulary: ["activatie"]).text, "Na activatie van de dienst.",
                       "one glyph twice in a word")
        let (out, kinds) = repaired("De informaƟe over acƟviteiten wordt bewaard.")
        XCTAssertEqual(out, "De informatie over activiteiten wordt bewaard.")
        XCTAssertEqual(kinds, [.glyph])
    }

    func testTextWithoutDamageIsLeftAlone() {
        let text = "Artikel 3 – De Opdrachtgever betaalt binnen 14 dagen. ICT-diensten van KPN B.V. en McAfee."
        let (out, kinds) = repaired(text)
        XCTAssertEqual(out, text)
        XCTAssertFalse(kinds.contains(.glyph))
    }

    // MARK: decoding

    func testWindows1252IsNotLatin1() {
        let bytes: [UInt8] = Array("Cli".utf8) + [0xEB] + Array("nt ".utf8) + [0x93] + Array("offerte".utf8) + [0x94, 0x20, 0x80, 0x20, 0x92]
        let (text, repairs) = TextDecoder.decode(Data(bytes))
        XCTAssertEqual(text, "Cliënt “offerte” € ’")
        XCTAssertEqual(repairs.first?.kind, .encoding)
    }

    func testUTF8WithBOM() {
        let (text, repairs) = TextDecoder.decode(Data([0xEF, 0xBB, 0xBF] + Array("één".utf8)))
        XCTAssertEqual(text, "één")
        XCTAssertEqual(repairs.map(\.kind), [.byteOrderMark])
    }

    func testUTF16WithAndWithoutBOM() {
        let sample = "Artikel 1 – Toepasselijkheid van één voorwaarde"
        let le = Array(sample.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = Array(sample.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(TextDecoder.decode(Data([0xFF, 0xFE] + le)).text, sample)
        XCTAssertEqual(TextDecoder.decode(Data([0xFE, 0xFF] + be)).text, sample)
        XCTAssertEqual(TextDecoder.decode(Data(le)).text, sample)
        XCTAssertEqual(TextDecoder.decode(Data(be)).text, sample)
        XCTAssertEqual(TextDecoder.decode(Data(le)).repairs.first?.kind, .encoding)
    }

    func testUTF8StaysUTF8() {
        let (text, repairs) = TextDecoder.decode(Data("cliënt ‘x’".utf8))
        XCTAssertEqual(text, "cliënt ‘x’")
        XCTAssertTrue(repairs.isEmpty)
    }

    // MARK: characters

    func testLineEndings() {
        XCTAssertEqual(repaired("Eerste regel.\r\nTweede regel.\r\n\r\nNieuw.").text, "Eerste regel.\nTweede regel.\n\nNieuw.")
        XCTAssertEqual(repaired("Eerste regel.\rTweede regel.").text, "Eerste regel.\nTweede regel.")
        // A stray CR between words when the text has LFs is a space (IrisCall's PDF).
        XCTAssertEqual(repaired("De\t\r\u{A0}klant\nbetaalt.").text, "De klant betaalt.")
        XCTAssertTrue(repaired("a.\r\nb.").kinds.contains(.lineEndings))
    }

    func testMojibake() {
        let r = repaired("CliÃ«nt Ã©Ã©n keer, leverancierâ€™s â€œofferteâ€\u{9D}.")
        XCTAssertEqual(r.text, "Cliënt één keer, leverancier’s “offerte”.")
        XCTAssertTrue(r.kinds.contains(.mojibake))
    }

    func testSpacedMojibakeFromMachineTranslation() {
        let r = repaired("and â € “if reasonably possible â €” in the original, under the heading â € Œadditional provisions. It costs â ‘ €350.00")
        XCTAssertFalse(r.text.contains("â"))
        XCTAssertTrue(r.text.contains("–if reasonably possible —"))
        XCTAssertTrue(r.text.contains("“additional provisions"))
        XCTAssertTrue(r.text.contains("€350.00"))
    }

    func testLegitimateAccentsAreNotMojibake() {
        // "Ä€" and "Ü½" would decode to Ā and ܽ, which these documents never contain.
        let text = "Één café, reçu, naïef, coördinatie, Ä€, Ü½."
        XCTAssertEqual(repaired(text).text, text)
    }

    func testNFC() {
        let r = repaired("clie\u{0308}nt e\u{0301}e\u{0301}n")
        XCTAssertEqual(r.text, "cliënt één")
        XCTAssertTrue(r.kinds.contains(.unicodeNormalisation))
    }

    func testLigatures() {
        let r = repaired("speciﬁek, ﬂexibel, aﬀect, eﬃciënt, aﬄuent")
        XCTAssertEqual(r.text, "specifiek, flexibel, affect, efficiënt, affluent")
        XCTAssertTrue(r.kinds.contains(.ligature))
    }

    func testInvisibleAndLookalikeCharacters() {
        let r = repaired("aan\u{AD}spra\u{AD}kelijk\u{200B}heid per\u{A0}e\u{2010}mail of e\u{2011}mail\u{FEFF}")
        XCTAssertEqual(r.text, "aansprakelijkheid per e-mail of e-mail")
        XCTAssertTrue(r.kinds.isSuperset(of: [.softHyphen, .zeroWidth, .noBreakSpace, .hyphenCharacter]))
    }

    func testHyphenPlusSoftHyphenPlusUnicodeHyphenBecomesOne() {
        XCTAssertEqual(repaired("met dienst-\u{AD}\u{2010}specifieke bepalingen").text, "met dienst-specifieke bepalingen")
    }

    // MARK: hyphenation

    func testLineEndHyphenationJoinedWhenWordKnown() {
        let r = repaired("De opdrachtgever en de leverancier. De opdracht-\ngever betaalt.")
        XCTAssertEqual(r.text, "De opdrachtgever en de leverancier. De opdrachtgever betaalt.")
        XCTAssertTrue(r.kinds.contains(.hyphenation))
    }

    func testLineEndHyphenationKeepsRealHyphens() {
        XCTAssertEqual(repaired("Meldingen per e-\nmail worden").text, "Meldingen per e-mail worden")
        XCTAssertEqual(repaired("bescherming tegen DDoS-\naanvallen is").text, "bescherming tegen DDoS-aanvallen is")
        XCTAssertEqual(repaired("Kamer van Koophandel Midden-\nNederland onder").text, "Kamer van Koophandel Midden-Nederland onder")
        XCTAssertEqual(repaired("de eventuele verpakkings-\nen verzendkosten").text, "de eventuele verpakkings- en verzendkosten")
        XCTAssertEqual(repaired("bij niet-\nnakoming van").text, "bij niet-nakoming van")
    }

    func testMidLineLeftoversJoinedOnlyOnEvidence() {
        let text = "Zoals overeengekomen. Wat is overeen-gekomen geldt. Per e-mail, tegen DDoS-aanvallen, als Software-as-a-Service, bij niet-nakoming door de (rechts)persoon."
        let r = repaired(text)
        XCTAssertTrue(r.text.contains("Wat is overeengekomen geldt"))
        for kept in ["e-mail", "DDoS-aanvallen", "Software-as-a-Service", "niet-nakoming", "(rechts)persoon"] {
            XCTAssertTrue(r.text.contains(kept), kept)
        }
    }

    func testMidLineHyphenKeptWhenAuthorUsesIt() {
        let text = "de garantie-verplichting en de garantie-verplichting blijven"
        XCTAssertEqual(repaired(text).text, text)
    }

    func testCorpusVocabularyDecidesUnknownWords() {
        let text = "enige tussen partijen overeengekomen garantie-verplichting, indien"
        XCTAssertEqual(repaired(text).text, text)
        XCTAssertEqual(repaired(text, vocabulary: ["Garantieverplichting"]).text,
                       "enige tussen partijen overeengekomen garantieverplichting, indien")
    }

    func testSpacedLeftoverJoinedWhenKnown() {
        let r = repaired("gebruik van telecommunicatiefaciliteiten. Een werkruimte met data- en tele- communicatiefaciliteiten.")
        XCTAssertTrue(r.text.hasSuffix("met data- en telecommunicatiefaciliteiten."))
    }

    // MARK: paragraphs

    func testBrokenLinesJoinedIntoParagraph() {
        let r = repaired("De leverancier zal de\nopdracht naar beste kunnen uitvoeren,\nmet inachtneming van de wet.\nDaarna volgt niets.")
        XCTAssertEqual(r.text, "De leverancier zal de opdracht naar beste kunnen uitvoeren, met inachtneming van de wet.\nDaarna volgt niets.")
        XCTAssertTrue(r.kinds.contains(.paragraphJoin))
    }

    func testUnitStartsAreNeverJoined() {
        let starts = ["1. Definities", "1.1 Onder klant", "14.1 De klant", "A.8.3 Toegang", "3.10 Slot", "1) eerste",
                      "a. onder", "a) onder", "(a) onder", "i. eerste", "Artikel 3 Prijzen", "ARTIKEL 4 – BETALING",
                      "Article 5 Payment", "Art. 6 Slot", "Module Algemeen", "Bijlage 1 SLA", "Annex A", "Appendix 2",
                      "● punt", "• punt", "- punt", "* punt", "– punt", "o punt", "ALGEMENE BEPALINGEN"]
        for start in starts {
            let r = repaired("Deze zin loopt door tot en met de\n\(start)")
            XCTAssertEqual(r.text, "Deze zin loopt door tot en met de\n\n\(start)", start)
        }
    }

    func testBlankLineEndsParagraph() {
        XCTAssertEqual(repaired("de klant en de\n\nleverancier").text, "de klant en de\n\nleverancier")
    }

    func testHeadingLineIsNotContinued() {
        XCTAssertEqual(repaired("Artikel 2 Toepasselijkheid\nDeze voorwaarden gelden.").text,
                       "Artikel 2 Toepasselijkheid\n\nDeze voorwaarden gelden.")
    }

    func testBareClauseNumberTakesItsText() {
        XCTAssertEqual(repaired("2.\nAanbiedingen\n2.1 Alle aanbiedingen").text, "2. Aanbiedingen\n\n2.1 Alle aanbiedingen")
    }

    // MARK: page furniture

    func testPageNumbersRemoved() {
        for number in ["- 2 -", "2", "Pagina 2 van 9", "Page 3 of 10", "2/9", "pagina 4", "– 7 –"] {
            let r = repaired("1.1 De klant betaalt\n\(number)\nbinnen dertig dagen.")
            XCTAssertEqual(r.text, "1.1 De klant betaalt binnen dertig dagen.", number)
            XCTAssertTrue(r.kinds.contains(.pageFurniture), number)
        }
    }

    func testRunningHeadersAndFootersAcrossPages() {
        var pages: [String] = []
        for (p, word) in ["een", "twee", "drie", "vier"].enumerated() {
            pages.append("Algemene Voorwaarden Voorbeeld B.V.\n\(p + 1).1 Bepaling \(word) loopt\ndoor op regel \(word).\nVersie 2024 – pagina \(p + 1) van 4\n")
        }
        let r = repaired(pages.joined(separator: "\u{0C}") + "© 2024 Voorbeeld B.V.")
        XCTAssertFalse(r.text.contains("Algemene Voorwaarden Voorbeeld"))
        XCTAssertFalse(r.text.contains("Versie 2024"))
        XCTAssertFalse(r.text.contains("©"))
        XCTAssertTrue(r.text.contains("3.1 Bepaling drie loopt door op regel drie."), r.text)
    }

    func testWebsiteChromeAndRepeatedCounterFooter() {
        let text = "top of page\nTitel\n\nTekst een.\nVoorwaarden X 2\nTekst twee.\nVoorwaarden X 3\nTekst drie.\nVoorwaarden X 4\nbottom of page"
        let r = repaired(text)
        XCTAssertFalse(r.text.contains("of page"))
        XCTAssertFalse(r.text.contains("Voorwaarden X"))
        XCTAssertTrue(r.text.contains("Tekst drie."))
    }

    func testCopyrightInsideTextIsKept() {
        let text = "Algemene Voorwaarden NBA 2013 © Gedeponeerd bij de Griffie.\nDe tekst gaat verder."
        XCTAssertTrue(repaired(text).text.contains("©"))
    }
}
