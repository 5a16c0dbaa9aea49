import Foundation
import Xapian

/// Exact facet counts over a whole match set, from one pass of match spies.
///
/// Supplier and kind are properties of a clause's document: one `ValueCountMatchSpy` on the
/// document slot counts clauses per document, and the supplier, kind and document counts are its
/// sums. Language is one spy; the year facet sums a spy on the version date. Topics are
/// multi-valued: the index stores each clause's sorted topic set in one slot, the spy counts each
/// distinct set, and `facets()` splits the sets and sums — exact, in the same pass.
/// Not thread-safe (owns Xapian spies).
final class FacetCounter {
    private let documents = ValueCountMatchSpy(slot: IndexSchema.documentSlot)
    private let topics = ValueCountMatchSpy(slot: IndexSchema.topicsSlot)
    private let languages = ValueCountMatchSpy(slot: IndexSchema.languageSlot)
    private let dates = ValueCountMatchSpy(slot: IndexSchema.versionDateSlot)

    /// Registers the spies; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        for spy in [documents, topics, languages, dates] { enquire.addMatchSpy(spy) }
    }

    /// The number of matching clauses seen.
    var total: Int { documents.total }

    /// Document id → number of its matching clauses.
    func documentCounts() -> [String: Int] {
        Dictionary(documents.counts().map { (DocumentValue($0.value).document, $0.count) }, uniquingKeysWith: +)
    }

    /// Facet name → value → number of matching clauses (clauses without a value are not counted).
    func facets() -> [String: [String: Int]] {
        var suppliers: [String: Int] = [:], kinds: [String: Int] = [:]
        for (value, count) in documents.counts() {
            let document = DocumentValue(value)
            if !document.supplier.isEmpty { suppliers[document.supplier, default: 0] += count }
            if let kind = document.kind { kinds[kind, default: 0] += count }
        }
        var topicCounts: [String: Int] = [:]
        for (value, count) in topics.counts() where !value.isEmpty {
            for topic in value.components(separatedBy: IndexSchema.topicSeparator) { topicCounts[topic, default: 0] += count }
        }
        var years: [String: Int] = [:]
        for (value, count) in dates.counts() {
            if let year = Int(value.prefix(4)) { years[String(year), default: 0] += count }
        }
        let languageCounts = Dictionary(languages.counts().filter { !$0.value.isEmpty }.map { ($0.value, $0.count) },
                                        uniquingKeysWith: +)
        return [Facet.supplier.rawValue: suppliers, Facet.topic.rawValue: topicCounts, Facet.language.rawValue: languageCounts,
                Facet.kind.rawValue: kinds, Facet.year.rawValue: years]
    }
}
