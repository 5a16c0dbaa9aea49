import Foundation
import XCTest

/// A question of several words ranks clauses with all the words first, then those with some of
/// them; case never changes a search; a query of stopwords finds them.
final class QueryTierTests: CLITestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try termsearch(["index", "--index", "idx", Self.corpus]).status, 0)
    }

    func search(_ query: String, _ extra: [String] = []) throws -> [String: Any] {
        try searchJSON(query, limit: 40, extra)
    }

    func testAllWordsFirstThenSomeOfThemCountedApart() throws {
        let object = try search("aansprakelijkheid beperkt tot", ["--facets"])
        let total = try XCTUnwrap(object["total"] as? Int)
        let partial = try XCTUnwrap(object["partialTotal"] as? Int)
        XCTAssertGreaterThan(total, 0)
        XCTAssertGreaterThan(partial, 0)
        let matches = hits(object).map { $0["match"] as? String ?? "" }
        XCTAssertEqual(Array(matches.prefix(total)), Array(repeating: "all", count: min(total, matches.count)))
        // After the clauses with all the words: those with equivalents of the missing ones
        // (thesaurus), then those with some of the words.
        let rest = Array(matches.dropFirst(total))
        let related = rest.prefix { $0 == "related" }.count
        XCTAssertEqual(related, object["relatedTotal"] as? Int ?? 0)
        XCTAssertEqual(Array(rest.dropFirst(related)), Array(repeating: "partial", count: rest.count - related))
        XCTAssertTrue(rest.contains("partial"))
        XCTAssertEqual((object["facets"] as? [String: [String: Int]])?["language"]?.values.reduce(0, +), total,
                       "facets count the clauses with all the words")
        // Each partial hit lacks a word; each full hit has them all.
        for hit in hits(object).dropFirst(total) {
            let text = (hit["text"] as! String).lowercased()
            XCTAssertFalse(text.contains("aansprakelijk") && text.contains("beperkt"), hit["id"] as! String)
        }
    }

    func testQuestionWithoutAnyClauseOfAllItsWordsStillGetsAnswers() throws {
        let object = try search("geheimhouding boete verhuisdoos")
        XCTAssertEqual(object["total"] as? Int, 0)
        XCTAssertFalse(hits(object).isEmpty, "never an empty page when some words match")
        XCTAssertTrue(hits(object).allSatisfy { $0["match"] as? String == "partial" })
    }

    func testBooleanQueriesMeanWhatTheySay() throws {
        for query in ["aansprakelijkheid AND beperkt", "+aansprakelijkheid +beperkt", "\"aansprakelijkheid beperkt tot\"", "schade AND NOT indirect"] {
            let object = try search(query)
            XCTAssertNil(object["partialTotal"], query)
            XCTAssertEqual(hits(object).count, min(40, object["total"] as? Int ?? -1), query)
        }
    }

    func testCaseDoesNotChangeASearch() throws {
        let ids = try ["aansprakelijkheid", "Aansprakelijkheid", "AANSPRAKELIJKHEID"].map { try hits(search($0)).map { $0["id"] as! String } }
        XCTAssertFalse(ids[0].isEmpty)
        XCTAssertEqual(ids[0], ids[1])
        XCTAssertEqual(ids[0], ids[2])
        XCTAssertEqual(try search("Indirecte Schade")["total"] as? Int, try search("indirecte schade")["total"] as? Int)
        XCTAssertEqual(try search("SCHADE AND NOT Indirect")["total"] as? Int, try search("schade AND NOT indirect")["total"] as? Int)
    }

    func testStopwordOnlyQueryFindsThoseWords() throws {
        XCTAssertGreaterThan(try search("de")["total"] as? Int ?? 0, 100)
        XCTAssertGreaterThan(try search("het")["total"] as? Int ?? 0, 100)
    }

    func testQuestionWordsOnlyAsk() throws {
        // `wanneer` (when) asks; the clauses that answer rarely say it. Snowball stops `when` in
        // English but not `wanneer` in Dutch.
        let asked = try search("wanneer vervalt de garantie"), plain = try search("vervalt de garantie")
        XCTAssertGreaterThan(plain["total"] as? Int ?? 0, 0)
        XCTAssertEqual(asked["total"] as? Int, plain["total"] as? Int)
        XCTAssertEqual(hits(asked).map { $0["id"] as? String }, hits(plain).map { $0["id"] as? String })
        // Alone it is searched as written.
        let alone = try search("wanneer")
        XCTAssertGreaterThan(alone["total"] as? Int ?? 0, 10)
        XCTAssertTrue(hits(alone).allSatisfy { ($0["text"] as? String ?? "").lowercased().contains("wanneer") })
    }
}
