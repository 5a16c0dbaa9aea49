import Foundation
import Xapian
import XCTest
@testable import TermsIndex

/// Readers survive writers: a search whose revision a writer has overwritten (Xapian's
/// DatabaseModifiedError) reopens and answers from the new revision.
final class IndexReaderRecoveryTests: XCTestCase {
    var directory: URL!
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testSearcherReopensAfterDatabaseModifiedError() throws {
        let index = directory.appendingPathComponent("idx").path
        var options = IndexingOptions()
        options.force = true
        _ = try CorpusIndexer(indexPath: index, options: options).index([Self.corpus])

        // Two readers at the first revision: a raw one, to show the error happens, and a searcher.
        let raw = try Database(path: index)
        let searcher = try TermsSearcher(paths: [index])
        let before = try searcher.search(SearchRequest(query: "aansprakelijkheid", limit: 5, offset: 0))
        XCTAssertGreaterThan(before.total, 0)

        // Rewrite every clause several times, committing each time: glass reuses the old revision's blocks.
        for _ in 0..<3 { _ = try CorpusIndexer(indexPath: index, options: options).index([Self.corpus]) }

        var provoked = false
        do {
            for term in ["aansprakelijkheid", "schade", "Zaansprakelijk", "XDOCklantassistent-algemene-voorwaarden"] {
                for id in try raw.postings(term) { _ = try raw.document(id).data }
            }
        } catch let error as XapianError where error.kind == .modified {
            provoked = true
        }
        XCTAssertTrue(provoked, "the raw reader met DatabaseModifiedError")

        let after = try searcher.search(SearchRequest(query: "aansprakelijkheid", limit: 5, offset: 0))
        XCTAssertEqual(after.total, before.total)
        XCTAssertEqual(after.hits.map(\.id), before.hits.map(\.id))
    }
}
