import Foundation
import XCTest

final class SearchCommandTests: CLITestCase {
    func testPhraseFindsKlantassistentClause14_1() throws {
        try indexCorpus()
        let run = try termsearch(["search", "--index", "idx", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Klantassistent — artikel 14.1 Directe en Indirecte Schade"), run.stdout)
        XCTAssertTrue(run.stdout.contains("klantassistent-algemene-voorwaarden#14.1"), run.stdout)
        XCTAssertTrue(run.stdout.contains("BEPERKING VAN AANSPRAKELIJKHEID"), run.stdout)
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colour codes when piped")
    }

    func testJSONHasTheDocumentedKeysAndTheWholeClause() throws {
        try indexCorpus()
        let run = try termsearch(["search", "--index", "idx", "--format", "json", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys).isSuperset(of: ["query", "total", "totalIsExact", "hits"]), true)
        XCTAssertEqual(object["totalIsExact"] as? Bool, true)
        XCTAssertNil(object["facets"], "facets only when asked (--facets)")
        XCTAssertEqual(object["query"] as? String, "\"aansprakelijkheid beperkt tot\"")
        XCTAssertEqual(object["total"] as? Int, 1)
        let hits = try XCTUnwrap(object["hits"] as? [[String: Any]])
        let hit = try XCTUnwrap(hits.first)
        for key in ["rank", "score", "id", "document", "path", "supplier", "title", "language", "version",
                    "article", "clause", "heading", "text", "snippet"] {
            XCTAssertTrue(hit.keys.contains(key), "hit lacks \(key)")
        }
        XCTAssertEqual(hit["id"] as? String, "klantassistent-algemene-voorwaarden#14.1")
        XCTAssertEqual(hit["supplier"] as? String, "Klantassistent")
        XCTAssertEqual(hit["article"] as? String, "14")
        XCTAssertEqual(hit["clause"] as? String, "14.1")
        XCTAssertEqual(hit["language"] as? String, "nl")
        XCTAssertEqual(hit["version"] as? String, "2025-04-23")
        let text = try XCTUnwrap(hit["text"] as? String)
        XCTAssertTrue(text.hasPrefix("Klantassistent.nl is enkel aansprakelijk voor directe schade"), text)
        XCTAssertTrue(text.contains("is uitgesloten van aansprakelijkheid."), text)
        XCTAssertTrue((hit["snippet"] as? String)?.contains("<em>aansprakelijkheid beperkt tot</em>") ?? false)
    }

    func testClauseIDsAreStableAcrossReindexing() throws {
        try indexCorpus(into: "a")
        try indexCorpus(into: "b")
        try indexCorpus(into: "b", force: true)  // indexing again replaces, it does not duplicate
        // Every matching clause with its score. Files are indexed in parallel, so documents get
        // their Xapian ids in the order workers finish; clauses of equal weight may be ranked in
        // either order, and the comparison is of ids and scores, not of positions.
        func scores(_ index: String) throws -> [String: Double] {
            let run = try termsearch(["search", "--index", index, "--format", "json", "--limit", "1000", "aansprakelijk"])
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let hits = object["hits"] as! [[String: Any]]
            let ranked = ["total", "relatedTotal", "partialTotal"].map { object[$0] as? Int ?? 0 }.reduce(0, +)
            XCTAssertEqual(hits.count, ranked, "all hits fetched: the counted ones and the tiers after them")
            return Dictionary(hits.map { ($0["id"] as! String, ($0["score"] as! Double * 1e6).rounded() / 1e6) },
                              uniquingKeysWith: { _, _ in XCTFail("duplicate clause after re-indexing"); return 0 })
        }
        let a = try scores("a")
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, try scores("b"))
    }

    func testLimitAndOffsetPage() throws {
        try indexCorpus()
        let all = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", "4", "aansprakelijkheid"])
        let page = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", "2", "--offset", "2", "aansprakelijkheid"])
        func ids(_ run: Run) -> [String] {
            let object = try! JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            return (object["hits"] as! [[String: Any]]).map { $0["id"] as! String }
        }
        XCTAssertEqual(ids(all).count, 4)
        XCTAssertEqual(ids(page), Array(ids(all)[2...]))
    }

    func testMalformedQueriesAreErrorsNotSurprises() throws {
        try indexCorpus()
        for query in ["\"aansprakelijkheid beperkt", "(schade OR kosten", "schade AND", "OR schade", "schade )", "   "] {
            let run = try termsearch(["search", "--index", "idx", query])
            XCTAssertEqual(run.status, 2, "query \(query)")
            XCTAssertTrue(run.stderr.hasPrefix("termsearch: invalid query"), run.stderr)
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one line: \(run.stderr)")
            XCTAssertTrue(run.stdout.isEmpty)
        }
    }

    func testMissingIndexSaysHowToBuildIt() throws {
        let run = try termsearch(["search", "--index", "nothing-here", "schade"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.contains("no index at nothing-here"), run.stderr)
        XCTAssertTrue(run.stderr.contains("termsearch index --index nothing-here"), run.stderr)
    }

    func testFolderThatIsNotAnIndexIsAClearError() throws {
        try FileManager.default.createDirectory(at: workDirectory.appendingPathComponent("junk"), withIntermediateDirectories: true)
        try Data("hello".utf8).write(to: workDirectory.appendingPathComponent("junk/file.txt"))
        let run = try termsearch(["search", "--index", "junk", "schade"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.hasPrefix("termsearch: "), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
    }

    func testIndexFromEnvironmentVariable() throws {
        let index = workDirectory.appendingPathComponent("env-index").path
        XCTAssertEqual(try termsearch(["index", Self.corpus], environment: ["TERMSEARCH_INDEX": index]).status, 0)
        let run = try termsearch(["search", "schade"], environment: ["TERMSEARCH_INDEX": index])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: index))
    }

    func testDefaultIndexIsBuiltFromCorpusOnFirstSearch() throws {
        // A newcomer's first command, in a checkout: ./Corpus exists and ./Index does not yet.
        try FileManager.default.copyItem(atPath: Self.corpus, toPath: workDirectory.appendingPathComponent("Corpus").path)
        let run = try termsearch(["search", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("building it from Corpus/"), run.stderr)
        XCTAssertTrue(run.stdout.contains("artikel 14.1"), run.stdout)
        let again = try termsearch(["search", "schade"])
        XCTAssertFalse(again.stderr.contains("building"), "built once: \(again.stderr)")
    }
}
