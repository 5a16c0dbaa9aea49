import Foundation
import XCTest

/// Plain-word questions also find the clauses that say the same in other words or in the other
/// language (the legal thesaurus), ranked after the clauses with the query's own words; the
/// expansion is shown, can be explained and turned off, and a lawyer's own thesaurus file is used
/// when given.
final class ThesaurusTests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try termsearch(["index", "--index", "idx", Self.corpus]).status, 0)
    }

    func search(_ query: String, _ extra: [String] = []) throws -> [String: Any] {
        try searchJSON(query, limit: 200, extra)
    }

    /// Writes `text` to the file `name` and runs `termsearch thesaurus --check` on it.
    func check(_ text: String, as name: String) throws -> (file: URL, run: Run) {
        let file = workDirectory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (file, try termsearch(["thesaurus", "--check", file.path]))
    }

    /// Whether the word is in the hit's clause or in its heading or its article's heading.
    func mentions(_ hit: [String: Any], _ word: String) -> Bool {
        ["text", "heading", "articleHeading"].contains { (hit[$0] as? String ?? "").lowercased().contains(word) }
    }

    func testDutchWordFindsTheEnglishClauseAfterTheDutchOnes() throws {
        let object = try search("overmacht", ["--facets"])
        let total = try XCTUnwrap(object["total"] as? Int)
        let all = hits(object)
        XCTAssertGreaterThan(total, 0)
        XCTAssertTrue(all.prefix(total).allSatisfy { mentions($0, "overmacht") })
        let related = all.dropFirst(total)
        XCTAssertFalse(related.isEmpty, "equivalents find more clauses")
        XCTAssertTrue(related.allSatisfy { $0["match"] as? String == "related" })
        XCTAssertTrue(related.contains { $0["language"] as? String == "en" && ($0["text"] as! String).lowercased().contains("force majeure") },
                      "the English modules say force majeure")
        XCTAssertEqual(object["relatedTotal"] as? Int, related.count)
        let expansion = try XCTUnwrap(object["expansion"] as? [String: Any])
        let match = try XCTUnwrap((expansion["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(match["words"] as? String, "overmacht")
        XCTAssertTrue((match["otherLanguage"] as? [String] ?? []).contains("act of god"))
        XCTAssertTrue((match["sameLanguage"] as? [String] ?? []).contains("force majeure"), "Belgian Dutch says force majeure too")
        // The facets and total still count only the clauses with the query's own word.
        XCTAssertEqual((object["facets"] as? [String: [String: Int]])?["language"]?.values.reduce(0, +), total)
    }

    func testNoExpandSearchesOnlyTheQuerysWords() throws {
        let object = try search("overmacht", ["--no-expand"])
        XCTAssertNil(object["expansion"])
        XCTAssertNil(object["relatedTotal"])
        XCTAssertEqual(hits(object).count, object["total"] as? Int)
        XCTAssertEqual(try search("overmacht")["total"] as? Int, object["total"] as? Int)
    }

    func testBooleanAndPhraseQueriesAreNotExpanded() throws {
        for query in ["\"overmacht\"", "overmacht AND schade", "+overmacht", "title:overmacht OR overmacht"] {
            let object = try search(query)
            XCTAssertNil(object["expansion"], query)
            XCTAssertFalse(hits(object).contains { $0["match"] as? String == "related" }, query)
        }
    }

    func testExplainShowsTiersAndText() throws {
        let object = try search("aansprakelijkheid beperkt tot", ["--explain"])
        let explanation = try XCTUnwrap(object["explanation"] as? [String: Any])
        let tiers = try XCTUnwrap(explanation["tiers"] as? [[String: Any]])
        XCTAssertEqual(tiers.map { $0["match"] as? String ?? "" }, ["all", "related", "partial"])
        let source = explanation["thesaurus"] as? String ?? ""
        XCTAssertTrue(source.contains("legal-thesaurus.txt + ") && source.hasSuffix("legal-glossary.txt"), source)
        let text = try termsearch(["search", "--index", "idx", "--explain", "aansprakelijkheid beperkt tot"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Also searched: aansprakelijkheid → liability"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Tier 2 (related): Query("), text.stdout)
    }

    func testEnglishWordFindsDutchClausesThroughTheGlossaryButNoOtherEnglishWords() throws {
        // The English modules of the bundled terms never say maintenance; the Dutch ones say onderhoud.
        let object = try search("maintenance")
        let match = try XCTUnwrap(((object["expansion"] as? [String: Any])?["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(match["words"] as? String, "maintenance")
        XCTAssertEqual(match["otherLanguage"] as? [String], ["onderhoud"])
        XCTAssertEqual(match["sameLanguage"] as? [String] ?? [], [], "a translation is not an English equivalent")
        XCTAssertEqual(object["total"] as? Int, 0)
        let related = hits(object)
        XCTAssertGreaterThan(related.count, 10)
        XCTAssertTrue(related.allSatisfy { $0["match"] as? String == "related" && $0["language"] as? String == "nl" && mentions($0, "onderhoud") })
        XCTAssertEqual(hits(try search("maintenance", ["--no-expand"])).count, 0)

        // The other way round, a translation is searched in clauses of its own language only:
        // `programmatuur = software` finds English clauses, not the Dutch ones that say software.
        let dutch = try search("programmatuur")
        let total = try XCTUnwrap(dutch["total"] as? Int)
        let translated = hits(dutch).dropFirst(total)
        XCTAssertFalse(translated.isEmpty)
        XCTAssertTrue(translated.allSatisfy { $0["match"] as? String == "related" && $0["language"] as? String == "en" && mentions($0, "software") })
    }

    func testGlossaryLinesAreCheckedAndKeptBesideAnOwnThesaurus() throws {
        let (_, check) = try self.check("# test\nmoving box, removal box = verhuisdoos\n", as: "glossary.txt")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("1 concepts, 3 expressions"), check.stdout)

        let (_, run) = try self.check("customer = klant\nsupplier =\n", as: "broken-glossary.txt")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("broken-glossary.txt:2: a glossary line needs English words before '=' and Dutch words after it"),
                      run.stderr)
        let (_, indented) = try self.check("customer = klant\n  supplier = leverancier\n", as: "indented-glossary.txt")
        XCTAssertEqual(indented.status, 2)
        XCTAssertTrue(indented.stderr.contains("indented-glossary.txt:2: a glossary line (english = dutch) starts at the beginning of the line"),
                      indented.stderr)

        // A thesaurus of one's own replaces the bundled thesaurus, not the bundled glossary.
        let own = workDirectory.appendingPathComponent("mine.txt")
        try "moving box\n  nl: verhuisdoos, overmacht\n".write(to: own, atomically: true, encoding: .utf8)
        let object = try search("maintenance", ["--thesaurus", own.path])
        let source = ((object["expansion"] as? [String: Any])?["thesaurus"] as? String) ?? ""
        XCTAssertTrue(source.hasPrefix(own.path + " + ") && source.hasSuffix("legal-glossary.txt"), source)
        XCTAssertFalse(hits(object).dropFirst(object["total"] as? Int ?? 0).isEmpty, "the glossary still finds Dutch clauses")
    }

    func testBundledGlossaryIsListedAsTranslations() throws {
        let run = try termsearch(["thesaurus", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let concepts = try XCTUnwrap(object["concepts"] as? [[String: Any]])
        let customer = try XCTUnwrap(concepts.first { $0["name"] as? String == "customer, client, buyer, purchaser" })
        XCTAssertEqual(customer["translationsOnly"] as? Bool, true)
        XCTAssertEqual((customer["expressions"] as? [String: [String]])?["nl"]?.first, "klant")
        XCTAssertEqual(concepts.first { $0["name"] as? String == "liability" }?["translationsOnly"] as? Bool, false)
        let text = try termsearch(["thesaurus"])
        XCTAssertTrue(text.stdout.contains("\ncustomer, client, buyer, purchaser = klant, afnemer, koper, cliënt\n"), text.stdout)
    }

    func testOwnThesaurusFileIsUsedAndChecked() throws {
        let (file, check) = try self.check("# test\nmoving box\n  nl: verhuisdoos, overmacht\n", as: "mine.txt")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("1 concepts, 2 expressions"), check.stdout)
        let object = try search("verhuisdoos", ["--thesaurus", file.path])
        XCTAssertEqual(object["total"] as? Int, 0)
        XCTAssertFalse(hits(object).isEmpty)
        XCTAssertTrue(hits(object).allSatisfy { mentions($0, "overmacht") })

        let broken = workDirectory.appendingPathComponent("broken.txt")
        try "liability\n  fr: responsabilité\n".write(to: broken, atomically: true, encoding: .utf8)
        for arguments in [["thesaurus", "--check", broken.path], ["search", "--index", "idx", "--thesaurus", broken.path, "schade"]] {
            let run = try termsearch(arguments)
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(run.stderr.contains("broken.txt:2: an indented line must start with nl:, be: or en:"), run.stderr)
        }
    }

    func testThesaurusEditedOnWindowsReadsLikeTheOriginal() throws {
        // CRLF line ends and a non-breaking space after a comma, as a Windows editor may leave them.
        let (file, check) = try self.check("# test\r\nmoving box\r\n  nl: verhuisdoos,\u{00A0}overmacht\r\n", as: "windows.txt")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("1 concepts, 2 expressions"), check.stdout)
        let object = try search("verhuisdoos", ["--thesaurus", file.path])
        XCTAssertFalse(hits(object).isEmpty)
        XCTAssertTrue(hits(object).allSatisfy { mentions($0, "overmacht") })
    }

    func testBundledThesaurusCoversTheSubjectsUsersSearch() throws {
        let run = try termsearch(["thesaurus", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["remarks"] as? [String], [])
        let concepts = try XCTUnwrap(object["concepts"] as? [[String: Any]])
        let names = Set(concepts.compactMap { $0["name"] as? String })
        for subject in ["liability", "liability cap", "damage", "indirect damage", "force majeure", "payment", "late payment interest",
                        "collection costs", "retention of title", "right of retention", "duration", "renewal", "termination",
                        "notice period", "suspension", "dissolution", "insolvency", "warranty", "complaints", "delivery", "price",
                        "indexation", "intellectual property", "confidentiality", "personal data", "processing of personal data",
                        "disputes", "applicable law", "competent court", "right of withdrawal", "cancellation", "non-solicitation"] {
            XCTAssertTrue(names.contains(subject), subject)
        }
        for concept in concepts {
            let expressions = concept["expressions"] as? [String: [String]] ?? [:]
            XCTAssertFalse(expressions["nl", default: []].isEmpty, "\(concept["name"]!) has Dutch")
            XCTAssertFalse(expressions["en", default: []].isEmpty, "\(concept["name"]!) has English")
        }
    }
}
