import Foundation
import XCTest

/// `show`, `stats` and `research`, end to end.
final class ShowStatsResearchTests: CLITestCase {
    func testShowPrintsTheClauseInsideItsArticle() throws {
        try indexCorpus()
        let text = try termsearch(["show", "--index", "idx", "klantassistent-algemene-voorwaarden#14.2"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Artikel 14 BEPERKING VAN AANSPRAKELIJKHEID"), text.stdout)
        XCTAssertTrue(text.stdout.contains("▶ 14.2 Verzuim en Mededeling"), text.stdout)
        XCTAssertTrue(text.stdout.contains("  14.1 Directe en Indirecte Schade"), text.stdout)
        let run = try termsearch(["show", "--index", "idx", "--format", "json", "klantassistent-algemene-voorwaarden#14.2"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["article"] as? String, "14")
        let clauses = try XCTUnwrap(object["clauses"] as? [[String: Any]])
        XCTAssertEqual(clauses.map { $0["clause"] as! String }, ["14.1", "14.2", "14.3"])
        XCTAssertEqual(clauses.map { $0["target"] as! Bool }, [false, true, false])
        let missing = try termsearch(["show", "--index", "idx", "nope#1"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("termsearch: no clause with id"), missing.stderr)
    }

    func testStatsCountsTheIndex() throws {
        try indexCorpus()
        let run = try termsearch(["stats", "--index", "idx", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["documents"] as? Int, 5)
        let suppliers = try XCTUnwrap(object["suppliers"] as? [String: Int])
        XCTAssertEqual(Set(suppliers.keys), ["CreAIM | Reconi", "EasyComp Zeeland", "Klantassistent", "Matteman ICT",
                                             "Spijkerman Computerservice"])
        let languages = try XCTUnwrap(object["languages"] as? [String: Int])
        XCTAssertEqual(languages.values.reduce(0, +), object["clauses"] as? Int)
        XCTAssertEqual(suppliers.values.reduce(0, +), object["clauses"] as? Int)
        XCTAssertGreaterThan(object["terms"] as? Int ?? 0, object["words"] as? Int ?? 0)
        XCTAssertGreaterThan(object["bytes"] as? Int ?? 0, 100_000)
        let text = try termsearch(["stats", "--index", "idx"])
        XCTAssertTrue(text.stdout.contains("documents:  5"), text.stdout)
    }

    func testResearchWritesMatrixWithEverySupplierAndHitsAndReportsABadQuery() throws {
        try indexCorpus()
        let script = """
            # which suppliers exclude indirect damage, and how
            indirect\t"indirecte schade"
            overmacht
            broken\tschade AND
            """
        try Data(script.utf8).write(to: workDirectory.appendingPathComponent("q.txt"))
        let run = try termsearch(["research", "--index", "idx", "q.txt", "--hits", "hits.jsonl"])
        XCTAssertEqual(run.status, 1, "a failed query makes the exit code 1")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("'broken'") && run.stderr.contains("needs a word"), run.stderr)
        let rows = run.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.first, ["supplier", "indirect", "overmacht"])
        XCTAssertEqual(rows.count, 6, "every supplier, also those without hits: \(run.stdout)")
        XCTAssertTrue(rows.contains(["CreAIM | Reconi", "0", "0"]), run.stdout)
        let hitLines = try String(contentsOf: workDirectory.appendingPathComponent("hits.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let hits = try hitLines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let counted = rows.dropFirst().map { Int($0[1])! + Int($0[2])! }.reduce(0, +)
        XCTAssertEqual(hits.count, counted)
        XCTAssertEqual(Set(hits.map { $0["query"] as! String }), ["indirect", "overmacht"])
        XCTAssertTrue(hits.allSatisfy { $0["id"] is String && $0["snippet"] is String })

        // A JSON script and a JSON matrix.
        try Data(#"[{"name": "indirect", "query": "\"indirecte schade\""}, "overmacht"]"#.utf8)
            .write(to: workDirectory.appendingPathComponent("q.json"))
        let json = try termsearch(["research", "--index", "idx", "q.json", "--matrix", "m.json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let matrix = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: workDirectory.appendingPathComponent("m.json"))) as? [String: Any])
        XCTAssertEqual(matrix["queries"] as? [String], ["indirect", "overmacht"])
        let suppliers = try XCTUnwrap(matrix["suppliers"] as? [[String: Any]])
        XCTAssertEqual(suppliers.count, 5)
        XCTAssertEqual(suppliers.map { ($0["counts"] as! [String: Int])["indirect"]! }, rows.dropFirst().map { Int($0[1])! })
    }
}
