import Foundation
import TermsIndex
import TermsWeb
import TestSupport
import XCTest

/// How requests share the server's searchers: one searcher per request at a time, and a request
/// takes whichever searcher is free instead of queueing behind a busy one.
final class SearcherPoolTests: XCTestCase {
    static var folder: URL!

    override class func setUp() {
        super.setUp()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-pool-\(UUID().uuidString)")
        _ = try? CorpusIndexer(indexPath: folder.appendingPathComponent("idx").path).index([TestMaterial.corpus.path])
    }

    override class func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    var index: String { Self.folder.appendingPathComponent("idx").path }

    func testARequestIsServedByTheFreeSearcherWhileAnotherIsBusy() async throws {
        let pool = try SearcherPool(paths: [index], size: 2)
        let release = DispatchSemaphore(value: 0)
        let busy = DispatchSemaphore(value: 0)
        // The first request holds a searcher until the second one has been answered.
        let slow = Task {
            try await pool.withSearcher { _ in
                busy.signal()
                return release.wait(timeout: .now() + 20) == .success
            }
        }
        busy.wait()
        let fast = try await pool.withSearcher { try $0.search(SearchRequest(query: "aansprakelijkheid")).total }
        release.signal()
        XCTAssertGreaterThan(fast, 0)
        let slowWasReleased = try await slow.value
        XCTAssertTrue(slowWasReleased, "the second request waited for the busy searcher")
    }

    func testEveryRequestIsAnsweredAndNoSearcherIsShared() async throws {
        let pool = try SearcherPool(paths: [index], size: 2)
        let inUse = InUse()
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await pool.withSearcher { searcher in
                        inUse.enter(searcher)
                        defer { inUse.leave(searcher) }
                        return try searcher.search(SearchRequest(query: i % 2 == 0 ? "aansprakelijkheid" : "betaling")).total
                    }
                }
            }
            var totals: [Int] = []
            for try await total in group { totals.append(total) }
            return totals
        }
        XCTAssertEqual(totals.count, 40)
        XCTAssertTrue(totals.allSatisfy { $0 > 0 })
        XCTAssertLessThanOrEqual(inUse.most, 2)
        XCTAssertFalse(inUse.shared, "a searcher was used by two requests at once")
    }
}

/// Which searchers are in use right now, and the most at once.
private final class InUse: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Set<ObjectIdentifier> = []
    private(set) var most = 0
    private(set) var shared = false

    func enter(_ searcher: TermsSearcher) {
        lock.withLock {
            if !current.insert(ObjectIdentifier(searcher)).inserted { shared = true }
            most = max(most, current.count)
        }
    }

    func leave(_ searcher: TermsSearcher) {
        _ = lock.withLock { current.remove(ObjectIdentifier(searcher)) }
    }
}
