import Foundation
import XCTest

final class CheckCommandTests: CLITestCase {
    func testIntactIndexIsOK() throws {
        try indexCorpus()
        let run = try termsearch(["check", "--index", "idx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("OK: idx: "), run.stdout)
        XCTAssertTrue(run.stdout.contains(" documents, ") && run.stdout.contains(" clauses"), run.stdout)
    }

    func testCheckUsesTheIndexEnvironmentVariable() throws {
        try indexCorpus()
        let run = try termsearch(["check"], environment: ["TERMSEARCH_INDEX": "idx"])
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
