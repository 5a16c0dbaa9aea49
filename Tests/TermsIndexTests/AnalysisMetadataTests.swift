import XCTest
@testable import TermsIndex

final class AnalysisMetadataTests: XCTestCase {
    struct Expected: Decodable {
        var file: String
        var supplier: String?
        var title: String?
        var version: String?
        var versionDate: String?
        var kind: DocumentKind?
        var languages: [Language]
    }

    /// Supplier names compare without case, spaces and punctuation: "Dejong" from a file name is "De Jong".
    static func folded(_ s: String?) -> String? {
        s.map { String($0.lowercased().filter { $0.isLetter || $0.isNumber }) }
    }

    func testExpectedMetadataForSeedsAndRealWorldFiles() throws {
        let data = try Data(contentsOf: AnalysisFixtures.fixtures.appendingPathComponent("metadata/expected.json"))
        let expected = try JSONDecoder().decode([Expected].self, from: data)
        var right = 0, total = 0, files = 0
        var misses: [String] = []
        for e in expected {
            let name = (e.file as NSString).lastPathComponent
            let input: (text: String, title: String?)
            if e.file.hasPrefix("seeds/") {
                input = (try AnalysisFixtures.seed(name), nil)
            } else if let found = AnalysisFixtures.realworldText(name) {
                input = found
            } else { continue }
            files += 1
            let got = MetadataExtractor.extract(text: input.text, fileName: name, title: input.title)
            let checks: [(String, Bool, String)] = [
                ("supplier", Self.folded(got.supplier) == Self.folded(e.supplier), "\(got.supplier ?? "nil") ≠ \(e.supplier ?? "nil")"),
                ("title", got.title == e.title, "\(got.title ?? "nil") ≠ \(e.title ?? "nil")"),
                ("version", got.version == e.version, "\(got.version ?? "nil") ≠ \(e.version ?? "nil")"),
                ("versionDate", got.versionDate == e.versionDate, "\(got.versionDate ?? "nil") ≠ \(e.versionDate ?? "nil")"),
                ("kind", got.kind == e.kind, "\(got.kind?.rawValue ?? "nil") ≠ \(e.kind?.rawValue ?? "nil")"),
                ("languages", got.languages == e.languages, "\(got.languages) ≠ \(e.languages)"),
            ]
            for (field, ok, detail) in checks {
                total += 1
                if ok { right += 1 } else { misses.append("\(name) \(field): \(detail)") }
            }
        }
        print(String(format: "metadata: %d files, %d/%d fields right (%.1f%%)", files, right, total, 100 * Double(right) / Double(max(total, 1))))
        misses.forEach { print("  miss:", $0) }
        XCTAssertGreaterThanOrEqual(Double(right) / Double(max(total, 1)), 0.85)
    }

    func testKlantassistentPrefersLatestVersionDate() {
        let text = "Algemene voorwaarden\n\nBijgewerkt 12-03-2025\n\nAlgemene voorwaarden – Klantassistent.nl\n\nVersie: 1.4\nLaatst gewijzigd: 23-4-2025\n"
        let m = MetadataExtractor.extract(text: text, fileName: "klantassistent-algemene-voorwaarden.txt")
        XCTAssertEqual(m.version, "1.4")
        XCTAssertEqual(m.versionDate, "2025-04-23")
        XCTAssertEqual(m.supplier, "Klantassistent")
        XCTAssertEqual(m.title, "Algemene voorwaarden – Klantassistent.nl")
    }

    func testDateForms() {
        XCTAssertEqual(MetadataExtractor.parseDate("Version February 2018"), "2018-02")
        XCTAssertEqual(MetadataExtractor.parseDate("Versie maart 2017"), "2017-03")
        XCTAssertEqual(MetadataExtractor.parseDate("Datum: 27-06-2019"), "2019-06-27")
        XCTAssertEqual(MetadataExtractor.parseDate("gedeponeerd bij de KvK op 1 januari 2020"), "2020-01-01")
        XCTAssertEqual(MetadataExtractor.parseDate("Version 31/03/2016"), "2016-03-31")
        XCTAssertEqual(MetadataExtractor.parseDate("© 2008, ICT~Office te Woerden"), "2008")
    }

    func testSupplierFromDefinedPartyAndFileName() {
        let defined = MetadataExtractor.extract(text: "Artikel 1\nVoorbeeld Software B.V., hierna te noemen: Leverancier, levert diensten.\n", fileName: "x.txt")
        XCTAssertEqual(defined.supplier, "Voorbeeld Software")
        let fromFile = MetadataExtractor.extract(text: "Algemene voorwaarden\nArtikel 1 Toepasselijkheid\n", fileName: "02_bakkerij-jansen-algemene-voorwaarden.pdf")
        XCTAssertEqual(fromFile.supplier, "Bakkerij Jansen")
    }

    func testKindFromTitle() {
        XCTAssertEqual(MetadataExtractor.extract(text: "Algemene Voorwaarden EasyComp Zeeland – B2B\n", fileName: "a.txt").kind, .generalTermsB2B)
        XCTAssertEqual(MetadataExtractor.extract(text: "Verwerkersovereenkomst Voorbeeld\n", fileName: "a.txt").kind, .processingAgreement)
        XCTAssertEqual(MetadataExtractor.extract(text: "Algemene voorwaarden voor consumenten\n", fileName: "a.txt").kind, .consumerTerms)
    }

    // MARK: Synthetic snippets, one per form (written for these tests)

    /// The supplier extracted from `text` stored as `file`.
    func supplier(_ text: String, file: String = "docs/algemene-voorwaarden.pdf") -> String? {
        MetadataExtractor.extract(text: text, fileName: file, detectLanguages: false).supplier
    }

    /// The version date extracted from `text`.
    func versionDate(_ text: String) -> String? {
        MetadataExtractor.extract(text: text, fileName: "docs/voorwaarden.txt", detectLanguages: false).versionDate
    }

    func testSupplierFromLegalEntities() {
        let body = "\nArtikel 1 Toepasselijkheid\nDeze voorwaarden gelden voor elke overeenkomst.\n"
        XCTAssertEqual(supplier("Algemene voorwaarden\nBakkerij Wolkenveld B.V. levert brood." + body + "Bakkerij Wolkenveld levert op werkdagen."), "Bakkerij Wolkenveld")
        XCTAssertEqual(supplier("Voorwaarden\nTegelhuis Noord BV, Dorpsstraat 1." + body + "Tegelhuis Noord is niet aansprakelijk."), "Tegelhuis Noord")
        XCTAssertEqual(supplier("Voorwaarden\nDe verkoper is Zeepziederij Vos bv." + body + "Zeepziederij Vos stuurt een factuur."), "Zeepziederij Vos")
        XCTAssertEqual(supplier("Voorwaarden\nKlimhal Ardenne BVBA, ondernemingsnummer 0123.456.789" + body), "Klimhal Ardenne")
        XCTAssertEqual(supplier("Voorwaarden\nVerzekerd bij Polderpolis N.V. te Utrecht." + body + "Polderpolis betaalt uit."), "Polderpolis")
        XCTAssertEqual(supplier("Voorwaarden\nSchilders Van Dam VOF voert het werk uit." + body + "Schilders Van Dam"), "Schilders Van Dam")
        XCTAssertEqual(supplier("Voorwaarden\nStichting Buurtmoestuin beheert de tuin." + body + "Buurtmoestuin"), "Buurtmoestuin")
        XCTAssertEqual(supplier("Terms\nNorthwind Widgets Ltd supplies the goods.\nNorthwind Widgets ships within 5 days.\n"), "Northwind Widgets")
        XCTAssertEqual(supplier("AGB\nBergwerk Falke GmbH liefert.\nBergwerk Falke haftet nicht.\n"), "Bergwerk Falke")
    }

    func testSupplierFromDefinedParties() {
        XCTAssertEqual(supplier("Algemene voorwaarden\nArtikel 1 Definities\nGebruiker: Fietsenmakerij Spaak, gevestigd te Ede.\nKlant: ieder die koopt.\n"), "Fietsenmakerij Spaak")
        XCTAssertEqual(supplier("Voorwaarden\nOpdrachtnemer: Adviesbureau Kompas, ingeschreven bij de KvK.\n"), "Adviesbureau Kompas")
        XCTAssertEqual(supplier("Polisvoorwaarden\nVerzekeraar: Dijkgraaf Verzekeringen\nDijkgraaf Verzekeringen vergoedt schade.\n"), "Dijkgraaf Verzekeringen")
        XCTAssertEqual(supplier("Voorwaarden\nDeze voorwaarden zijn van Wolters Webwerk (hierna: \"Webwerk\").\nWebwerk bouwt websites. Webwerk host ze ook.\n"), "Webwerk")
        XCTAssertEqual(supplier("Voorwaarden\nJ. de Boer, handelend onder de naam Boer Bouwadvies, gevestigd te Zwolle.\nBoer Bouwadvies adviseert.\n"), "Boer Bouwadvies")
        XCTAssertEqual(supplier("Voorwaarden\nDeze voorwaarden gelden voor de firma Glashelder, gevestigd te Hoorn.\n"), "Glashelder")
        XCTAssertEqual(supplier("Voorwaarden\nDit is een overeenkomst tussen Klant en Roestvrij Studio.\nRoestvrij Studio levert.\n"), "Roestvrij Studio")
        XCTAssertEqual(supplier("Voorwaarden\nBedrijfsnaam: Tuinhuis Linde\nKvK-nummer: 12345678\n"), "Tuinhuis Linde")
    }

    func testSupplierFromWebsiteTitleAndFolder() {
        XCTAssertEqual(supplier("Algemene voorwaarden\nBestellen kan via www.kaasboerderij-hoeve.nl of info@kaasboerderij-hoeve.nl.\n"), "Kaasboerderij Hoeve")
        XCTAssertEqual(supplier("Algemene voorwaarden Zonnedak\nArtikel 1\nZonnedak legt panelen. Zonnedak garandeert ze.\n"), "Zonnedak")
        XCTAssertEqual(supplier("Algemene voorwaarden\nArtikel 1 Toepasselijkheid\nDeze voorwaarden gelden.\n", file: "molenaar-meubels/algemene-voorwaarden.pdf"), "Molenaar Meubels")
        // The folder is only asked when the file name says nothing.
        XCTAssertEqual(supplier("Algemene voorwaarden\nArtikel 1\n", file: "downloads/03_zaagwerk-jansen.pdf"), "Zaagwerk Jansen")
    }

    func testSupplierPrefersRecurringCandidate() {
        // A legal entity the text names once in passing loses to the party it names throughout.
        let text = "Voorwaarden\nArtikel 1\nGeschillen gaan naar De Geschillenraad B.V. te Den Haag.\n"
            + String(repeating: "Hoveniersbedrijf Eik snoeit bomen. ", count: 6) + "\nGebruiker: Hoveniersbedrijf Eik\n"
        XCTAssertEqual(supplier(text), "Hoveniersbedrijf Eik")
    }

    func testHeadingAndSentenceFragmentsAreNoSupplier() {
        let body = "\nArtikel 1\nDe levering gebeurt binnen 5 dagen.\n"
        for heading in ["Verkoop- en leveringsvoorwaarden", "1. Toepassing van de voorwaarden", "PRAKTIJK VOORWAARDEN",
                        "Verkoopsvoorwaarden", "Vragen over onze voorwaarden", "Acceptance of the Terms"] {
            XCTAssertNil(supplier(heading + body), heading)
        }
        // A law defined with (hierna: ...) is no party; nor is a role word.
        XCTAssertNil(supplier("Voorwaarden\nde Wet bescherming persoonsgegevens (hierna: \"Wbp\") geldt.\nDe Wbp regelt veel.\n"))
        XCTAssertNil(supplier("Voorwaarden\nGebruiker: de partij die deze voorwaarden hanteert.\n"))
        XCTAssertFalse(MetadataExtractor.isPlausibleName("GW12-01-03"))
        XCTAssertFalse(MetadataExtractor.isPlausibleName("IN104"))
    }

    func testTitlesAreNeverArticleHeadingsOrListItems() {
        XCTAssertNil(MetadataExtractor.usableTitle("Article 1. Definitions"))
        XCTAssertNil(MetadataExtractor.usableTitle("• vanwege het schenden van de voorwaarden"))
        XCTAssertEqual(MetadataExtractor.usableTitle("Algemene voorwaarden Vinci Club"), "Algemene voorwaarden Vinci Club")
        let text = "Privacy policy\n• vanwege het schenden van de voorwaarden van deze privacy policy\nWij verwerken gegevens."
        XCTAssertNotEqual(MetadataExtractor.extract(text: text, fileName: "p.pdf").title?.first, "•")
    }

    func testTradeNameWithBy() {
        let text = """
            Privacyverklaring
            Studio Licht by Anna respecteert uw privacy.
            Verantwoordelijke: Studio Licht by Anna, gevestigd te Voorbeeldstraat 1, Utrecht.
            Website by Pixel Werk, gevestigd te Amersfoort.
            Uw gegevens worden verzameld door Studio Licht by Anna.
            """
        XCTAssertEqual(MetadataExtractor.extract(text: text, fileName: "privacy.pdf").supplier, "Studio Licht by Anna")
        XCTAssertEqual(MetadataExtractor.dropSentenceStart("Website by Pixel Werk"), "Pixel Werk")
        XCTAssertEqual(MetadataExtractor.dropSentenceStart("Powered by Pixel Werk"), "Pixel Werk")
    }

    func testVersionDateFromARunningFooter() {
        let text = "Voorwaarden Voorbeeld Verzekering\nArtikel 1 Begrippen\nDe verzekering loopt een jaar."
        func date(_ running: [String]) -> String? {
            MetadataExtractor.extract(text: text, fileName: "voorbeeld.pdf", runningLines: running).versionDate
        }
        XCTAssertEqual(date(["Maart 2016"]), "2016-03", "the edition printed at the foot of every page")
        XCTAssertNil(date(["Afgedrukt op 12-05-2023"]), "the date of this copy is no version")
        XCTAssertNil(date(["Pagina 3"]))
    }

    func testVersionDateForms() {
        XCTAssertEqual(versionDate("Voorwaarden\nVersie 01/08/2014\n"), "2014-08-01")
        XCTAssertEqual(versionDate("SumoStore heeft deze algemene voorwaarden gepubliceerd op 28-03-2014.\nDeze voorwaarden worden voor 01-06-2014 aangevuld."), "2014-03-28")
        XCTAssertEqual(versionDate("These terms were published on 4 May 2021."), "2021-05-04")
        XCTAssertEqual(versionDate("Voorwaarden\nversie 2.1 – mei 2018\n"), "2018-05")
        XCTAssertEqual(versionDate("Voorwaarden Voorbeeld vs mei 2018\n"), "2018-05")
        XCTAssertEqual(versionDate("Voorwaarden\nDeze voorwaarden gelden vanaf 1 april 2016.\n"), "2016-04-01")
        XCTAssertEqual(versionDate("Voorwaarden\nVanaf 1 april 2016 gelden deze voorwaarden.\n"), "2016-04-01")
        XCTAssertEqual(versionDate("Voorwaarden\nGeldig vanaf 15-09-2022\n"), "2022-09-15")
        XCTAssertEqual(versionDate("Voorwaarden\nDeze voorwaarden zijn laatst gewijzigd op 3 maart 2021.\n"), "2021-03-03")
        XCTAssertEqual(versionDate("Voorwaarden\nBijgewerkt: januari 2020\n"), "2020-01")
        XCTAssertEqual(versionDate("Terms\nLast updated: March 3, 2021\n"), "2021-03-03")
        XCTAssertEqual(versionDate("Terms\nLast\u{200B} \u{200B}Updated:\u{200B} \u{200B}May 18, 2018\n"), "2018-05-18")
        XCTAssertEqual(versionDate("Terms\nThese terms are effective as of 1st of June 2019.\n"), "2019-06-01")
        XCTAssertEqual(versionDate("---\ntitle: Voorwaarden\ndate: 2021-03-04\n---\n"), "2021-03-04")
        XCTAssertEqual(versionDate("---\ntitle: Voorwaarden\nupdated: 2022-11-30\n---\n"), "2022-11-30")
        XCTAssertEqual(versionDate("Voorwaarden\nVastgesteld d.d. 12-12-2012\n"), "2012-12-12")
        XCTAssertEqual(versionDate("Voorwaarden\nd.d. 12-12-2012\n"), "2012-12-12")
        XCTAssertEqual(versionDate("Voorwaarden\nVersie 01-2020\n"), "2020-01")
        XCTAssertEqual(versionDate("Voorwaarden woonverzekering\nAV 2020-09\n"), "2020-09")
        XCTAssertEqual(versionDate("Voorwaarden woonverzekering\nFormulier WV (09.2020)\n"), "2020-09")
        XCTAssertEqual(versionDate("<p class=\"muted\">Laatst bijgewerkt: februari 2024</p>\n"), "2024-02")
        XCTAssertEqual(versionDate("Voorwaarden\nArtikel 1\nTekst.\n© 2008 Voorbeeld\n"), "2008")
    }

    func testFullerDateOfTheSameYearWins() {
        XCTAssertTrue(MetadataExtractor.isEarlier("2013", "2013-01-30"))
        XCTAssertFalse(MetadataExtractor.isEarlier("2013-01-30", "2013"))
        XCTAssertEqual(versionDate("Voorwaarden 2013\nArtikel 1\nAlgemene voorwaarden 30-01-2013\n"), "2013-01-30")
    }

    func testVersionDatePrefersStatedDateOverOthers() {
        // A version line beats a copyright year and a form code; dates in clause bodies count for nothing.
        let text = "Voorwaarden\n© 2015 Voorbeeld\nAV 2019-01\nVersie: 1 februari 2021\n"
            + "Artikel 4\nDe wet van 12 mei 1998 is van toepassing.\nOp 3 juni 2010 is het bedrijf opgericht.\n"
        XCTAssertEqual(versionDate(text), "2021-02-01")
        XCTAssertNil(versionDate("Voorwaarden\nArtikel 4\nDe wet van 12 mei 1998 is van toepassing.\nOp 3 juni 2010 is het bedrijf opgericht.\n"))
        XCTAssertNil(versionDate("Voorwaarden\nArtikel 2\nDe premie geldt vanaf de dag van de wet van 1 januari 2006.\n"))
    }
}
