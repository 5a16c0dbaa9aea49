import Foundation
import TermsIndex
import XCTest

/// The library example of the README, compile-checked and run against the bundled corpus.
final class SearchLibraryExampleTests: XCTestCase {
    func testLibraryExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let indexPath = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-lib-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: indexPath) }
        _ = try CorpusIndexer(indexPath: indexPath).index([root.appendingPathComponent("Corpus").path])

        // --- README example ---
        let searcher = try TermsSearcher(paths: [indexPath])
        var request = SearchRequest(query: "\"indirecte schade\" uitgesloten", limit: 20)
        request.filters = SearchFilters(topics: ["aansprakelijkheid"], since: "2018")
        request.perDocument = true   // one hit per supplier: its best clause + matchingClauses
        request.near = true          // phrases also match near, ranked below exact matches
        let results = try searcher.search(request)
        for hit in results.hits {
            print(hit.supplier, hit.clause, hit.matchingClauses ?? 0, hit.match?.rawValue ?? "")
        }
        print(results.facets?["supplier"] ?? [:])  // supplier → matching clauses (with perDocument or facets)
        let json = try JSONEncoder().encode(results)  // results are Codable
        // --- end of example ---

        XCTAssertFalse(results.hits.isEmpty)
        XCTAssertEqual(Set(results.hits.map(\.document)).count, results.hits.count)
        XCTAssertGreaterThan(json.count, 0)
        let decoded = try JSONDecoder().decode(SearchResults.self, from: json)
        XCTAssertEqual(decoded.hits, results.hits)
    }
}
