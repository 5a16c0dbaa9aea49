import Foundation
import TestSupport
import XCTest

/// The diff page and `/api/diff` over an index with two versions of one supplier's terms (made in
/// the test's folder from a Corpus/ file, dated in the manifest), and compare limited to current versions.
final class DiffPageTests: ServerTestCase {
    static let changedSentence = "Klantassistent levert een platform"

    override class func addDocuments(to terms: URL) throws {
        let original = try String(contentsOf: TestMaterial.corpus.appendingPathComponent("klantassistent-algemene-voorwaarden.txt"), encoding: .utf8)
        XCTAssertTrue(original.contains("Klantassistent biedt een platform"), "the corpus file still has the sentence the test edits")
        try original.write(to: terms.appendingPathComponent("versie-2025.txt"), atomically: true, encoding: .utf8)
        try original.replacingOccurrences(of: "Klantassistent biedt een platform", with: changedSentence)
            .write(to: terms.appendingPathComponent("versie-2026.txt"), atomically: true, encoding: .utf8)
        // Hostile versions: the old one says "en diensten" more, so clause 1.1 (with its <script>) is changed.
        try hostileText.replacingOccurrences(of: "alle leveringen van", with: "alle leveringen en diensten van")
            .write(to: terms.appendingPathComponent("xss-2024.txt"), atomically: true, encoding: .utf8)
        try hostileText.write(to: terms.appendingPathComponent("xss-2025.txt"), atomically: true, encoding: .utf8)
        // Declared versions (manifest versionOf) of two differently named suppliers.
        try original.write(to: terms.appendingPathComponent("verklaard-2025.txt"), atomically: true, encoding: .utf8)
        try original.write(to: terms.appendingPathComponent("verklaard-2026.txt"), atomically: true, encoding: .utf8)
        let manifestURL = terms.appendingPathComponent("manifest.json")
        var manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        var documents = manifest["documents"] as? [String: Any] ?? [:]
        documents["versie-2025.txt"] = ["supplier": "Versieproef B.V.", "versionDate": "2025-04-23", "kind": "general-terms-b2b"]
        documents["versie-2026.txt"] = ["supplier": "Versieproef B.V.", "versionDate": "2026-01-01", "kind": "general-terms-b2b"]
        documents["xss-2024.txt"] = ["supplier": "XSS Versies", "versionDate": "2024-01-01", "kind": "general-terms"]
        documents["xss-2025.txt"] = ["supplier": "XSS Versies", "versionDate": "2025-01-01", "kind": "general-terms"]
        documents["verklaard-2025.txt"] = ["supplier": "Verklaard Oud B.V.", "versionDate": "2025-04-23"]
        documents["verklaard-2026.txt"] = ["supplier": "Verklaard Nieuw B.V.", "versionDate": "2026-01-01", "versionOf": "verklaard-2025.txt"]
        manifest["documents"] = documents
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
    }

    func testAPIDiffAnswersAsTheCLI() throws {
        let fromAPI = try getJSON("/api/diff?old=versie-2025&new=versie-2026")
        let fromCLI = try cliJSON(["diff", "--index", "idx", "versie-2025", "versie-2026", "--format", "json"])
        XCTAssertEqual(fromAPI as? NSDictionary, fromCLI as? NSDictionary)
        let summary = try XCTUnwrap((fromAPI as? [String: Any])?["summary"] as? [String: Int])
        XCTAssertEqual(summary["changed"], 1, "\(summary)")
        XCTAssertEqual(try getJSON("/api/diff?old=xss-2024&new=xss-2025") as? NSDictionary,
                       try cliJSON(["diff", "--index", "idx", "xss-2024", "xss-2025", "--format", "json"]) as? NSDictionary)

        let missing = try XCTUnwrap(getJSON("/api/diff?old=versie-2025", status: 400) as? [String: Any])
        XCTAssertNotNil(missing["error"])
        _ = try getJSON("/api/diff?old=versie-2025&new=no-such-document", status: 404)
    }

    func testDiffPageShowsTheChangeSideBySideAndHidesUnchanged() throws {
        let page = try get("/diff?old=versie-2025&new=versie-2026")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.header("content-type")?.hasPrefix("text/html") ?? false)
        let html = page.text
        XCTAssertTrue(html.contains("<del>biedt</del>"), "the deleted word is marked")
        XCTAssertTrue(html.contains("<ins>levert</ins>"), "the inserted word is marked")
        XCTAssertTrue(html.contains("data-kind=\"changed\""))
        XCTAssertFalse(html.contains("data-kind=\"unchanged\""), "unchanged clauses are hidden by default")
        XCTAssertTrue(html.contains("id=\"topics\""), "the per-topic summary")
        XCTAssertTrue(html.contains("id=\"toggle-unchanged\" href=\"/diff?old=versie-2025&amp;new=versie-2026&amp;all=1\""), html)

        let all = try get("/diff?old=versie-2025&new=versie-2026&all=1").text
        XCTAssertTrue(all.contains("data-kind=\"unchanged\""), "all=1 shows the unchanged clauses")
        XCTAssertTrue(all.contains("<del>biedt</del>"))

        XCTAssertEqual(try get("/diff?old=versie-2025").status, 400)
        XCTAssertEqual(try get("/diff?new=versie-2026").status, 400)
        let unknown = try get("/diff?old=versie-2025&new=no-such-document")
        XCTAssertEqual(unknown.status, 404)
        XCTAssertTrue(unknown.text.contains("class=\"error\""))
    }

    func testMarkupInADiffShowsAsText() throws {
        for target in ["/diff?old=xss-2024&new=xss-2025", "/diff?old=xss-2024&new=xss-2025&all=1"] {
            let html = try get(target).text
            XCTAssertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"), "\(target): the script shows as text")
            XCTAssertFalse(html.contains("<script"), "\(target): no script element")
            XCTAssertFalse(html.contains("<img"), "\(target): no img element")
            XCTAssertTrue(html.contains("<del>en diensten</del>"), target)
        }
        XCTAssertTrue(try get("/diff?old=xss-2024&new=xss-2025&all=1").text.contains("&lt;img src=x onerror=&quot;"))
    }

    func testDocumentsPageLinksToWhatChanged() throws {
        let html = try get("/documents").text
        XCTAssertTrue(html.contains("href=\"/diff?old=versie-2025&amp;new=versie-2026\""), "the later version links to its diff")
        XCTAssertTrue(html.contains("href=\"/diff?old=xss-2024&amp;new=xss-2025\""))
        XCTAssertFalse(html.contains("new=versie-2025"), "the first version has no previous one")
    }

    func testCompareCountsCurrentVersionsUnlessAskedForAll() throws {
        func cell(_ query: String) throws -> [String: Any] {
            let table = try XCTUnwrap(getJSON("/api/compare?q=\(q("\"een platform\""))" + query) as? [String: Any])
            let row = try XCTUnwrap((table["suppliers"] as? [[String: Any]])?.first { $0["supplier"] as? String == "Versieproef B.V." })
            return try XCTUnwrap((row["cells"] as? [[String: Any]])?.first)
        }
        func bestDocument(_ cell: [String: Any]) -> String? {
            ((cell["best"] as? [String: Any])?["id"] as? String).map { String($0.prefix { $0 != "#" }) }
        }
        let current = try cell("")
        XCTAssertEqual(bestDocument(current), "versie-2026", "\(current)")
        XCTAssertEqual(bestDocument(try cell("&versions=current")), "versie-2026")
        XCTAssertEqual(bestDocument(try cell("&as-of=2025-12-31")), "versie-2025")
        let all = try cell("&versions=all")
        XCTAssertGreaterThan(all["matchingClauses"] as? Int ?? 0, current["matchingClauses"] as? Int ?? 0, "both versions count")
        XCTAssertEqual(try getJSON("/api/compare?q=platform&versions=all") as? NSDictionary,
                       try cliJSON(["compare", "--index", "idx", "--format", "json", "platform"]) as? NSDictionary,
                       "versions=all is the CLI's compare")
        _ = try getJSON("/api/compare?q=platform&versions=some", status: 400)
        _ = try getJSON("/api/compare?q=platform&as-of=yesterday", status: 400)
        _ = try getJSON("/api/compare?q=platform&as-of=2025&versions=all", status: 400)
        let page = try get("/compare?q=platform&versions=all").text
        XCTAssertTrue(page.contains("<option value=\"all\" selected>"), "the page keeps the choice")
    }

    func testDeclaredVersionsOfAnotherSupplierCountOnlyTheCurrentOne() throws {
        func matching(_ supplier: String, _ query: String) throws -> Int {
            let table = try XCTUnwrap(getJSON("/api/compare?q=\(q("\"een platform\""))" + query) as? [String: Any])
            let row = (table["suppliers"] as? [[String: Any]])?.first { $0["supplier"] as? String == supplier }
            return ((row?["cells"] as? [[String: Any]])?.first?["matchingClauses"] as? Int) ?? 0
        }
        XCTAssertGreaterThan(try matching("Verklaard Nieuw B.V.", ""), 0)
        XCTAssertEqual(try matching("Verklaard Oud B.V.", ""), 0, "the declared older version is superseded")
        XCTAssertGreaterThan(try matching("Verklaard Oud B.V.", "&versions=all"), 0)
        XCTAssertGreaterThan(try matching("Verklaard Oud B.V.", "&as-of=2025-06"), 0)
        XCTAssertTrue(try get("/documents").text.contains("href=\"/diff?old=verklaard-2025&amp;new=verklaard-2026\""))
    }

    func testBrowserShowsTheHighlightedChange() throws {
        guard BrowserTests.chromium != nil else { throw XCTSkip("chromium is not installed") }
        let dom = try BrowserTests.dom(port: port, "/diff?old=versie-2025&new=versie-2026")
        XCTAssertTrue(dom.contains("<ins>levert</ins>"), "the inserted word is shown marked")
        XCTAssertTrue(dom.contains("<del>biedt</del>"))
        let hostile = try BrowserTests.dom(port: port, "/diff?old=xss-2024&new=xss-2025&all=1")
        XCTAssertFalse(hostile.contains("<script"), "no script element in the DOM")
        XCTAssertFalse(hostile.contains("<title>pwned"), "no markup ran")
    }
}
