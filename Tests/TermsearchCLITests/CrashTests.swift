import Foundation
import XCTest

/// An indexing run killed at any point leaves the last committed batch intact, and the next run
/// finishes the work to the same state as an uninterrupted run.
final class CrashTests: CLITestCase {
    func testKilledRunKeepsCommittedBatchesAndResumes() throws {
        let folder = try makeFolder(copies: 2)
        XCTAssertEqual(try termsearch(["index", "--index", "reference", folder.path]).status, 0)
        let reference = try clauseIDs(workDirectory.appendingPathComponent("reference").path)
        XCTAssertGreaterThan(reference.count, 400)

        for batches in 1...3 {
            let index = "killed-\(batches)"
            let indexPath = workDirectory.appendingPathComponent(index).path
            // Two files per batch, a pause after each file: the kill lands inside the next batch.
            let run = try RunningTermsearch(["index", "--index", index, "--batch-files", "2", "--jobs", "1",
                                             "--debug-pause-ms", "300", "--debug-announce-commits", folder.path],
                                            in: workDirectory)
            XCTAssertTrue(run.waitFor("committed batch \(batches)\n"), run.stderr)
            Thread.sleep(forTimeInterval: 0.15)
            run.kill(SIGKILL)
            XCTAssertEqual(run.wait(), SIGKILL)

            let check = try xapianCheck(indexPath)
            XCTAssertEqual(check.status, 0, check.output)
            let records = try assertConsistent(indexPath)
            XCTAssertGreaterThanOrEqual(records.count, 2 * batches, "the committed batches survive")
            XCTAssertLessThan(records.count, 10, "the kill landed before the end")
            // Searching works on what was committed.
            XCTAssertEqual(try termsearch(["search", "--index", index, "schade"]).status, 0)

            let resumed = try termsearch(["index", "--index", index, "--format", "json", folder.path])
            XCTAssertEqual(resumed.status, 0, resumed.stderr)
            let summary = try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as! [String: Any]
            XCTAssertEqual(summary["unchanged"] as? Int, records.count, "committed files are not redone")
            try assertConsistent(indexPath)
            XCTAssertEqual(try clauseIDs(indexPath), reference, "the same final state as an uninterrupted run")
        }
    }

    func testInterruptCommitsWhatIsInFlightAndExits130() throws {
        let folder = try makeFolder(copies: 2)
        let index = workDirectory.appendingPathComponent("idx").path
        let run = try RunningTermsearch(["index", "--index", "idx", "--batch-files", "3", "--jobs", "1",
                                         "--debug-pause-ms", "200", "--debug-announce-commits", folder.path], in: workDirectory)
        XCTAssertTrue(run.waitFor("committed batch 1\n"), run.stderr)
        run.kill(SIGINT)
        XCTAssertEqual(run.wait(), 130, run.stderr)
        XCTAssertTrue(run.stderr.contains("interrupted"), run.stderr)
        let records = try assertConsistent(index)
        XCTAssertGreaterThan(records.count, 3, "the batch in flight was finished and committed")
        XCTAssertLessThan(records.count, 10)
        let resumed = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("\(records.count) unchanged"), resumed.stdout)
        try assertConsistent(index)
    }
}
