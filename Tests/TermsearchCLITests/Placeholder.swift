import XCTest
final class TermsearchCLITestsPlaceholder: XCTestCase { func testNothing() {} }
