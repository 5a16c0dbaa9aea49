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
/// cost most of the pass. Not thread-safe (owns Xapian spies).
final class FacetCounter {
    private let table: FacetTable
    private let documents: CodeCountMatchSpy
    private let clauses: CodeCountMatchSpy
    private lazy var documentValues: [(value: DocumentValue, count: Int)] = Self.nonZero(documents.counts(), table.documentValues)

    /// A counter by the codes of `table`, which must describe the database the search runs on.
    init(table: FacetTable) {
        self.table = table
        documents = CodeCountMatchSpy(codes: table.documents)
        clauses = CodeCountMatchSpy(codes: table.clauses)
    }

    /// Registers the spies; the next `mset` must use `checkAtLeast` ≥ the document count.
    func register(on enquire: Enquire) {
        enquire.addMatchSpy(documents)
        enquire.addMatchSpy(clauses)
    }

    /// The number of matching clauses seen.
    var total: Int {
        assert(documents.outside == 0, "the facet table is older than the database")
        return documents.total
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
        for (value, count) in Self.nonZero(clauses.counts(), table.facetValues) {
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
/// value of each code: read once (about half a second for the 554,005 clauses of the 200 MB
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
    private var table: FacetTable?
    private var generation: Int?

    /// The table describing `database` as it is now.
    func table(for database: Database) throws -> FacetTable {
        if let table, generation == database.generation { return table }
        table = nil
        let fresh = try FacetTable(database: database)
        table = fresh
        generation = database.generation
        return fresh
    }
}
