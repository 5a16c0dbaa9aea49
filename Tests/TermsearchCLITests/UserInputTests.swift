import Foundation
import XCTest

/// Nothing the user types is ignored: each mistake is one `termsearch: …` line with what to do,
/// and the README's exit code (64 command line, 2 query or filter, 3 index).
final class UserInputTests: CLITestCase {
    func assertOneLine(_ run: Run, status: Int32, contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("termsearch: "), run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains(text), run.stderr, file: file, line: line)
    }

    func indexCorpus() throws {
        XCTAssertEqual(try termsearch(["index", "--index", "idx", Self.corpus]).status, 0)
    }

    func testArgumentErrorsAreOneLineWithExit64() throws {
        assertOneLine(try termsearch(["search", "--bogus", "x"]), status: 64, contains: "(see: termsearch search --help)")
        assertOneLine(try termsearch(["search", "--format", "xml", "x"]), status: 64, contains: "'xml' is invalid")
        assertOneLine(try termsearch(["nonsense"]), status: 64, contains: "(see: termsearch --help)")
        XCTAssertEqual(try termsearch(["search", "--help"]).status, 0, "help is not an error")
    }

    func testRepeatedIndexWhereOneIsMeantIsRefused() throws {
        for command in ["index", "check", "compact"] {
            assertOneLine(try termsearch([command, "--index", "a", "--index", "b"]), status: 64,
                          contains: "\(command) works on one index, but --index was given 2 times (a, b)")
        }
    }

    func testNothingThatExistsCreatesNoIndex() throws {
        assertOneLine(try termsearch(["index", "--index", "idx", "nofile.pdf"]), status: 64, contains: "nofile.pdf: no such file or directory")
        XCTAssertFalse(FileManager.default.fileExists(atPath: workDirectory.appendingPathComponent("idx").path))
    }

    func testFolderOfDocumentsGivenAsIndex() throws {
        assertOneLine(try termsearch(["search", "--index", Self.corpus, "schade"]), status: 3,
                      contains: "it is a folder of files, not an index; to index them: termsearch index \(Self.corpus) --index DIR")
    }

    func testInspectOfAFolderIsRefused() throws {
        assertOneLine(try termsearch(["inspect", Self.corpus]), status: 64, contains: "is a folder; inspect reads one file")
    }

    func testUnknownFilterValuesNameTheKnownOnes() throws {
        try indexCorpus()
        assertOneLine(try termsearch(["search", "--index", "idx", "schade topic:liability"]), status: 2,
                      contains: "topic:'liability': no such topic; known: toepasselijkheid, definities")
        assertOneLine(try termsearch(["search", "--index", "idx", "--topic", "liability", "schade"]), status: 2,
                      contains: "--topic 'liability': no such topic")
        assertOneLine(try termsearch(["search", "--index", "idx", "schade lang:de"]), status: 2, contains: "no such language; known: nl, en")
        assertOneLine(try termsearch(["search", "--index", "idx", "--kind", "foo", "schade"]), status: 2,
                      contains: "no document of this kind in the index; known: general-terms")
        assertOneLine(try termsearch(["search", "--index", "idx", "--supplier", "nobody", "schade"]), status: 2,
                      contains: "no supplier of the index matches; known: creaim-reconi, easycomp-zeeland")
        for date in ["2019-13", "2019-02-30", "19"] {
            assertOneLine(try termsearch(["search", "--index", "idx", "--since", date, "schade"]), status: 2,
                          contains: "--since '\(date)': not a date")
        }
        // Known values still work, in any case.
        let fine = try termsearch(["search", "--index", "idx", "--format", "json", "schade topic:Aansprakelijkheid", "--supplier", "easycomp", "--since", "2016-02-29"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertGreaterThan((try JSONSerialization.jsonObject(with: Data(fine.stdout.utf8)) as? [String: Any])?["total"] as? Int ?? 0, 0)
    }
}
