import CXapian

/// Counts the values in one slot over all matching documents (facets).
///
/// Not thread-safe: confine each instance to one thread or actor.
public final class ValueCountMatchSpy {
    let handle: OpaquePointer

    deinit { cx_spy_free(handle) }

    /// Creates a spy counting the values in `slot`.
    public init(slot: Int) {
        handle = mustSucceed { cx_spy_new(slot.clampedUInt32, $0) }!
    }

    /// The number of documents the spy has seen.
    public var total: Int { Int(cx_spy_total(handle)) }

    /// Each value seen (decoded as UTF-8) with its document count, most frequent first.
    public func counts() -> [(value: String, count: Int)] {
        countBytes().map { (String(decoding: $0.value, as: UTF8.self), $0.count) }
    }

    /// Each value seen (raw bytes) with its document count, most frequent first.
    public func countBytes() -> [(value: [UInt8], count: Int)] {
        var result: [(value: [UInt8], count: Int)] = []
        must {
            try visitStrings({ cx_spy_counts(handle, $0, $1, $2) }) { bytes, count in
                result.append((Array(bytes), Int(count)))
                return false
            }
        }
        return result
    }
}

/// Every document's value in one slot, as the number of a distinct value: read once, it lets a
/// `CodeCountMatchSpy` count matches per value without reading any value during the match.
///
/// Describes the database as it was when read (same revision): read it again after `reopen()`
/// moves on. Only for a database of one shard (`.unimplemented` otherwise: Xapian gives a match
/// spy the shard's own document ids), and a remote one runs no spy but its own. Not thread-safe:
/// confine each instance to one thread or actor.
public final class ValueCodes {
    let handle: OpaquePointer
    /// The distinct values (raw bytes) by code; code 0 is the empty value (no value).
    public let values: [[UInt8]]

    deinit { cx_valuecodes_free(handle) }

    /// Reads the value of `slot` of every document of `database`.
    public init(database: Database, slot: Int) throws {
        let handle = try makeHandle { cx_valuecodes_new(database.handle, slot.clampedUInt32, $0) }
        var values: [[UInt8]] = []
        must {
            try visitStrings({ cx_valuecodes_values(handle, $0, $1, $2) }) { bytes, _ in
                values.append(Array(bytes))
                return false
            }
        }
        self.handle = handle
        self.values = values
    }
}

/// Counts the matches per value code of a `ValueCodes` (facets without reading values).
///
/// Not thread-safe: confine each instance to one thread or actor.
public final class CodeCountMatchSpy {
    let handle: OpaquePointer
    /// The table the spy counts by (kept alive: the spy points into it).
    public let codes: ValueCodes

    deinit { cx_codespy_free(handle) }

    /// A spy counting by `codes`.
    public init(codes: ValueCodes) {
        self.codes = codes
        handle = mustSucceed { cx_codespy_new(codes.handle, $0) }!
    }

    /// The number of documents the spy has seen.
    public var total: Int { Int(cx_codespy_total(handle)) }

    /// Documents seen whose id is beyond the table: added after it was read (a stale table).
    public var outside: Int { Int(cx_codespy_outside(handle)) }

    /// The number of documents seen with each code (index: code, as in `codes.values`).
    public func counts() -> [Int] {
        var counts = [UInt64](repeating: 0, count: codes.values.count)
        _ = counts.withUnsafeMutableBufferPointer { cx_codespy_counts(handle, $0.baseAddress, $0.count) }
        return counts.map { Int($0) }
    }
}

/// Runs queries against a database. Not thread-safe: confine each instance to one thread or actor.
public final class Enquire {
    let handle: OpaquePointer
    private let database: Database
    // Xapian keeps raw pointers to match spies: hold them as long as they are registered.
    private var spies: [AnyObject] = []

    deinit { cx_enquire_free(handle) }

    /// Creates an enquire session over `database`.
    public init(database: Database) {
        self.database = database
        handle = mustSucceed { cx_enquire_new(database.handle, $0) }!
    }

    /// Sets the query; `queryLength` (for weighting) defaults to the number of query terms.
    public func setQuery(_ query: Query, queryLength: Int = 0) {
        mustSucceed { cx_enquire_set_query(handle, query.handle, queryLength.clampedUInt32, $0) }
    }

    /// Keeps at most `maxPerValue` matches per distinct value in `slot` (nil: no collapsing).
    public func setCollapseKey(_ slot: Int?, maxPerValue: Int = 1) {
        mustSucceed { cx_enquire_set_collapse_key(handle, slot ?? -1, maxPerValue.clampedUInt32, $0) }
    }

    /// Orders matches by relevance (the default).
    public func setSortByRelevance() {
        mustSucceed { cx_enquire_set_sort(handle, 0, 0, 0, $0) }
    }

    /// Orders matches by the value in `slot` (ascending unless `reverse`).
    public func setSortByValue(_ slot: Int, reverse: Bool) {
        mustSucceed { cx_enquire_set_sort(handle, 1, slot.clampedUInt32, reverse ? 1 : 0, $0) }
    }

    /// Orders matches by the value in `slot`, ties by relevance.
    public func setSortByValueThenRelevance(_ slot: Int, reverse: Bool) {
        mustSucceed { cx_enquire_set_sort(handle, 2, slot.clampedUInt32, reverse ? 1 : 0, $0) }
    }

    /// Orders matches by relevance, ties by the value in `slot`.
    public func setSortByRelevanceThenValue(_ slot: Int, reverse: Bool) {
        mustSucceed { cx_enquire_set_sort(handle, 3, slot.clampedUInt32, reverse ? 1 : 0, $0) }
    }

    /// Orders equally ranked matches by document id.
    public func setDocidOrder(ascending: Bool) {
        mustSucceed { cx_enquire_set_docid_order(handle, ascending ? 1 : 0, $0) }
    }

    /// Uses BM25 weighting with these parameters (Xapian's defaults: 1, 0, 1, 0.5, 0.5).
    public func setBM25(k1: Double = 1, k2: Double = 0, k3: Double = 1, b: Double = 0.5,
                        minNormalisedLength: Double = 0.5) {
        mustSucceed { cx_enquire_set_bm25(handle, k1, k2, k3, b, minNormalisedLength, $0) }
    }

    /// Registers `spy` to see every candidate match of the next `mset` calls.
    public func addMatchSpy(_ spy: ValueCountMatchSpy) {
        mustSucceed { cx_enquire_add_matchspy(handle, spy.handle, $0) }
        spies.append(spy)
    }

    /// Registers `spy` to see every candidate match of the next `mset` calls.
    public func addMatchSpy(_ spy: CodeCountMatchSpy) {
        mustSucceed { cx_enquire_add_codespy(handle, spy.handle, $0) }
        spies.append(spy)
    }

    /// Unregisters all match spies.
    public func clearMatchSpies() {
        mustSucceed { cx_enquire_clear_matchspies(handle, $0) }
        spies.removeAll()
    }

    /// Runs the query and returns matches `first ..< first + maxItems`; `checkAtLeast` makes the
    /// counts (and match spies) exact for at least that many documents.
    public func mset(first: Int, maxItems: Int, checkAtLeast: Int = 0) throws -> MSet {
        MSet(handle: try makeHandle {
            cx_enquire_mset(handle, first.clampedUInt32, maxItems.clampedUInt32,
                            checkAtLeast.clampedUInt32, $0)
        })
    }
}

/// One page of search results. Not thread-safe: confine each instance to one thread or actor.
public final class MSet: RandomAccessCollection {
    /// Flags for `snippet(_:...)` (Xapian's MSet::SNIPPET_* values).
    public struct SnippetFlags: OptionSet, Sendable {
        /// The raw Xapian flag bits.
        public let rawValue: UInt32
        /// Wraps raw Xapian flag bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        /// Prefer passages with interesting non-query words too.
        public static let backgroundModel = SnippetFlags(rawValue: 1)
        /// Evaluate every candidate passage instead of stopping at a good one.
        public static let exhaustive = SnippetFlags(rawValue: 2)
        /// Return "" when no query term occurs in the text.
        public static let emptyWithoutMatch = SnippetFlags(rawValue: 4)
        /// N-grams for CJK text.
        public static let cjkNgram = SnippetFlags(rawValue: 2048)
    }

    let handle: OpaquePointer
    private let items: [cx_mset_item]

    init(handle: OpaquePointer) {
        self.handle = handle
        let count = cx_mset_size(handle)
        items = (0..<count).map { index in
            var item = cx_mset_item()
            mustSucceed { cx_mset_item_at(handle, index, &item, $0) }
            return item
        }
    }

    deinit { cx_mset_free(handle) }

    /// The first index (0).
    public var startIndex: Int { 0 }
    /// One past the last index.
    public var endIndex: Int { items.count }

    /// The match at `position` in this page.
    public subscript(position: Int) -> MSetItem {
        let item = items[position]
        return MSetItem(id: item.docid, rank: Int(item.rank), weight: item.weight, percent: Int(item.percent),
                        collapseCount: Int(item.collapse_count), mset: self, index: position)
    }

    /// Xapian's estimate of the total number of matches.
    public var matchesEstimated: Int { Int(cx_mset_matches(handle, 0)) }
    /// A lower bound on the total number of matches.
    public var matchesLowerBound: Int { Int(cx_mset_matches(handle, 1)) }
    /// An upper bound on the total number of matches.
    public var matchesUpperBound: Int { Int(cx_mset_matches(handle, 2)) }

    /// The best passage of `text` (about `length` bytes) with the query's terms highlighted;
    /// `stemmer` must match the one used at index time. Text is not HTML-escaped by Xapian.
    public func snippet(_ text: String, length: Int = 500, stemmer: Stem, flags: SnippetFlags = [.exhaustive],
                        highlightStart: String = "<b>", highlightEnd: String = "</b>",
                        omit: String = "...") -> String {
        must {
            try fetchString {
                cx_mset_snippet(handle, text, text.utf8.count, length, stemmer.handle, flags.rawValue,
                                highlightStart, highlightStart.utf8.count, highlightEnd,
                                highlightEnd.utf8.count, omit, omit.utf8.count, $0, $1)
            }
        }
    }

    func document(at index: Int) throws -> Document {
        Document(handle: try makeHandle { cx_mset_document(handle, index, $0) })
    }
}

/// One match in an `MSet`; it keeps its MSet alive so `document()` works later.
public struct MSetItem {
    /// The document id.
    public let id: DocumentID
    /// The match's rank among all matches, from 0.
    public let rank: Int
    /// The match's weight (relevance score).
    public let weight: Double
    /// The weight as a percentage of the best possible.
    public let percent: Int
    /// How many other matches were collapsed into this one (an estimate; 0 without a collapse key).
    public let collapseCount: Int
    let mset: MSet
    let index: Int

    /// The matching document.
    public func document() throws -> Document {
        try mset.document(at: index)
    }
}
