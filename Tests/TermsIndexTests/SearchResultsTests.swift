import TermsIndex
import XCTest

/// What a reader sees of a result's count.
final class SearchResultsTests: XCTestCase {
    func testTotalTextGroupsDigitsAndSaysWhenItIsAnEstimate() {
        XCTAssertEqual(SearchResults(query: "q", total: 0, hits: []).totalText, "0")
        XCTAssertEqual(SearchResults(query: "q", total: 999, hits: []).totalText, "999")
        XCTAssertEqual(SearchResults(query: "q", total: 1_000, hits: []).totalText, "1,000")
        XCTAssertEqual(SearchResults(query: "q", total: 171_534, totalIsExact: false, hits: []).totalText, "about 171,534")
        XCTAssertEqual(SearchResults(query: "q", total: 2_770_000, totalIsExact: false, hits: []).totalText, "about 2,770,000")
    }
}
