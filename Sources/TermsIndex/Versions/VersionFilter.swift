import Foundation

extension TermsSearcher {
    /// `filters` limited to the current version of each version group (`asOf` nil), or to the
    /// version in force on `asOf` (ISO date, year or month); documents with no other version stay in.
    /// Reads the document listing, so it costs one pass over the index's documents.
    public func limitingToVersions(_ filters: SearchFilters, asOf: String?) throws -> SearchFilters {
        try limitingToVersions(filters, asOf: asOf, unlessAllInForce: false)
    }

    /// As `limitingToVersions(_:asOf:)`, but `filters` unchanged when `unlessAllInForce` and no
    /// document is left out (an index without two versions of one supplier's terms), so the
    /// answer, which echoes its filters, stays what it was without the limit.
    public func limitingToVersions(_ filters: SearchFilters, asOf: String?, unlessAllInForce: Bool) throws -> SearchFilters {
        let members = try documents().documents.map(\.versionMember)
        var allowed = asOf.map { VersionGroups.documents(asOf: $0, members) } ?? VersionGroups.currentDocuments(members)
        if unlessAllInForce, allowed.count == Set(members.map(\.document)).count { return filters }
        if !filters.documents.isEmpty { allowed.formIntersection(filters.documents) }
        var limited = filters
        // An empty list would mean "no filter"; an id no document has means "nothing".
        limited.documents = allowed.isEmpty ? ["\u{1}no-version-in-force"] : allowed.sorted()
        return limited
    }
}
