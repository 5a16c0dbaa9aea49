import ArgumentParser
import TermsIndex
import XCTest

@testable import termsearch

/// The command lines `SearchInvocation(commonArguments:)` reads without ArgumentParser mean what
/// ArgumentParser reads them as; the rest it leaves to ArgumentParser.
final class SearchInvocationTests: XCTestCase {
    private let environment: [String: String] = [:]

    private func parsedByArgumentParser(_ arguments: [String]) throws -> SearchInvocation {
        try SearchCommand.parse(arguments).invocation()
    }

    func testCommonCommandLinesReadAsArgumentParserReadsThem() throws {
        let lines: [[String]] = [
            ["aansprakelijkheid"],
            ["--index", "idx", "\"aansprakelijkheid beperkt tot\""],
            ["--index", "a", "--index", "b", "--format", "json", "opzeggen abonnement"],
            ["--format", "jsonl", "--limit", "25", "--offset", "50", "schade"],
            ["schade", "--format", "csv", "--limit", "0"],
            ["--lang", "en", "--lang", "nl", "--supplier", "easycomp", "--topic", "aansprakelijkheid", "--kind", "general-terms", "boete"],
            ["--facets", "--per-document", "--near", "--explain", "--current", "--no-expand", "\"beperkt tot\""],
            ["--expand", "garantie"],
            ["--format", "text", "(schade OR kosten) AND NOT indirecte"],
        ]
        for line in lines {
            // The process's own environment, as ArgumentParser's IndexOptions reads TERMSEARCH_INDEX.
            let fast = try XCTUnwrap(SearchInvocation(commonArguments: line), "\(line) should be read without ArgumentParser")
            XCTAssertEqual(fast, try parsedByArgumentParser(line), "\(line)")
        }
    }

    func testEverythingElseIsLeftToArgumentParser() {
        let lines: [[String]] = [
            [],                                   // no query: ArgumentParser's message
            ["a", "b"],                           // two queries
            ["--help"], ["-h"],
            ["--limit", "-1", "schade"],          // invalid values: ArgumentParser's errors
            ["--limit", "ten", "schade"],
            ["--limit", "+5", "schade"],
            ["--format", "xml", "schade"],
            ["--format=json", "schade"],
            ["--index"],                          // a missing value
            ["--facets", "--facets", "schade"],
            ["--expand", "--no-expand", "schade"],
            ["--year", "2024", "schade"],         // options read by ArgumentParser only
            ["--since", "2019", "schade"],
            ["--as-of", "2021", "schade"],
            ["--thesaurus", "mine.txt", "schade"],
            ["--near-window", "3", "schade"],
            ["--", "-schade"],
            ["-schade"],
            ["--no-such-option", "schade"],
        ]
        for line in lines {
            XCTAssertNil(SearchInvocation(commonArguments: line, environment: environment), "\(line)")
        }
    }

    func testTheIndexFromTheEnvironmentAsArgumentParserReadsIt() throws {
        let fast = try XCTUnwrap(SearchInvocation(commonArguments: ["schade"], environment: ["TERMSEARCH_INDEX": "/tmp/elsewhere"]))
        XCTAssertEqual(fast.indexPaths, ["/tmp/elsewhere"])
        XCTAssertFalse(fast.usesDefaultIndex)
        let unset = try XCTUnwrap(SearchInvocation(commonArguments: ["schade"], environment: ["TERMSEARCH_INDEX": ""]))
        XCTAssertEqual(unset.indexPaths, [IndexOptions.defaultPath])
        XCTAssertTrue(unset.usesDefaultIndex)
        let named = try XCTUnwrap(SearchInvocation(commonArguments: ["--index", "mine", "schade"], environment: ["TERMSEARCH_INDEX": "/tmp/elsewhere"]))
        XCTAssertEqual(named.indexPaths, ["mine"])
        XCTAssertFalse(named.usesDefaultIndex)
    }
}
