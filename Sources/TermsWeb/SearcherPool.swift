import Foundation
import TermsIndex

/// A few open searchers over the same indexes, shared by the server's requests.
///
/// A `TermsSearcher` holds Xapian handles and is for one task at a time: each one lives inside its
/// own `SearcherSlot`, which runs its searches on a thread of its own (a search blocks for
/// milliseconds: on Swift's cooperative threads it would hold up the server's other requests,
/// their parsing, encoding and resumption, and make the latency tail long). A request takes whichever slot is free, or waits (first come, first
/// served) for the first one that frees up, so a slow search never holds up requests while another
/// searcher is idle. Before each use a slot moves its searcher to the index's latest commit (so a
/// running `termsearch index` shows up), and reopens it from scratch when that fails (the index
/// was rebuilt or replaced); while the index cannot be opened, requests fail with `indexMissing`
/// or `indexUnusable` (503) and the next request tries again.
public final class SearcherPool: Sendable {
    /// The indexes searched.
    public let paths: [String]
    private let slots: [SearcherSlot]
    private let free: SlotQueue

    /// A pool of `size` searchers over `paths`; opens one now to fail early on a bad index.
    public init(paths: [String], size: Int = 2) throws {
        self.paths = paths
        let first = try TermsSearcher(paths: paths)
        slots = (0..<max(1, size)).map { SearcherSlot(paths: paths, searcher: $0 == 0 ? first : nil) }
        free = SlotQueue(count: slots.count)
    }

    /// Runs `body` with a searcher of the pool, exclusively.
    public func withSearcher<T: Sendable>(_ body: @escaping @Sendable (TermsSearcher) throws -> T) async throws -> T {
        let index = await free.take()
        do {
            let result = try await slots[index].run(body)
            free.give(index)
            return result
        } catch {
            free.give(index)
            throw error
        }
    }
}

/// One searcher, confined to a serial queue of its own (its searches block; see `SearcherPool`).
final class SearcherSlot: @unchecked Sendable {
    private let paths: [String]
    private let queue: DispatchQueue
    /// Touched only on `queue`.
    private var searcher: TermsSearcher?

    init(paths: [String], searcher: TermsSearcher?) {
        self.paths = paths
        self.searcher = searcher
        queue = DispatchQueue(label: "termsearch.searcher", qos: .userInitiated)
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (TermsSearcher) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try self.runHere(body) }) }
        }
    }

    private func runHere<T>(_ body: (TermsSearcher) throws -> T) throws -> T {
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

/// The slots not in use, and the requests waiting for one in the order they came.
final class SlotQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Int]
    private var waiting: [CheckedContinuation<Int, Never>] = []

    init(count: Int) { free = Array((0..<count).reversed()) }

    /// A free slot's index, waiting for one when all are taken.
    func take() async -> Int {
        if let index = lock.withLock({ free.popLast() }) { return index }
        return await withCheckedContinuation { continuation in
            // Looked at again under the lock: a slot given back since is not missed.
            let index: Int? = lock.withLock {
                if let index = free.popLast() { return index }
                waiting.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    /// Hands slot `index` back: to the longest-waiting request, or to the free ones.
    func give(_ index: Int) {
        let next: CheckedContinuation<Int, Never>? = lock.withLock {
            if waiting.isEmpty {
                free.append(index)
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume(returning: index)
    }
}
