import Foundation
import Xapian

/// Exact facet counts over a whole match set, from one pass of one match spy.
///
/// The spy counts the distinct values of `IndexSchema.facetSlot` (a clause's document, language,
/// version date and topics in one value: reading values is what costs, so one value per match);
/// `facets()` splits them and sums. Topics are multi-valued: a clause with several counts once for
/// each. Not thread-safe (owns a Xapian spy).
final class FacetCounter {
    private let spy = ValueCountMatchSpy(slot: IndexSchema.facetSlot)
    private lazy var values: [(value: FacetValue, count: Int)] = spy.counts().map { (FacetValue($0.value), $0.count) }

    /// Registers the spy; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        enquire.addMatchSpy(spy)
    }

    /// The number of matching clauses seen.
    var total: Int { spy.total }

    /// Document id → number of its matching clauses.
    func documentCounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        for (value, count) in values { counts[value.document.document, default: 0] += count }
        return counts
    }

    /// Facet name → value → number of matching clauses (clauses without a value are not counted).
    func facets() -> [String: [String: Int]] {
        var suppliers: [String: Int] = [:], kinds: [String: Int] = [:], topics: [String: Int] = [:]
        var languages: [String: Int] = [:], years: [String: Int] = [:]
        for (value, count) in values {
            if !value.document.supplier.isEmpty { suppliers[value.document.supplier, default: 0] += count }
            if let kind = value.document.kind { kinds[kind, default: 0] += count }
            for topic in value.topics { topics[topic, default: 0] += count }
            if !value.language.isEmpty { languages[value.language, default: 0] += count }
            if let year = value.versionDate.flatMap({ Int($0.prefix(4)) }) { years[String(year), default: 0] += count }
        }
        return [Facet.supplier.rawValue: suppliers, Facet.topic.rawValue: topics, Facet.language.rawValue: languages,
                Facet.kind.rawValue: kinds, Facet.year.rawValue: years]
    }
}
