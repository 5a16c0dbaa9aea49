import Xapian
import XCTest

/// Pins down how libxapian 1.4.22's QueryParser treats malformed input, because the domain layer
/// validates queries itself based on it (summary in QueryParser's doc comment).
final class QueryParserBehaviourTests: XCTestCase {
    private func outcome(_ input: String, _ flags: QueryParser.Flags) -> String {
        let parser = QueryParser()
        parser.addPrefix("titel", "S")
        do {
            return try parser.parse(input, flags: flags).description
        } catch let error as XapianError {
            return "throws \(error.kind)"
        } catch {
            return "throws \(error)"
        }
    }

    func testDefaultFlagsThrowOnBinaryOperatorsMissingAnOperand() {
        for input in ["a AND", "AND a", "a OR", "a AND OR b", "a OR OR b", "a XOR", "a NOT", "NOT a",
                      "a AND NOT", "AND", "OR", "NOT", "a AND ()", "a OR \"\"", "a AND *", "a NOT -b",
                      "a AND b OR"] {
            XCTAssertEqual(outcome(input, .default), "throws queryParser", input)
        }
    }

    func testRangeNoProcessorAcceptsThrowsEvenWithoutFlags() {
        let parser = QueryParser()
        XCTAssertEqual(try parser.parse("a..b").description, "Query((a@1 PHRASE 2 b@2))", "no processors")
        parser.addNumberRangeProcessor(slot: 0, marker: "jaar:")
        for flags: QueryParser.Flags in [.default, []] {
            for input in ["a..b", "5..10", "jaar:a..b"] {
                XCTAssertThrowsError(try parser.parse(input, flags: flags), input) {
                    XCTAssertEqual(($0 as? XapianError)?.message, "Unknown range operation")
                }
            }
        }
        XCTAssertNoThrow(try parser.parse("jaar:5..10"))
    }

    func testPureNotFlagAcceptsLeadingNot() {
        XCTAssertEqual(outcome("NOT a", [.default, .pureNot]), "Query((<alldocuments> AND_NOT a@1))")
    }

    func testStrayClosingBracketIsSilentlyReparsedWithoutFlags() {
        // The whole query loses its operators: OR becomes a word.
        XCTAssertEqual(outcome("a OR b)", .default), "Query((a@1 OR or@2 OR b@3))")
        XCTAssertEqual(outcome("a AND b)", .default), "Query((a@1 OR and@2 OR b@3))")
        XCTAssertEqual(outcome("\"a b\" OR c)", .default), "Query((a@1 OR b@2 OR (or@3 OR c@4)))")
    }

    func testUnbalancedInputIsTolerated() {
        XCTAssertEqual(outcome("\"unbalanced", .default), "Query(unbalanced@1)")
        XCTAssertEqual(outcome("\"a b", .default), "Query((a@1 PHRASE 2 b@2))")
        XCTAssertEqual(outcome("(a OR b", .default), "Query((a@1 OR b@2))")
        XCTAssertEqual(outcome("a AND (b", .default), "Query((a@1 AND b@2))")
        XCTAssertEqual(outcome("a -", .default), "Query(a@1)")
        XCTAssertEqual(outcome("a NEAR", .default), "Query((a@1 OR near@2))")
        XCTAssertEqual(outcome("titel:(a", .default), "Query(Sa@1)")
        for input in ["()", "\"\"", "(", ")", "+", "-", "*", "\""] {
            XCTAssertEqual(outcome(input, .default), "Query()", input)
        }
    }

    func testWithoutFlagsOperatorsAreWords() {
        XCTAssertEqual(outcome("a AND", []), "Query((a@1 OR and@2))")
        XCTAssertEqual(outcome("NOT a", []), "Query((not@1 OR a@2))")
        XCTAssertEqual(outcome("(a OR b", []), "Query((a@1 OR or@2 OR b@3))")
    }
}
