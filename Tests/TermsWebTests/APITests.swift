import Foundation
import XCTest

/// The JSON API answers with the same objects and keys as the CLI's `--format json`.
final class APITests: ServerTestCase {
    func testSearchAnswersAsTheCLIForTheSameQueriesAndOptions() throws {
        let cases: [(api: String, cli: [String])] = [
            ("q=\(q("aansprakelijkheid beperkt"))", ["aansprakelijkheid beperkt"]),
            ("q=\(q("\"indirecte schade\"~5"))&limit=5", ["\"indirecte schade\"~5", "--limit", "5"]),
            ("q=schade&supplier=easycomp&per-document=1&facets=1", ["schade", "--supplier", "easycomp", "--per-document", "--facets"]),
            ("q=\(q("topic:aansprakelijkheid"))&limit=3&offset=2&lang=nl", ["topic:aansprakelijkheid", "--limit", "3", "--offset", "2", "--lang", "nl"]),
            ("q=\(q("\"beperkt tot\""))&near=1&kind=general-terms-b2b&years=2018..2025", ["\"beperkt tot\"", "--near", "--kind", "general-terms-b2b", "--years", "2018..2025"]),
            ("q=aansprakelijkhied", ["aansprakelijkhied"]),
        ]
        for (api, cli) in cases {
            let fromAPI = try getJSON("/api/search?" + api)
            let fromCLI = try cliJSON(["search", "--index", "idx", "--format", "json"] + cli)
            XCTAssertEqual(fromAPI as? NSDictionary, fromCLI as? NSDictionary, "GET /api/search?\(api) vs termsearch search \(cli)")
            let object = fromAPI as? [String: Any]
            XCTAssertTrue(((object?["hits"] as? [Any])?.count ?? 0) > 0 || object?["suggestion"] is String, "\(api) finds something or suggests")
        }
    }

    func testClausesDocumentsAndCompareAnswerAsTheCLI() throws {
        let id = "klantassistent-algemene-voorwaarden#14.1"
        XCTAssertEqual(try getJSON("/api/clauses/" + q(id)) as? NSDictionary,
                       try cliJSON(["show", "--index", "idx", "--format", "json", id]) as? NSDictionary)
        XCTAssertEqual(try getJSON("/api/documents") as? NSDictionary,
                       try cliJSON(["documents", "--index", "idx", "--format", "json"]) as? NSDictionary)
        let outline = try XCTUnwrap(getJSON("/api/documents/klantassistent-algemene-voorwaarden") as? [String: Any])
        XCTAssertEqual(outline["supplier"] as? String, "Klantassistent")
        let clauses = try XCTUnwrap(outline["clauses"] as? [[String: Any]])
        let listed = try XCTUnwrap(((try getJSON("/api/documents") as? [String: Any])?["documents"] as? [[String: Any]])?
            .first { $0["document"] as? String == "klantassistent-algemene-voorwaarden" })
        XCTAssertEqual(clauses.count, listed["clauses"] as? Int, "the outline has every clause")
        XCTAssertTrue(clauses.contains { $0["id"] as? String == id })

        let compareAPI = try getJSON("/api/compare?q=\(q("\"indirecte schade\""))&q=opzegtermijn")
        let compareCLI = try cliJSON(["compare", "--index", "idx", "--format", "json", "\"indirecte schade\"", "opzegtermijn"])
        XCTAssertEqual(compareAPI as? NSDictionary, compareCLI as? NSDictionary)
        let topicAPI = try getJSON("/api/compare?topic=aansprakelijkheid")
        XCTAssertEqual(topicAPI as? NSDictionary,
                       try cliJSON(["compare", "--index", "idx", "--format", "json", "--topic", "aansprakelijkheid"]) as? NSDictionary)
    }

    func testCompareHasEverySupplierWithBestClauseCountOrNotFound() throws {
        let table = try XCTUnwrap(getJSON("/api/compare?q=\(q("\"indirecte schade\""))") as? [String: Any])
        let rows = try XCTUnwrap(table["suppliers"] as? [[String: Any]])
        let suppliers = try XCTUnwrap((try cliJSON(["stats", "--index", "idx", "--format", "json"]) as? [String: Any])?["suppliers"] as? [String: Int])
        XCTAssertEqual(Set(rows.compactMap { $0["supplier"] as? String }), Set(suppliers.keys), "every supplier a row")
        let search = try XCTUnwrap(cliJSON(["search", "--index", "idx", "--format", "json", "--facets", "\"indirecte schade\""]) as? [String: Any])
        let counts = try XCTUnwrap((search["facets"] as? [String: Any])?["supplier"] as? [String: Int])
        for row in rows {
            let supplier = row["supplier"] as! String
            let cell = try XCTUnwrap((row["cells"] as? [[String: Any]])?.first)
            XCTAssertEqual(cell["matchingClauses"] as? Int, counts[supplier] ?? 0, supplier)
            if counts[supplier] == nil {
                XCTAssertTrue(cell["best"] is NSNull, "\(supplier): not found is null")
            } else {
                let best = try XCTUnwrap(cell["best"] as? [String: Any], supplier)
                XCTAssertTrue((best["snippet"] as? String)?.contains("<em>") ?? false)
                XCTAssertNotNil(best["citation"] as? String)
            }
        }
        XCTAssertTrue(rows.contains { ($0["cells"] as? [[String: Any]])?.first?["best"] is NSNull }, "some supplier has nothing")
    }

    func testResearchAnswersWithTheCLIMatrixAndHits() throws {
        let script = #"[{"name": "limit", "query": "aansprakelijkheid beperkt"}, "\"indirecte schade\"", "broken \""]"#
        let answer = try HTTPAnswer.request(port: port, method: "POST", target: "/api/research",
                                            headers: ["Content-Type": "application/json"], body: Data(script.utf8))
        XCTAssertEqual(answer.status, 200, answer.text)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
        let file = Self.folder.appendingPathComponent("research-\(UUID().uuidString).json")
        try Data(script.utf8).write(to: file)
        let matrix = Self.folder.appendingPathComponent("m-\(UUID().uuidString).json")
        let hits = Self.folder.appendingPathComponent("h-\(UUID().uuidString).jsonl")
        let run = try termsearch(["research", "--index", "idx", file.path, "--matrix", matrix.path, "--hits", hits.path, "--limit", "100"])
        XCTAssertEqual(run.status, 1, "one query fails: \(run.stderr)")
        XCTAssertEqual(object["matrix"] as? NSDictionary, try JSONSerialization.jsonObject(with: Data(contentsOf: matrix)) as? NSDictionary)
        let cliHits = try String(contentsOf: hits, encoding: .utf8).split(separator: "\n")
            .map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! NSDictionary }
        XCTAssertEqual((object["hits"] as? [NSDictionary]) ?? [], cliHits)
        XCTAssertEqual(((object["matrix"] as? [String: Any])?["failed"] as? [Any])?.count, 1, "the broken query is reported")
    }

    func testErrorsAreJSONWithTheirStatus() throws {
        func error(_ target: String, _ status: Int, method: String = "GET", body: Data = Data(), file: StaticString = #filePath, line: UInt = #line) throws {
            let answer = try HTTPAnswer.request(port: port, method: method, target: target, body: body)
            XCTAssertEqual(answer.status, status, "\(method) \(target): \(answer.text.prefix(200))", file: file, line: line)
            let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
            let detail = object?["error"] as? [String: Any]
            XCTAssertEqual(detail?["status"] as? Int, status, "\(target): \(answer.text.prefix(200))", file: file, line: line)
            XCTAssertFalse((detail?["message"] as? String ?? "").isEmpty, file: file, line: line)
        }
        try error("/api/search?q=%22unclosed", 400)
        try error("/api/search", 400)
        try error("/api/search?q=schade&topic=liability", 400)
        try error("/api/search?q=schade&limit=100000", 400)
        try error("/api/search?q=schade&limit=-1", 400)
        try error("/api/search?q=schade&offset=abc", 400)
        try error("/api/clauses/" + q("no-such#1"), 404)
        try error("/api/documents/no-such-document", 404)
        try error("/api/nothing-here", 404)
        try error("/api/search?q=schade", 405, method: "DELETE")
        try error("/api/research", 405)
        try error("/api/research", 400, method: "POST", body: Data("{\"queries\": 3}".utf8))
        try error("/api/research", 413, method: "POST", body: Data(repeating: UInt8(ascii: "a"), count: 300 * 1024))
        try error("/api/compare", 400)
    }

    func testAnIndexUpdatedWhileServingIsSearchedAtOnce() throws {
        let dir = Self.folder.appendingPathComponent("live-\(UUID().uuidString)")
        let terms = dir.appendingPathComponent("terms")
        try FileManager.default.createDirectory(at: terms, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("terms/klantassistent-algemene-voorwaarden.txt"),
                                         to: terms.appendingPathComponent("klantassistent-algemene-voorwaarden.txt"))
        XCTAssertEqual(try Self.runTermsearch(["index", "--index", "idx", terms.path], in: dir).status, 0)
        let server = try ServerProcess(arguments: ["serve", "--index", "idx", "--port", "0"], in: dir)
        defer { server.stop() }
        func total(_ query: String) throws -> Int? {
            let answer = try HTTPAnswer.request(port: server.port, method: "GET", target: "/api/search?q=" + q(query))
            XCTAssertEqual(answer.status, 200, answer.text)
            return (try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])?["total"] as? Int
        }
        XCTAssertEqual(try total("zeldzaamheidsproef"), 0)
        try Data(Self.hostileText.utf8).write(to: terms.appendingPathComponent(Self.hostileName))
        XCTAssertEqual(try Self.runTermsearch(["index", "--index", "idx", terms.path], in: dir).status, 0)
        XCTAssertEqual(try total("zeldzaamheidsproef"), 2, "the new document is found without restarting")
        // Rebuilt from scratch while serving.
        XCTAssertEqual(try Self.runTermsearch(["index", "--index", "idx", "--force", terms.path], in: dir).status, 0)
        XCTAssertEqual(try total("zeldzaamheidsproef"), 2)
        XCTAssertTrue(server.isRunning, server.log)
    }
}
