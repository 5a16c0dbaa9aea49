import XCTest
@testable import TermsIndex

final class VersionAlignmentTests: XCTestCase {
    func testWordsJoinLineEndHyphenationAndIgnoreInvisibleCharacters() {
        let words = VersionText.words("De aansprake-\nlijkheid is\u{200B} beperkt,  in- en verkoop")
        XCTAssertEqual(words.map(\.key), ["de", "aansprakelijkheid", "is", "beperkt", "in", "en", "verkoop"])
        XCTAssertEqual(VersionText.fingerprint("Cliënt,  betaalt\n(binnen) 14 dagen."), VersionText.fingerprint("cliënt betaalt binnen 14 dagen"))
    }

    func testWordDiffMarksReplacedWords() {
        let diff = WordDiff(old: "Deze wijzigingen gaan vier weken na de bekendmaking in.",
                            new: "Deze wijzigingen gaan dertig dagen na de bekendmaking in.")
        XCTAssertEqual(diff.segments.map(\.op), [.equal, .deleted, .inserted, .equal])
        XCTAssertEqual(diff.segments[1].text, "vier weken")
        XCTAssertEqual(diff.segments[2].text, "dertig dagen")
        XCTAssertEqual(diff.common, 7)
    }

    func testAlignmentFindsRenumberedAndMovedClauses() {
        func clause(_ key: String, _ text: String) -> VersionClause { VersionClause(key: key, clause: key, article: String(key.prefix(1)), text: text) }
        let old = [clause("1.1", "Deze voorwaarden gelden voor alle aanbiedingen van leverancier."),
                   clause("2.1", "Betaling geschiedt binnen dertig dagen na de factuurdatum."),
                   clause("3.1", "Leverancier is niet aansprakelijk voor indirecte schade of gevolgschade.")]
        let new = [clause("1.1", "Deze voorwaarden gelden voor alle aanbiedingen van leverancier."),
                   clause("2.1", "Leverancier is niet aansprakelijk voor indirecte schade of gevolgschade."),
                   clause("3.1", "Betaling geschiedt binnen veertien dagen na de factuurdatum."),
                   clause("4.1", "Op deze voorwaarden is Nederlands recht van toepassing.")]
        let links = ClauseAlignment(old: old, new: new).links
        XCTAssertEqual(links.map(\.kind), [.unchanged, .moved, .changed, .added])
        XCTAssertEqual(links[1].old, [2])
        XCTAssertEqual(links[2].old, [1])
        XCTAssertTrue(links[2].renumbered)
    }

    func testVersionGroupsPickTheLatestVersion() {
        let members = [
            VersionGroups.Member(document: "a-2019", supplier: "Matteman ICT", kind: "general-terms-b2b", language: "nl", versionDate: "2019-06-27", versionLabel: nil),
            VersionGroups.Member(document: "a-2021", supplier: "Matteman ICT", kind: "general-terms-b2b", language: "nl", versionDate: "2021-03", versionLabel: nil),
            VersionGroups.Member(document: "a-en", supplier: "Matteman ICT", kind: "general-terms-b2b", language: "en", versionDate: "2018", versionLabel: nil),
            VersionGroups.Member(document: "b", supplier: "Other", kind: nil, language: "nl", versionDate: nil, versionLabel: "file dated 2020-09-19"),
        ]
        let placed = VersionGroups.placements(members)
        XCTAssertEqual(placed["a-2021"]?.current, true)
        XCTAssertEqual(placed["a-2019"]?.current, false)
        XCTAssertEqual(placed["a-2021"]?.previous, "a-2019")
        XCTAssertNil(placed["a-en"])
        XCTAssertNil(placed["b"])
        XCTAssertEqual(VersionGroups.currentDocuments(members), ["a-2021", "a-en", "b"])
        XCTAssertEqual(VersionGroups.documents(asOf: "2020", members), ["a-2019", "a-en", "b"])
    }
}
