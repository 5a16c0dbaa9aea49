import Foundation
import XCTest
import TermsIndex

/// One writer at a time, across processes; searches keep working while a run goes.
final class BulkConcurrencyTests: CLITestCase {
    func testSecondIndexingProcessIsToldTheIndexIsBusy() throws {
        let folder = try makeFolder(copies: 2)
        let first = try RunningTermsearch(["index", "--index", "idx", "--batch-files", "1", "--jobs", "1",
                                           "--debug-pause-ms", "200", "--debug-announce-commits", folder.path], in: workDirectory)
        XCTAssertTrue(first.waitFor("committed batch 1\n"), first.stderr)
        let second = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(second.status, 3)
        XCTAssertEqual(second.stderr, "termsearch: the index at idx is being updated by another process; try again when it has finished\n")
        let compact = try termsearch(["compact", "--index", "idx"])
        XCTAssertEqual(compact.status, 3, "compaction waits for no writer: \(compact.stderr)")
        XCTAssertTrue(compact.stderr.contains("being updated by another process"), compact.stderr)
        first.kill(SIGINT)
        XCTAssertEqual(first.wait(), 130)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 0, "the lock is released")
    }

    func testSearchesKeepWorkingWhileIndexing() throws {
        let folder = try makeFolder(copies: 4)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", Self.corpus]).status, 0)
        let run = try RunningTermsearch(["index", "--index", "idx", "--batch-files", "2", "--jobs", "1",
                                         "--debug-pause-ms", "60", "--debug-announce-commits", folder.path], in: workDirectory)
        var searches = 0
        var totals: [Int] = []
        while run.process.isRunning {
            let search = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", "3", "aansprakelijkheid"])
            XCTAssertEqual(search.status, 0, search.stderr)
            if let object = try? JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any] {
                totals.append(object["total"] as? Int ?? -1)
            }
            searches += 1
        }
        XCTAssertEqual(run.wait(), 0, run.stderr)
        XCTAssertGreaterThan(searches, 3, "searched while indexing")
        XCTAssertFalse(totals.contains(-1))
        XCTAssertGreaterThan(totals.last ?? 0, totals.first ?? 0, "searches saw batches arrive: \(totals)")
        try assertConsistent(workDirectory.appendingPathComponent("idx").path)
    }
}

/// One long-lived searcher (as a server or a script holds) reads hits while another process
/// commits batch after batch: Xapian's DatabaseModifiedError must lead to a reopen and a retry,
/// never to a failed search or a report of damage.
final class SearchRacingWriterTests: CLITestCase {
    func testLongLivedSearcherNeverFailsWhileBatchesAreCommitted() throws {
        let folder = try makeFolder(copies: 4)
        let index = workDirectory.appendingPathComponent("idx").path
        XCTAssertEqual(try termsearch(["index", "--index", "idx", Self.corpus]).status, 0)
        let searcher = try TermsSearcher(paths: [index])
        let run = try RunningTermsearch(["index", "--index", "idx", "--batch-files", "1", "--jobs", "1",
                                         "--debug-pause-ms", "20", folder.path], in: workDirectory)
        var searches = 0
        var failures: [String] = []
        var totals: [Int] = []
        while run.process.isRunning || searches < 5 {
            do {
                // Every hit's data and values are read: the reads that meet a moved-on revision.
                let results = try searcher.search(SearchRequest(query: "aansprakelijkheid", limit: 50, offset: 0))
                XCTAssertFalse(results.hits.contains { $0.text.isEmpty })
                totals.append(results.total)
            } catch {
                failures.append("\(error)")
            }
            searches += 1
        }
        XCTAssertEqual(run.wait(), 0, run.stderr)
        XCTAssertEqual(failures, [], "no search failed or reported damage")
        XCTAssertGreaterThan(searches, 5)
        XCTAssertGreaterThanOrEqual(totals.last ?? 0, totals.first ?? 0)
    }
}
