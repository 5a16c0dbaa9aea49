import XCTest
final class TermsIndexTestsPlaceholder: XCTestCase { func testNothing() {} }
