import Foundation
import XCTest

final class IndexCommandTests: CLITestCase {
    func testIndexesTheCorpusAndSummarises() throws {
        let run = try termsearch(["index", "--index", "idx", Self.corpus])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("Indexed into idx: 5 added"), run.stdout)
        XCTAssertTrue(run.stderr.isEmpty, run.stderr)
    }

    func testJSONSummary() throws {
        let run = try termsearch(["index", "--index", "idx", "--format", "json", Self.corpus])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["added"] as? Int, 5)
        XCTAssertGreaterThan(object["clauses"] as? Int ?? 0, 400)
    }

    func testMissingPathIsReportedAndTheRestIsIndexed() throws {
        let good = Self.corpus + "/klantassistent-algemene-voorwaarden.txt"
        let run = try termsearch(["index", "--index", "idx", "no/such/folder", good])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "termsearch: no/such/folder: no such file or directory\n")
        XCTAssertTrue(run.stdout.contains("1 added"), run.stdout)
        let search = try termsearch(["search", "--index", "idx", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertTrue(search.stdout.contains("14.1"), search.stdout)
    }

    func testBinaryFileIsReportedInOneLine() throws {
        let bad = workDirectory.appendingPathComponent("image.txt")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: bad)
        let run = try termsearch(["index", "--index", "idx", bad.path, Self.corpus + "/creaim-reconi-meekijksessie.txt"])
        XCTAssertEqual(run.status, 1)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, run.stderr)
        XCTAssertTrue(lines[0].contains("image.txt"), run.stderr)
        XCTAssertTrue(run.stdout.contains("1 added"), run.stdout)
    }

    func testSecondWriterIsToldTheIndexIsBusy() throws {
        try indexCorpus()
        // Hold the write lock from this process through the library, then run a second writer.
        let lockHolder = try LockHolder(path: workDirectory.appendingPathComponent("idx").path)
        defer { lockHolder.release() }
        let run = try termsearch(["index", "--index", "idx", Self.corpus])
        XCTAssertEqual(run.status, 3)
        XCTAssertEqual(run.stderr, "termsearch: the index at idx is being updated by another process; try again when it has finished\n")
        // Searching still works while the writer holds the lock.
        let search = try termsearch(["search", "--index", "idx", "schade"])
        XCTAssertEqual(search.status, 0, search.stderr)
    }
}

final class ReindexKeepsTheIndexTests: CLITestCase {
    /// Regression: opening an existing index for writing once replaced it with an empty one.
    func testIndexingOneFileKeepsTheOthers() throws {
        try indexCorpus()
        let run = try termsearch(["index", "--index", "idx", Self.corpus + "/creaim-reconi-meekijksessie.txt"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let search = try termsearch(["search", "--index", "idx", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertTrue(search.stdout.contains("14.1"), "the Klantassistent clause survives: \(search.stdout)")
    }
}
