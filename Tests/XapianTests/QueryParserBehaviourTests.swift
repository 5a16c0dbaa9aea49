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

    // Findings the search layer (QueryValidator, QueryRewriter, TermsSearcher.makeParser) relies on.

    func testRangeProcessorsAreTriedInOrderAndAnEmptyMarkerStringRangeAcceptsAnything() throws {
        let parser = QueryParser()
        parser.addBooleanPrefix("year", "Y")
        parser.addNumberRangeProcessor(slot: 6, marker: "year:")
        parser.addNumberRangeProcessor(slot: 6)
        parser.addRangeProcessor(slot: 5)
        XCTAssertTrue(try parser.parse("year:2018..2025").description.contains("VALUE_RANGE 6"), "marker wins over the boolean prefix")
        XCTAssertEqual(try parser.parse("year:2018").description, "Query(0 * Y2018)")
        XCTAssertTrue(try parser.parse("2018..2025").description.contains("VALUE_RANGE 6"))
        XCTAssertEqual(try parser.parse("2019-01-01..2020-06-30").description, "Query(VALUE_RANGE 5 2019-01-01 2020-06-30)",
                       "the number processor declines dates")
        XCTAssertEqual(try parser.parse("2019-06..").description, "Query(VALUE_GE 5 2019-06)")
        // So nothing is "Unknown range operation" any more: QueryValidator must reject junk ranges itself.
        XCTAssertEqual(try parser.parse("a..b").description, "Query(VALUE_RANGE 5 a b)")
    }

    func testNearAndAdjUseUnstemmedPositionalTermsAndMisuseIsSilent() throws {
        let parser = QueryParser()
        parser.setStemmer(try Stem(language: "dutch"))
        parser.setStemmingStrategy(.some)
        XCTAssertEqual(try parser.parse("aansprakelijkheid NEAR/3 beperkt").description,
                       "Query((aansprakelijkheid@1 NEAR 4 beperkt@2))", "window = n + terms - 1; words not stemmed")
        XCTAssertEqual(try parser.parse("a ADJ/3 b ADJ/3 c").description, "Query((a@1 PHRASE 5 b@2 PHRASE 5 c@3))")
        // Silent surprises the validator turns into errors:
        XCTAssertEqual(try parser.parse("a NEAR/x b").description, "Query((Za@1 OR (near@2 PHRASE 2 x@3) OR Zb@4))")
        XCTAssertEqual(try parser.parse("\"a b\" NEAR c").description, "Query((Za@1 OR b@2 OR (near@3 OR Zc@4)))",
                       "a phrase beside NEAR: re-parsed without flags, the phrase is lost")
        XCTAssertEqual(try parser.parse("(a ADJ/2 b)").description, "Query((a@1 PHRASE 3 b@2))", "brackets around a group are fine")
    }
}
