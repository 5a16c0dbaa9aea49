import Foundation
import Xapian

/// Exact facet counts over a whole match set, from one pass of match spies.
///
/// Single-valued facets (supplier, language, kind, year, document) are one `ValueCountMatchSpy`
/// each. Topics are multi-valued: the index stores each clause's sorted topic set in one slot, the
/// spy counts each distinct set, and `facets()` splits the sets and sums — exact, in the same pass.
/// Not thread-safe (owns Xapian spies).
final class FacetCounter {
    private let spies: [(facet: Facet, spy: ValueCountMatchSpy)] = [
        (.supplier, ValueCountMatchSpy(slot: IndexSchema.supplierSlot)),
        (.topic, ValueCountMatchSpy(slot: IndexSchema.topicsSlot)),
        (.language, ValueCountMatchSpy(slot: IndexSchema.languageSlot)),
        (.kind, ValueCountMatchSpy(slot: IndexSchema.kindSlot)),
        (.year, ValueCountMatchSpy(slot: IndexSchema.yearSlot)),
    ]
    private let documents = ValueCountMatchSpy(slot: IndexSchema.documentSlot)

    /// Registers the spies; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        for (_, spy) in spies { enquire.addMatchSpy(spy) }
        enquire.addMatchSpy(documents)
    }

    /// The number of matching clauses seen.
    var total: Int { documents.total }

    /// Document id → number of its matching clauses.
    func documentCounts() -> [String: Int] {
        Dictionary(documents.counts().map { ($0.value, $0.count) }, uniquingKeysWith: +)
    }

    /// Facet name → value → number of matching clauses (clauses without a value are not counted).
    func facets() -> [String: [String: Int]] {
        var result: [String: [String: Int]] = [:]
        for (facet, spy) in spies {
            var counts: [String: Int] = [:]
            for (value, count) in spy.counts() where !value.isEmpty {
                if facet == .topic {
                    for topic in value.components(separatedBy: IndexSchema.topicSeparator) { counts[topic, default: 0] += count }
                } else {
                    counts[value, default: 0] += count
                }
            }
            result[facet.rawValue] = counts
        }
        return result
    }
}
