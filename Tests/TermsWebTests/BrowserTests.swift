import Foundation
import XCTest

/// The pages as a user sees them: loaded in a real headless Chromium (`--dump-dom` gives the DOM
/// after parsing, so markup smuggled in a document would show up here as elements).
final class BrowserTests: ServerTestCase {
    /// The Chromium executable, or nil (the tests then skip; `.ci/run` installs it).
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard Self.chromium != nil else {
            throw XCTSkip("chromium is not installed (apt-get install chromium; .ci/run installs it): the browser tests cannot run")
        }
    }

    /// The DOM of `target` after Chromium loaded it.
    func dom(_ target: String, width: Int = 1280) throws -> String { try Self.dom(port: port, target, width: width) }

    /// The DOM of `target` on the server at `port` after Chromium loaded it.
    static func dom(port: Int, _ target: String, width: Int = 1280) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(profile.path)", "--window-size=\(width),900", "--dump-dom",
                             "http://127.0.0.1:\(port)\(target)"]
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dom-\(UUID().uuidString).html")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning { process.terminate(); XCTFail("chromium did not finish loading \(target)") }
        process.waitUntilExit()
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("</html>"), "chromium loaded \(target): \(html.prefix(200))")
        return html
    }

    /// The `href` of every `<a>` whose attributes contain `marker`, HTML entities undone.
    func links(_ html: String, marker: String) -> [String] {
        let pattern = "<a [^>]*" + NSRegularExpression.escapedPattern(for: marker) + "[^>]*>"
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let tag = String(html[Range(match.range, in: html)!])
            guard let range = tag.range(of: #"href="[^"]*""#, options: .regularExpression) else { return nil }
            return String(tag[range].dropFirst(6).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    func testSearchNarrowByAFacetAndOpenAClause() throws {
        let page = try dom("/search?q=aansprakelijkheid+beperkt")
        XCTAssertEqual(count("<article class=\"hit\"", in: page), 10, "ten hits on the first page")
        XCTAssertTrue(page.contains("<mark>"), "matches highlighted")
        XCTAssertTrue(page.contains("data-match=\"all\""), "the match tier is shown")
        XCTAssertFalse(links(page, marker: "rel=\"next\"").isEmpty, "a next page")

        // Follow the supplier facet link of Matteman ICT, as a user clicks it.
        let facet = try XCTUnwrap(links(page, marker: "class=\"facet\"").first { $0.contains("supplier=Matteman") }, "a supplier facet link")
        let facetCount = try XCTUnwrap(((try cliJSON(["search", "--index", "idx", "--format", "json", "--facets", "aansprakelijkheid beperkt"])
            as? [String: Any])?["facets"] as? [String: [String: Int]])?["supplier"]?["Matteman ICT"])
        let narrowed = try dom(facet)
        XCTAssertTrue(narrowed.contains("id=\"summary\">\(facetCount) matching clause"), "the narrowed count is the facet's count")
        let hits = count("<article class=\"hit\"", in: narrowed)
        XCTAssertGreaterThanOrEqual(hits, min(10, facetCount))
        XCTAssertEqual(count("Matteman ICT — ", in: narrowed), hits, "every hit is Matteman's")
        XCTAssertTrue(narrowed.contains("supplier: Matteman ICT ✕"), "the active filter is shown, removable")

        // Open the first clause.
        let clauseLink = try XCTUnwrap(links(narrowed, marker: "class=\"clause-link\"").first)
        let clause = try dom(clauseLink)
        XCTAssertTrue(clause.contains("class=\"clause target\""), "the clause is marked inside its article")
        XCTAssertTrue(clause.contains("Artikel 8"), "in its article")
        XCTAssertTrue(clause.contains("<mark>"), "the query highlighted in the clause")
        let original = try XCTUnwrap(links(clause, marker: "id=\"original\"").first)
        XCTAssertEqual(try get(original).status, 200, "the original file opens")

        // The document's outline.
        let documentLink = try XCTUnwrap(links(clause, marker: "/document?").first)
        let document = try dom(documentLink)
        XCTAssertTrue(document.contains("aria-label=\"Outline\""))
        XCTAssertGreaterThan(count("<section class=\"clause\"", in: document), 20)
    }

    func testPerDocumentPagingAndDidYouMean() throws {
        let perDocument = try dom("/search?q=schade&per-document=1")
        XCTAssertTrue(perDocument.contains("matching clause"), "per document: the count of matching clauses")
        XCTAssertTrue(perDocument.contains("class=\"matching\""))
        let page = try dom("/search?q=aansprakelijkheid+beperkt")
        let next = try XCTUnwrap(links(page, marker: "rel=\"next\"").first)
        let second = try dom(next)
        XCTAssertTrue(second.contains("showing 11–"), "the second page")
        XCTAssertFalse(links(second, marker: "rel=\"prev\"").isEmpty)
        let typo = try dom("/search?q=aansprakelijkhied")
        XCTAssertFalse(links(typo, marker: "id=\"suggestion\"").isEmpty, "did you mean")
        let bad = try dom("/search?q=%22unclosed")
        XCTAssertTrue(bad.contains("class=\"error\""), "a bad query is explained")
        XCTAssertTrue(bad.contains("value=\"&quot;unclosed\""), "and kept in the box to correct it")
    }

    func testCompareTableAndItsCSVForExcel() throws {
        let page = try dom("/compare?q=%22indirecte+schade%22&q=opzegtermijn")
        let suppliers = try XCTUnwrap((try cliJSON(["stats", "--index", "idx", "--format", "json"]) as? [String: Any])?["suppliers"] as? [String: Int])
        XCTAssertEqual(count("<th scope=\"row\">", in: page), suppliers.count, "every supplier a row")
        XCTAssertEqual(count("<th scope=\"col\">", in: page), 3, "supplier column and two queries")
        XCTAssertTrue(page.contains("not found"))
        let cell = try XCTUnwrap(links(page, marker: "/clause?").first, "a best clause links to the clause")
        XCTAssertTrue(try dom(cell).contains("class=\"clause target\""))

        let csvLink = try XCTUnwrap(links(page, marker: "id=\"csv-excel\"").first)
        let csv = try get(csvLink)
        XCTAssertEqual(csv.status, 200)
        XCTAssertTrue(csv.header("content-disposition")?.contains("attachment") ?? false)
        XCTAssertEqual(Array(csv.body.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
        let rows = csv.text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, suppliers.count + 1, "a header and a row per supplier")
        XCTAssertTrue(rows[0].hasPrefix(#"supplier;"""indirecte schade"": clauses";"#), rows[0])
        XCTAssertEqual(csv.body, Data(try termsearch(["compare", "--index", "idx", "--format", "csv-excel", "\"indirecte schade\"", "opzegtermijn"]).stdout.utf8),
                       "the same CSV as the CLI")
        let json = try XCTUnwrap(links(page, marker: "id=\"json\"").first)
        XCTAssertEqual(try get(json).status, 200)
    }

    func testMarkupInADocumentShowsAsTextAndNeverRuns() throws {
        // The document really holds the markup.
        let clause = try XCTUnwrap(getJSON("/api/clauses/" + q("xss-test-voorwaarden#1.1")) as? [String: Any])
        let text = ((clause["clauses"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined()
        XCTAssertTrue(text.contains("<script>document.title='pwned'</script>"), text)
        XCTAssertTrue(text.contains("<img src=x onerror="), text)
        for target in ["/search?q=zeldzaamheidsproef", "/clause?id=\(q("xss-test-voorwaarden#1.1"))&q=zeldzaamheidsproef",
                       "/document?id=xss-test-voorwaarden&q=aansprakelijkheid", "/compare?q=zeldzaamheidsproef",
                       "/search?q=\(q("<script>alert(1)</script>"))", "/documents"] {
            let page = try dom(target)
            XCTAssertFalse(page.lowercased().contains("<script"), "\(target): no script element")
            XCTAssertFalse(page.contains("<img"), "\(target): no image element")
            XCTAssertFalse(page.contains("<title>pwned"), "\(target): no script ran")
            if !target.hasPrefix("/documents") {
                XCTAssertTrue(page.contains("&lt;script&gt;"), "\(target): the markup is shown as text")
            }
        }
    }

    func testDocumentsPageListsDocumentsAndFailedFiles() throws {
        let page = try dom("/documents")
        let listing = try XCTUnwrap(cliJSON(["documents", "--index", "idx", "--format", "json"]) as? [String: Any])
        let documents = try XCTUnwrap(listing["documents"] as? [[String: Any]])
        XCTAssertEqual(count("<tr data-document=", in: page), documents.count)
        for d in documents { XCTAssertTrue(page.contains("data-document=\"\(d["document"] as! String)\"")) }
        XCTAssertTrue(page.contains("broken.pdf"), "the failed file")
        XCTAssertTrue(page.contains("Failed files"))
    }

    func testPagesFitAPhone() throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let png = Self.folder.appendingPathComponent("phone-\(UUID().uuidString).png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                             "--window-size=390,844", "--screenshot=\(png.path)", "http://127.0.0.1:\(port)/search?q=schade"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: png)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
        // The viewport meta and the single-column layout below 48rem.
        let page = try dom("/search?q=schade", width: 390)
        XCTAssertTrue(page.contains("name=\"viewport\""))
        XCTAssertTrue(page.contains("@media (max-width:48rem)"))
    }
}
