import Foundation
import Xapian

/// Exact facet counts over a whole match set, from one pass of two match spies.
///
/// Supplier, kind and version date are properties of a clause's document: one spy on the
/// document slot counts clauses per document, and the supplier, kind, year and document counts are
/// its sums. Language and topics are the clause's own: one spy on the facet slot counts each
/// distinct (language, topic set), and `facets()` splits the sets and sums (a clause with several
/// topics counts once for each). The spies read no values during the match: they count by the
/// `FacetTable`'s value codes, so a match costs two array lookups where reading its two values
/// cost most of the pass. Without a table (a remote index: Xapian runs only its own spies there)
/// they read the values. Not thread-safe (owns Xapian spies).
final class FacetCounter {
    private enum Spies {
        case codes(FacetTable, documents: CodeCountMatchSpy, clauses: CodeCountMatchSpy)
        case values(documents: ValueCountMatchSpy, clauses: ValueCountMatchSpy)
    }
    private let spies: Spies
    private lazy var documentValues: [(value: DocumentValue, count: Int)] = {
        switch spies {
        case let .codes(table, documents, _): return Self.nonZero(documents.counts(), table.documentValues)
        case let .values(documents, _): return documents.counts().map { (DocumentValue($0.value), $0.count) }
        }
    }()

    /// A counter by the codes of `table`, which must describe the database the search runs on;
    /// by the values themselves when `table` is nil.
    init(table: FacetTable?) {
        if let table {
            spies = .codes(table, documents: CodeCountMatchSpy(codes: table.documents), clauses: CodeCountMatchSpy(codes: table.clauses))
        } else {
            spies = .values(documents: ValueCountMatchSpy(slot: IndexSchema.documentSlot), clauses: ValueCountMatchSpy(slot: IndexSchema.facetSlot))
        }
    }

    /// Registers the spies; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        switch spies {
        case let .codes(_, documents, clauses):
            enquire.addMatchSpy(documents)
            enquire.addMatchSpy(clauses)
        case let .values(documents, clauses):
            enquire.addMatchSpy(documents)
            enquire.addMatchSpy(clauses)
        }
    }

    /// The number of matching clauses seen.
    var total: Int {
        switch spies {
        case let .codes(_, documents, _):
            assert(documents.outside == 0, "the facet table is older than the database")
            return documents.total
        case let .values(documents, _): return documents.total
        }
    }

    /// Facet value → count, from the facet slot's spy.
    private func facetValues() -> [(value: FacetValue, count: Int)] {
        switch spies {
        case let .codes(table, _, clauses): return Self.nonZero(clauses.counts(), table.facetValues)
        case let .values(_, clauses): return clauses.counts().map { (FacetValue($0.value), $0.count) }
        }
    }

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
        for (value, count) in facetValues() {
            if !value.language.isEmpty { languages[value.language, default: 0] += count }
            for topic in value.topics { topics[topic, default: 0] += count }
        }
        return [Facet.supplier.rawValue: suppliers, Facet.topic.rawValue: topics, Facet.language.rawValue: languages,
                Facet.kind.rawValue: kinds, Facet.year.rawValue: years]
    }

    /// The values seen, with their counts: as a value-count spy gives them (code 0, no value, is left out).
    private static func nonZero<Value>(_ counts: [Int], _ values: [Value]) -> [(value: Value, count: Int)] {
        counts.indices.dropFirst().compactMap { counts[$0] > 0 ? (values[$0], counts[$0]) : nil }
    }
}

/// The facet slots of every clause of an index, as value codes (`ValueCodes`) with the decoded
/// value of each code: read once (about 0.1 s of CPU for the 554,005 clauses of the 200 MB
/// benchmark index, and 4 bytes per clause and slot), then every faceted search counts by it.
final class FacetTable {
    let documents: ValueCodes
    let clauses: ValueCodes
    let documentValues: [DocumentValue]
    let facetValues: [FacetValue]

    init(database: Database) throws {
        documents = try ValueCodes(database: database, slot: IndexSchema.documentSlot)
        clauses = try ValueCodes(database: database, slot: IndexSchema.facetSlot)
        documentValues = documents.values.map { DocumentValue(String(decoding: $0, as: UTF8.self)) }
        facetValues = clauses.values.map { FacetValue(String(decoding: $0, as: UTF8.self)) }
    }
}

/// The `FacetTable` of one database, read on first use and again once the database has moved to
/// another revision (`Database.generation`). Not thread-safe: belongs to one `TermsSearcher`.
final class FacetTables {
    private var usable = true
    private var table: FacetTable?
    private var generation: Int?

    /// The table describing `database` as it is now; nil when the database cannot use one: several
    /// shards (a spy sees each shard's own document ids), or one served by `xapian-tcpsrv` (a
    /// remote search runs only Xapian's own match spies). Then the counter reads the values.
    func table(for database: Database) throws -> FacetTable? {
        guard usable else { return nil }
        if let table, generation == database.generation { return table }
        table = nil
        do {
            let fresh = try FacetTable(database: database)
            // Xapian refuses a spy of ours only when a search is prepared: try an estimate with one.
            let probe = Enquire(database: database)
            probe.setQuery(Query(term: IndexSchema.booleanTerm(IndexSchema.language, Language.dutch.rawValue)))
            probe.addMatchSpy(CodeCountMatchSpy(codes: fresh.documents))
            _ = try probe.mset(first: 0, maxItems: 0, checkAtLeast: 0)
            table = fresh
            generation = database.generation
            return fresh
        } catch let error as XapianError where error.kind == .unimplemented {
            usable = false
            return nil
        }
    }
}
