import Foundation
@testable import TermsIndex
import TestSupport
import Xapian
import XCTest

/// Exact facets counted by value codes (`FacetTable`), and each language's parse kept to its own
/// clauses (`LanguageFilter`): the same answers as reading every match.
final class FacetCountingTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-facets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A folder with the corpus documents whose names pass `include`, indexed into `index`.
    private func indexCorpus(into index: String, folder: URL, include: (String) -> Bool = { _ in true }) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: TestMaterial.corpus.path)
        where file.hasSuffix(".txt") && include(file) && !FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
            try FileManager.default.copyItem(at: TestMaterial.corpus.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        _ = try CorpusIndexer(indexPath: index).index([folder.path])
    }

    /// The facets a reader would count from every matching clause.
    private func countedByHand(_ hits: [SearchHit]) -> [String: [String: Int]] {
        var facets: [String: [String: Int]] = [:]
        for hit in hits {
            facets["supplier", default: [:]][hit.supplier, default: 0] += 1
            facets["language", default: [:]][hit.language, default: 0] += 1
            for topic in hit.topics { facets["topic", default: [:]][topic, default: 0] += 1 }
            if let kind = hit.kind { facets["kind", default: [:]][kind, default: 0] += 1 }
            if let year = hit.version.flatMap({ Int($0.prefix(4)) }) { facets["year", default: [:]][String(year), default: 0] += 1 }
        }
        for facet in Facet.allCases where facets[facet.rawValue] == nil { facets[facet.rawValue] = [:] }
        return facets
    }

    func testFacetsCountEveryMatchingClause() throws {
        let index = directory.appendingPathComponent("idx").path
        try indexCorpus(into: index, folder: directory.appendingPathComponent("terms"))
        let searcher = try TermsSearcher(paths: [index])
        // Queries of one tier, so every hit is a counted match.
        for query in ["overeenkomst", "\"indirecte schade\"", "(schade OR kosten) AND NOT indirecte", "aansprakelijkheid", "lang:en agreement"] {
            let results = try searcher.search(SearchRequest(query: query, limit: 100_000, expand: false, facets: true))
            XCTAssertTrue(results.totalIsExact, query)
            XCTAssertEqual(results.hits.count, results.total, query)
            XCTAssertGreaterThan(results.total, 0, query)
            XCTAssertEqual(results.facets ?? [:], countedByHand(results.hits), query)
            XCTAssertEqual(results.documents, Set(results.hits.map(\.document)).count, query)
        }
    }

    func testFacetsFollowTheIndexWhenItChangesWhileOpen() throws {
        let index = directory.appendingPathComponent("idx").path
        let folder = directory.appendingPathComponent("terms")
        try indexCorpus(into: index, folder: folder) { $0.hasPrefix("e") || $0.hasPrefix("k") }
        let searcher = try TermsSearcher(paths: [index])
        let request = SearchRequest(query: "aansprakelijkheid", limit: 100_000, expand: false, facets: true)
        let before = try searcher.search(request)
        XCTAssertEqual(before.facets ?? [:], countedByHand(before.hits))

        try indexCorpus(into: index, folder: folder)  // the other suppliers join
        XCTAssertTrue(try searcher.refresh())
        let after = try searcher.search(request)
        XCTAssertGreaterThan(after.total, before.total)
        XCTAssertGreaterThan(after.facets?["supplier"]?.count ?? 0, before.facets?["supplier"]?.count ?? 0)
        XCTAssertEqual(after.facets ?? [:], countedByHand(after.hits))
    }

    func testFacetsOfSeveralIndexesSearchedAsOne() throws {
        // Several shards: Xapian gives a match spy each shard's own document ids, so the counter
        // reads the values instead of a table of codes; the counts must be the same.
        let a = directory.appendingPathComponent("idx-a").path, b = directory.appendingPathComponent("idx-b").path
        let first: (String) -> Bool = { $0.hasPrefix("e") || $0.hasPrefix("k") }
        try indexCorpus(into: a, folder: directory.appendingPathComponent("terms-a"), include: first)
        try indexCorpus(into: b, folder: directory.appendingPathComponent("terms-b")) { !first($0) }
        let searcher = try TermsSearcher(paths: [a, b])
        let results = try searcher.search(SearchRequest(query: "aansprakelijkheid", limit: 100_000, expand: false, facets: true))
        XCTAssertGreaterThan(results.facets?["supplier"]?.count ?? 0, 2)
        XCTAssertEqual(results.facets ?? [:], countedByHand(results.hits))
    }

    func testEachLanguageParseMatchesOnlyItsOwnClauses() throws {
        let path = directory.appendingPathComponent("db").path
        let writer = try WritableDatabase(path: path)
        func add(_ text: String, _ languages: [String]) throws {
            let doc = Document()
            doc.setData(text)
            for word in text.split(separator: " ") { doc.addTerm(String(word)) }
            for language in languages { doc.addBooleanTerm("L" + language) }
            _ = try writer.add(doc)
        }
        for _ in 0..<3 { try add("schade kosten", ["nl"]) }
        try add("schade damage", ["en"])
        try writer.commit()

        let database = try Database(path: path)
        let filter = LanguageFilter()
        let dutch = try filter.restrict(Query(term: "schade"), to: .dutch, in: database)
        let english = try filter.restrict(Query(term: "schade"), to: .english, in: database)
        // Every document has one language: Dutch, the larger part, excludes English instead.
        XCTAssertTrue(dutch.description.contains("AND_NOT Len"), dutch.description)
        XCTAssertTrue(english.description.contains("FILTER Len"), english.description)
        XCTAssertEqual(try ids(dutch, database), [1, 2, 3])
        XCTAssertEqual(try ids(english, database), [4])

        // A document without a language: excluding English would let it in, so back to FILTER.
        try add("schade", [])
        try writer.commit()
        XCTAssertTrue(try database.reopen())
        let unpartitioned = try filter.restrict(Query(term: "schade"), to: .dutch, in: database)
        XCTAssertTrue(unpartitioned.description.contains("FILTER Lnl"), unpartitioned.description)
        XCTAssertEqual(try ids(unpartitioned, database), [1, 2, 3])
    }

    private func ids(_ query: Query, _ database: Database) throws -> [DocumentID] {
        let enquire = Enquire(database: database)
        enquire.setQuery(query)
        return try enquire.mset(first: 0, maxItems: 100).map(\.id).sorted()
    }
}
