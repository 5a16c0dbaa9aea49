import Foundation
import TermsIndex

/// A few open searchers over the same indexes, shared by the server's requests.
///
/// A `TermsSearcher` holds Xapian handles and is for one task at a time: each one lives inside its
/// own `SearcherSlot` actor, and requests are spread over the slots in turn. Before each use a slot
/// moves its searcher to the index's latest commit (so a running `termsearch index` shows up), and
/// reopens it from scratch when that fails (the index was rebuilt or replaced); while the index
/// cannot be opened, requests fail with `indexMissing` or `indexUnusable` (503) and the next
/// request tries again.
public final class SearcherPool: Sendable {
    /// The indexes searched.
    public let paths: [String]
    private let slots: [SearcherSlot]
    private let next = Counter()

    /// A pool of `size` searchers over `paths`; opens one now to fail early on a bad index.
    public init(paths: [String], size: Int = 2) throws {
        self.paths = paths
        let first = try TermsSearcher(paths: paths)
        slots = (0..<max(1, size)).map { SearcherSlot(paths: paths, searcher: $0 == 0 ? first : nil) }
    }

    /// Runs `body` with a searcher of the pool, exclusively.
    public func withSearcher<T: Sendable>(_ body: @Sendable (TermsSearcher) throws -> T) async throws -> T {
        try await slots[next.increment() % slots.count].run(body)
    }
}

/// One searcher, confined to this actor.
actor SearcherSlot {
    private let paths: [String]
    private var searcher: TermsSearcher?

    init(paths: [String], searcher: TermsSearcher?) {
        self.paths = paths
        self.searcher = searcher
    }

    func run<T: Sendable>(_ body: @Sendable (TermsSearcher) throws -> T) throws -> T {
        if let searcher {
            do {
                try searcher.refresh()
            } catch {
                self.searcher = nil
            }
        }
        let searcher = try self.searcher ?? TermsSearcher(paths: paths)
        self.searcher = searcher
        do {
            return try body(searcher)
        } catch let error as TermsearchError {
            // A damaged or vanished index: open afresh next time.
            switch error {
            case .indexMissing, .indexUnusable, .library: self.searcher = nil
            default: break
            }
            throw error
        }
    }
}

/// A thread-safe counter for spreading requests over the slots.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value &+= 1
        return value & Int.max
    }
}
