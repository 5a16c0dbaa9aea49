import XCTest
final class XapianTestsPlaceholder: XCTestCase { func testNothing() {} }
