import Foundation
import XCTest

/// `termsearch serve` and `termsearch compare` as commands: start-up errors, concurrent use, an
/// index that goes away while serving, the compare table on a terminal.
final class ServeCommandTests: ServerTestCase {
    func testAMissingIndexIsRefusedAtStartWithTheCLIsMessage() throws {
        let run = try termsearch(["serve", "--index", "no-such-index", "--port", "0"])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("no index at no-such-index"), run.stderr)
        let taken = try termsearch(["serve", "--index", "idx", "--port", String(port)])
        XCTAssertNotEqual(taken.status, 0, "a port in use is an error")
        XCTAssertTrue(taken.stderr.contains("cannot serve on 127.0.0.1:\(port)"), taken.stderr)
        XCTAssertEqual(try termsearch(["serve", "--index", "idx", "--port", "70000"]).status, 64)
    }

    func testConcurrentRequestsAllAnswerCorrectly() throws {
        let expected = try get("/api/search?q=schade&limit=5").body
        let queries = ["schade", "aansprakelijkheid", "\"indirecte schade\"", "opzegging", "topic:prijzen"]
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            let query = queries[i % queries.count]
            let answer = try? HTTPAnswer.request(port: port, method: "GET", target: "/api/search?limit=5&q=" + q(query))
            results.add(i % queries.count == 0 ? answer?.body == expected : answer?.status == 200)
        }
        XCTAssertEqual(results.values.count, 40)
        XCTAssertTrue(results.values.allSatisfy { $0 }, "every concurrent request answered, the same query the same way")
    }

    func testAnIndexThatVanishesIs503AndComesBack() throws {
        let dir = Self.folder.appendingPathComponent("vanish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let source = Self.folder.appendingPathComponent("terms/klantassistent-algemene-voorwaarden.txt")
        XCTAssertEqual(try Self.runTermsearch(["index", "--index", "idx", source.path], in: dir).status, 0)
        let server = try ServerProcess(arguments: ["serve", "--index", "idx", "--port", "0", "--searchers", "1"], in: dir)
        defer { server.stop() }
        func status(_ target: String) throws -> Int { try HTTPAnswer.request(port: server.port, method: "GET", target: target).status }
        XCTAssertEqual(try status("/api/search?q=schade"), 200)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("idx"))
        XCTAssertEqual(try status("/api/search?q=schade"), 503, "the index is gone")
        XCTAssertEqual(try status("/search?q=schade"), 503)
        XCTAssertEqual(try Self.runTermsearch(["index", "--index", "idx", source.path], in: dir).status, 0)
        XCTAssertEqual(try status("/api/search?q=schade"), 200, "built again: served again")
        XCTAssertTrue(server.isRunning)
    }

    func testCompareOnTheCommandLine() throws {
        let text = try termsearch(["compare", "--index", "idx", "\"indirecte schade\"", "opzegtermijn"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("\"indirecte schade\"\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("not found"), text.stdout)
        XCTAssertTrue(text.stdout.contains("Klantassistent"), text.stdout)
        let csv = try termsearch(["compare", "--index", "idx", "--format", "csv", "--topic", "aansprakelijkheid"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "supplier,topic:aansprakelijkheid: clauses,topic:aansprakelijkheid: best clause,topic:aansprakelijkheid: id,topic:aansprakelijkheid: snippet")
        XCTAssertEqual(rows.count, 7, "a header and one row per supplier (six with the test document)")
        let bad = try termsearch(["compare", "--index", "idx", "\"unclosed"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(try termsearch(["compare", "--index", "idx"]).status, 64, "nothing to compare")
    }

    func testHeadAnswersWithoutABody() throws {
        let answer = try HTTPAnswer.request(port: port, method: "HEAD", target: "/search?q=schade")
        XCTAssertEqual(answer.status, 200)
        XCTAssertTrue(answer.body.isEmpty)
    }
}

/// Results collected from concurrent requests.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Bool] = []
    func add(_ value: Bool) { lock.lock(); values.append(value); lock.unlock() }
}
