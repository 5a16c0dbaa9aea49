import Foundation
import Xapian

/// Exact facet counts over a whole match set, from one pass of two match spies.
///
/// Supplier, kind and version date are properties of a clause's document: one spy on the
/// document slot counts clauses per document, and the supplier, kind, year and document counts are
/// its sums. Language and topics are the clause's own: one spy on the facet slot counts each
/// distinct (language, topic set), and `facets()` splits the sets and sums (a clause with several
/// topics counts once for each). Reading values is what costs, so two values per match, not one
/// per facet. Not thread-safe (owns Xapian spies).
final class FacetCounter {
    private let documents = ValueCountMatchSpy(slot: IndexSchema.documentSlot)
    private let clauses = ValueCountMatchSpy(slot: IndexSchema.facetSlot)
    private lazy var documentValues: [(value: DocumentValue, count: Int)] = documents.counts().map { (DocumentValue($0.value), $0.count) }

    /// Registers the spies; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        enquire.addMatchSpy(documents)
        enquire.addMatchSpy(clauses)
    }

    /// The number of matching clauses seen.
    var total: Int { documents.total }

    /// Document id → number of its matching clauses.
    func documentCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for (value, count) in documentValues { counts[value.document, default: 0] += count }
        return counts
    }

    /// Facet name → value → number of matching clauses (clauses without a value are not counted).
    func facets() -> [String: [String: Int]] {
        var suppliers: [String: Int] = [:], kinds: [String: Int] = [:], years: [String: Int] = [:]
        for (value, count) in documentValues {
            if !value.supplier.isEmpty { suppliers[value.supplier, default: 0] += count }
            if let kind = value.kind { kinds[kind, default: 0] += count }
            if let year = value.versionDate.flatMap({ Int($0.prefix(4)) }) { years[String(year), default: 0] += count }
        }
        var languages: [String: Int] = [:], topics: [String: Int] = [:]
        for (raw, count) in clauses.counts() {
            let value = FacetValue(raw)
            if !value.language.isEmpty { languages[value.language, default: 0] += count }
            for topic in value.topics { topics[topic, default: 0] += count }
        }
        return [Facet.supplier.rawValue: suppliers, Facet.topic.rawValue: topics, Facet.language.rawValue: languages,
                Facet.kind.rawValue: kinds, Facet.year.rawValue: years]
    }
}
