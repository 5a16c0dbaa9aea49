import Foundation
import XCTest
@testable import TermsIndex

/// The segmenter on the header and clause styles seen in real terms.
final class SegmenterTests: XCTestCase {
    func segment(_ text: String) -> [SegmentedClause] {
        ClauseSegmenter().segment(text.components(separatedBy: "\n\n").map { TextBlock(kind: .paragraph, text: $0) })
    }

    func keys(_ text: String) -> [String] { segment(text).map(\.key) }

    func testKeywordArticleStyles() {
        let clauses = segment("""
            Artikel 1 Toepasselijkheid

            1.1 Deze voorwaarden gelden.

            ARTIKEL 2. TOEGANG & GEBRUIK

            2.1 Account en Inloggegevens
            De Klant maakt een account aan.

            14 ARTIKEL 14. BEPERKING VAN AANSPRAKELIJKHEID

            14.1 Directe schade is beperkt.

            artikel 15. Slotbepalingen

            1. Nederlands recht is van toepassing.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1.1", "2.1", "14.1", "15.1"])
        XCTAssertEqual(clauses[1].location.heading, "Account en Inloggegevens")
        XCTAssertEqual(clauses[1].text, "De Klant maakt een account aan.")
        XCTAssertEqual(clauses[2].location.articleHeading, "BEPERKING VAN AANSPRAKELIJKHEID")
        XCTAssertEqual(clauses[3].location.articleHeading, "Slotbepalingen")
    }

    func testArticlesThatAreNumberedParagraphs() {
        let clauses = segment("""
            Corendon biedt WiFi aan als u akkoord gaat met de volgende gebruikersvoorwaarden:

            1. De bandbreedte die per sessie ter beschikking wordt gesteld is onbeperkt. U heeft dus geen limiet en er komen geen extra kosten bij.

            2. De kwaliteit en snelheid kan afhangen van een aantal verschillende factoren, waaronder atmosferische storingen en de randapparatuur.

            3. U zult:

            3.1 niets doen dat leidt tot overlast.

            3.2 niet handelen in strijd met de wet.

            4. Corendon is niet aansprakelijk voor enige schade die u zou leiden in verband met het gebruik maken van het netwerk of van het internet.
            """)
        XCTAssertEqual(clauses.map(\.key), ["preamble", "1", "2", "3.1", "3.2", "4"])
        XCTAssertTrue(clauses[1].text.hasPrefix("De bandbreedte"), clauses[1].text)
        XCTAssertEqual(clauses[3].location.articleHeading, "U zult:")
    }

    func testLettersAreClausesWhenTheArticleOpensWithThem() {
        let clauses = segment("""
            Artikel 2 LID WORDEN

            a. Je kunt lid worden op de volgende manieren:
            1. Op de website.
            2. In de club.

            b. Je hebt het recht om binnen 14 dagen te herroepen.

            c) Een lidmaatschap is persoonlijk.

            Artikel 3 BETALING

            De betaling geschiedt als volgt:
            a. per maand;
            b. vooraf.

            Artikel 4 AANSPRAKELIJKHEID

            4.1 Wij zijn aansprakelijk voor:
            a. directe schade.
            """)
        XCTAssertEqual(clauses.map(\.key), ["2.a", "2.b", "2.c", "3", "4.1"])
        guard clauses.count == 5 else { return XCTFail("\(clauses.map { ($0.key, $0.text) })") }
        XCTAssertEqual(clauses[0].text, "Je kunt lid worden op de volgende manieren:\n1. Op de website.\n2. In de club.")
        XCTAssertEqual(clauses[1].location.article, "2")
        XCTAssertTrue(clauses[3].text.contains("a. per maand;\nb. vooraf."), "a list after an introduction stays text")
        XCTAssertTrue(clauses[4].text.hasSuffix("a. directe schade."), "letters inside a numbered clause stay text")
    }

    func testEnglishArticlesWithLetteredNumbersAndNumberedClauses() {
        let clauses = segment("""
            Article 10c. Reflection period

            1. When purchasing products, you have a reflection period of 14 days.

            2. During the cooling-off period, you handle the product with care.

            Article 10d. Reflection time on services

            Sometimes there is no right of withdrawal.

            Article 10th. Exclusion of right of withdrawal

            The following products are excluded.
            """)
        XCTAssertEqual(clauses.map(\.key), ["10c.1", "10c.2", "10d", "10e"])
    }

    func testModulesAndTheirLetteredArticles() {
        let clauses = segment("""
            Module A. Algemeen

            Module B. Hosting

            Indien een specifieke module van toepassing is, prevaleert deze.

            ModuleA. Algemeen

            Artikel A.1. Offerte

            A.1.1 Een offerte is vrijblijvend.

            A.1.2 Aanvaarding gebeurt schriftelijk.

            ModuleB. Hosting

            Artikel B.1. Uitvoering

            B.1.1 Opdrachtnemer host de dienst.
            """)
        XCTAssertEqual(clauses.map(\.key), ["preamble", "A.1.1", "A.1.2", "B.1.1"])
        XCTAssertEqual(clauses[1].location.part, "Module A: Algemeen")
        XCTAssertEqual(clauses[3].location.part, "Module B: Hosting")
        XCTAssertTrue(clauses[0].text.contains("Module A. Algemeen"), "a table of contents of modules is text")
    }

    func testAnnexRestartsNumberingWithDistinctKeys() {
        let clauses = segment("""
            Artikel 1 Toepasselijkheid

            1.1 Deze voorwaarden gelden.

            Bijlage 1: Verwerken van Persoonsgegevens Indien en voor zover leverancier persoonsgegevens verwerkt, doet zij dit zorgvuldig.

            Artikel 1 De verwerking

            1.1 De verwerking vindt plaats onder verantwoordelijkheid van klant.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1.1", "bijlage-1/preamble", "bijlage-1/1.1"])
        XCTAssertEqual(clauses[2].location.part, "Bijlage 1: Verwerken van Persoonsgegevens")
        XCTAssertEqual(clauses[2].location.article, "1")
    }

    func testBareNumberedArticlesAndHeadingsRunningIntoText() {
        let clauses = segment("""
            1. Toepasselijkheid

            1.1 Deze voorwaarden gelden voor alle aanbiedingen.

            2. Aanbiedingen

            2.1 Alle aanbiedingen zijn vrijblijvend.

            3. Intellectuele eigendom Alle door leverancier verstrekte stukken zijn uitsluitend bestemd voor cliënt.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1.1", "2.1", "3"])
        XCTAssertEqual(clauses[2].location.articleHeading, "Intellectuele eigendom")
        XCTAssertTrue(clauses[2].text.hasPrefix("Alle door leverancier"))
    }

    func testBulletsAndLettersStayInTheirClause() {
        let clauses = segment("""
            Artikel 8 Aansprakelijkheid

            8.3 Onder directe schade wordt uitsluitend verstaan:
            - de redelijke kosten ter vaststelling van de schade;
            a. de kosten van herstel;
            ● redelijke kosten ter voorkoming van schade.

            8.4 Indirecte schade is uitgesloten.
            """)
        XCTAssertEqual(clauses.map(\.key), ["8.3", "8.4"])
        XCTAssertEqual(clauses[0].text.split(separator: "\n").count, 4)
    }

    func testMissingArticleHeaderIsImplied() {
        let clauses = segment("""
            4. Reparatie

            4.1 Reparaties worden uitgevoerd.

            5.1 Dienstverlening gebeurt op afstand.

            5.2 Op locatie tegen meerprijs.
            """)
        XCTAssertEqual(clauses.map(\.key), ["4.1", "5.1", "5.2"])
        XCTAssertEqual(clauses[1].location.article, "5")
    }

    func testReferenceAtLineStartIsNotAnArticle() {
        XCTAssertEqual(LineClassifier.classify("Artikel 8.1 is van overeenkomstige toepassing."),
                       .text("Artikel 8.1 is van overeenkomstige toepassing."))
        XCTAssertEqual(LineClassifier.classify("artikel 7 van deze voorwaarden geldt ook hier en verder"),
                       .text("artikel 7 van deze voorwaarden geldt ook hier en verder"))
    }

    func testMarkdownHeadings() {
        let blocks = [TextBlock(kind: .heading(level: 2), text: "Voorwaarden Meekijksessie"),
                      TextBlock(kind: .paragraph, text: "Met een meekijksessie wordt bedoeld het meekijken."),
                      TextBlock(kind: .heading(level: 3), text: "Artikel 1 Meekijksessie"),
                      TextBlock(kind: .paragraph, text: "1.1 U stemt in met deze voorwaarden."),
                      TextBlock(kind: .heading(level: 3), text: "Privacy"),
                      TextBlock(kind: .paragraph, text: "Wij respecteren uw privacy.")]
        let clauses = ClauseSegmenter().segment(blocks)
        XCTAssertEqual(clauses.map(\.key), ["preamble", "1.1", "privacy"])
        XCTAssertEqual(clauses[1].location.articleHeading, "Meekijksessie")
        XCTAssertEqual(clauses[2].location.articleHeading, "Privacy")
    }

    func testQuestionHeadingsMayBeLong() {
        // Insurance terms head their articles with the reader's whole question.
        let clauses = segment("""
            1. Wie is verzekerd?
            U en de mensen met wie u samenwoont.

            2. Aan welke voorwaarden moet een geschil altijd voldoen voordat wij u juridische hulp geven?
            Het geschil is ontstaan terwijl deze verzekering liep.

            3. Welk recht geldt?
            Nederlands recht.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1", "2", "3"])
        XCTAssertEqual(clauses[1].location.articleHeading,
                       "Aan welke voorwaarden moet een geschil altijd voldoen voordat wij u juridische hulp geven?")
    }

    func testLongHeadingBeforeANewSentence() {
        // No question mark and over twelve words, but the next line starts a sentence of its own.
        let clauses = segment("""
            7. Wat u kunt doen als u het niet eens bent met onze beslissing over uw zaak
            Neem eerst contact op met onze klantendienst.

            8. Klachten
            U kunt ons altijd schrijven.
            """)
        XCTAssertEqual(clauses.map(\.key), ["7", "8"])
        // A sentence that a line break cuts goes on in lower case: it stays the clause's text.
        let cut = segment("""
            Artikel 4 Betaling

            1. De klant betaalt de facturen van de leverancier binnen dertig dagen na de datum van de
            factuur op de rekening die de leverancier opgeeft.

            2. Daarna is de klant rente verschuldigd.
            """)
        XCTAssertEqual(cut.map(\.key), ["4.1", "4.2"])
    }

    func testNumberedTermsInsideAKeywordArticleAreItsClauses() {
        // "Artikel N" heads the articles; a bare "2. Verzekerde" is a defined term of article 1,
        // not article 2, and not lost text either.
        let clauses = segment("""
            Artikel 1. Begrippen
            Wat de woorden in deze voorwaarden betekenen.

            1. Verzekeringnemer
            Wie de verzekering sluit.

            2. Verzekerde
            Wie de verzekering dekt.

            Artikel 2. Premie
            U betaalt vooruit.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1", "1.1", "1.2", "2"])
        XCTAssertEqual(clauses[2].location.heading, "Verzekerde")
        XCTAssertEqual(clauses[2].text, "Wie de verzekering dekt.")
        XCTAssertEqual(clauses[3].location.articleHeading, "Premie")
    }

    func testArticlesKeepTheStyleOfTheirNumbers() {
        // Chapters numbered "N Title"; a table numbers its rows "N." and must not take over.
        let clauses = segment("""
            1 Wie is verzekerd?
            U en uw gezin.

            2 Wat is verzekerd?

            2.1 Basisdekking
            De gebeurtenissen staan in de tabel.
            1. Brand
            Schade door brand.
            2. Storm
            Schade door storm.
            3. Diefstal
            Na braak.

            3 Hoe vergoeden wij?

            3.1 In geld.
            """)
        XCTAssertEqual(clauses.map(\.key), ["1", "2.1", "3.1"])
        XCTAssertTrue(clauses[1].text.contains("3. Diefstal"))
        // A number in the other style still opens its article when its clauses follow.
        let mixed = segment("""
            1. Toepasselijkheid

            1.1 Deze voorwaarden gelden.

            2. Aanbod

            2.1 Elk aanbod is vrijblijvend.

            3 Levering

            3.1 Levering gebeurt af magazijn.
            """)
        XCTAssertEqual(mixed.map(\.key), ["1.1", "2.1", "3.1"])
        XCTAssertEqual(mixed[2].location.articleHeading, "Levering")
    }

    func testClauseNumberGluedToItsFirstWord() {
        XCTAssertEqual(LineClassifier.classify("1.6Indien partijen afwijken, geldt dat alleen schriftelijk."),
                       .dottedClause(label: "1.6", rest: "Indien partijen afwijken, geldt dat alleen schriftelijk."))
        XCTAssertEqual(LineClassifier.classify("2.5kg is het maximum"), .text("2.5kg is het maximum"))
        XCTAssertEqual(LineClassifier.classify("12.000Euro"), .text("12.000Euro"))
    }

    func testTitleHeadingDoesNotCountAsStructure() {
        // Unnumbered terms under a title: the run-in headings are still found.
        let blocks = [TextBlock(kind: .heading(level: 1), text: "Algemene voorwaarden"),
                      TextBlock(kind: .paragraph, text: "Betaling\nFacturen worden binnen dertig dagen betaald."),
                      TextBlock(kind: .paragraph, text: "Aansprakelijkheid\nOnze aansprakelijkheid is beperkt.")]
        let clauses = ClauseSegmenter().segment(blocks)
        XCTAssertEqual(clauses.map(\.key), ["betaling", "aansprakelijkheid"])
    }
}
