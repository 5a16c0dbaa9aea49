import Foundation
import XCTest

/// Queries nobody should type: each gives results (exit 0) or one line on stderr (exit 2).
final class HostileQueriesTests: CLITestCase {
    func testHostileQueriesGiveAResultOrOneLineError() throws {
        try indexCorpus()
        let cases: [(query: String, status: Int32, message: String?)] = [
            ("", 2, "the query is empty"),
            ("   ", 2, "the query is empty"),
            ("\u{200B}", 2, "the query is empty"),
            ("de van het", 0, nil),
            (String(repeating: "aansprakelijkheid ", count: 550), 0, nil),
            (String(repeating: "a", count: 10_001), 2, "characters long; the limit is 10000"),
            ("\"unbalanced", 2, "a double quote is not closed"),
            ("(schade OR kosten", 2, "opening bracket '(' not closed"),
            ("schade OR kosten)", 2, "a closing bracket ')' has no opening bracket"),
            (")", 2, "a closing bracket ')' has no opening bracket"),
            ("foo:bar", 2, "unknown field 'foo:'; the fields are heading:, title:, supplier:"),
            ("*", 2, "it has no words to search for"),
            ("\"\"", 2, "it has no words to search for"),
            ("()", 2, "it has no words to search for"),
            ("schade\u{1B}[31m", 2, "the control character U+001B"),
            ("schade\u{7F}", 2, "the control character U+007F"),
            ("'; DROP TABLE--", 0, nil),
            ("$(rm -rf /)", 0, nil),
            ("`id`", 0, nil),
            ("a..b", 2, "is not a range termsearch knows"),
            ("schade AND", 2, "'AND' needs a word or phrase after it"),
            ("NOT", 2, "'NOT' needs a word or phrase after it"),
            ("aansprak*", 0, nil),
            ("12:30 schade", 0, nil),
            ("\"schade\nkosten\"", 0, nil),
        ]
        for c in cases {
            let run = try termsearch(["search", "--index", "idx", c.query])
            let shown = c.query.count > 40 ? "\(c.query.prefix(40))… (\(c.query.count) chars)" : c.query.debugDescription
            XCTAssertEqual(run.status, c.status, "\(shown): \(run.stderr)")
            if let message = c.message {
                XCTAssertTrue(run.stderr.hasPrefix("termsearch: invalid query '"), "\(shown): \(run.stderr)")
                XCTAssertTrue(run.stderr.contains(message), "\(shown): \(run.stderr)")
                XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, "\(shown): not one line: \(run.stderr.debugDescription)")
            } else {
                XCTAssertEqual(run.stderr, "", shown)
            }
        }
    }
}
