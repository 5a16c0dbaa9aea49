import Foundation
import XCTest

/// Requests a hostile or careless client sends: each gets a clear status, none reaches a file
/// outside the index or takes the server down.
final class HostileRequestTests: ServerTestCase {
    override func tearDownWithError() throws {
        // Whatever was sent, the server still answers.
        if Self.setupError == nil {
            let answer = try get("/api/search?q=schade&limit=1")
            XCTAssertEqual(answer.status, 200, "still serving: \(Self.server?.log ?? "")")
        }
    }

    func testPathTraversalNeverReadsAFileOutsideTheIndex() throws {
        for target in ["/files/../../etc/passwd", "/files/..%2F..%2Fetc%2Fpasswd", "/files/%2e%2e/%2e%2e/etc/passwd",
                       "/files//etc/passwd", "/files/%2Fetc%2Fpasswd", "/files/etc/passwd", "/../../etc/passwd",
                       "/files/klantassistent-algemene-voorwaarden/../../../../etc/passwd", "/files/%00",
                       "/api/documents/../../etc/passwd", "/api/clauses/..%2F..%2Fetc%2Fpasswd"] {
            let answer = try HTTPAnswer.request(port: port, method: "GET", target: target)
            XCTAssertTrue([400, 404].contains(answer.status), "\(target): \(answer.status)")
            XCTAssertFalse(answer.text.contains("root:"), "\(target) leaked /etc/passwd")
        }
        // The original of an indexed document is served, by its id only.
        let original = try get("/files/klantassistent-algemene-voorwaarden")
        XCTAssertEqual(original.status, 200)
        XCTAssertTrue(original.text.contains("Klantassistent"))
        XCTAssertTrue(original.header("content-type")?.hasPrefix("text/plain") ?? false)
        XCTAssertTrue(original.header("content-security-policy")?.contains("sandbox") ?? false)
    }

    func testMalformedEscapesBadUTF8AndHugeQueriesAre400() throws {
        for target in ["/api/search?q=%ZZ", "/api/search?q=%C3%28", "/api/search?q=%", "/api/search?q=%FF%FE",
                       "/search?q=%E2%82", "/api/clauses/%C3%28", "/files/%ZZ", "/clause?id=%C3"] {
            XCTAssertEqual(try get(target).status, 400, target)
        }
        let huge = String(repeating: "aansprakelijkheid ", count: 500)
        XCTAssertEqual(try get("/api/search?q=" + q(huge)).status, 400, "a 9000-character query")
        let enormous = String(repeating: "a", count: 100_000)
        let answer = try HTTPAnswer.request(port: port, method: "GET", target: "/api/search?q=" + enormous)
        XCTAssertTrue([400, 414, 431].contains(answer.status), "a 100 000-byte URL: \(answer.status)")
        XCTAssertEqual(try get("/api/search?q=schade&supplier=" + String(repeating: "x", count: 5000)).status, 400)
        XCTAssertEqual(try get("/api/compare?" + Array(repeating: "q=schade", count: 30).joined(separator: "&")).status, 400)
        XCTAssertEqual(try get("/api/search?q=" + q("a\u{0}b\u{1B}[31m")).status, 400, "control characters")
    }

    func testUnknownIdsAndWrongMethods() throws {
        XCTAssertEqual(try get("/clause?id=" + q("nope#1")).status, 404)
        XCTAssertEqual(try get("/document?id=nope").status, 404)
        XCTAssertEqual(try get("/files/nope").status, 404)
        XCTAssertEqual(try get("/nope").status, 404)
        for (method, target) in [("POST", "/search?q=x"), ("PUT", "/"), ("DELETE", "/files/klantassistent-algemene-voorwaarden"),
                                 ("PATCH", "/api/documents"), ("GET", "/api/research")] {
            let answer = try HTTPAnswer.request(port: port, method: method, target: target)
            XCTAssertEqual(answer.status, 405, "\(method) \(target)")
            XCTAssertNotNil(answer.header("allow"), "\(method) \(target) says what is allowed")
        }
    }

    func testGarbageAndOversizedRequestsDoNotStopTheServer() throws {
        for raw in ["GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "\u{0}\u{1}\u{2}\r\n\r\n",
                    "GET /search?q=x HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "h", count: 200_000) + "\r\n\r\n",
                    "POST /api/research HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n[\"schade\"",
                    "POST /api/research HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"] {
            _ = try? HTTPAnswer.exchange(port: port, bytes: Data(raw.utf8), timeout: 5)
            XCTAssertEqual(try get("/api/search?q=schade&limit=1").status, 200, "after \(raw.prefix(40).debugDescription)")
        }
        let body = Data(("[" + Array(repeating: "\"schade\"", count: 30).joined(separator: ",") + "]").utf8)
        XCTAssertEqual(try HTTPAnswer.request(port: port, method: "POST", target: "/api/research", body: body).status, 400, "too many queries")
        XCTAssertEqual(try HTTPAnswer.request(port: port, method: "POST", target: "/api/research", body: Data([0xFF, 0xFE, 0x00])).status, 400)
    }

    func testTheServerListensOnLoopbackOnly() throws {
        XCTAssertTrue(Self.server!.log.contains("http://127.0.0.1:"), Self.server!.log)
        let help = try termsearch(["serve", "--help"])
        XCTAssertTrue(help.stdout.contains("RISK"), help.stdout)
    }
}
