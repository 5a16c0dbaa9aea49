import Foundation

/// Two indexed documents compared as versions: the comparison `termsearch diff --index … OLD NEW`
/// prints and the clauses it was made from (pieces joined, by key), for showing them side by side.
public struct IndexedVersionPair: Sendable {
    public var comparison: VersionComparison
    /// The old version's clauses by key (`VersionComparison.ClauseReference.key`).
    public var oldClauses: [String: VersionClause]
    /// The new version's clauses by key.
    public var newClauses: [String: VersionClause]
}

extension TermsSearcher {
    /// One indexed document as a version: its metadata and its clauses (throws `documentNotFound`).
    public func version(document id: String) throws -> (version: VersionComparison.Version, clauses: [VersionClause]) {
        let stored = try outline(document: id)
        return (VersionComparison.Version(stored), stored.map(VersionClause.init))
    }

    /// The documents `old` and `new` of the index compared clause by clause, as `termsearch diff` does.
    public func compareVersions(old: String, new: String) throws -> IndexedVersionPair {
        let a = try version(document: old), b = try version(document: new)
        let comparison = VersionComparison(old: a.version, oldClauses: a.clauses, new: b.version, newClauses: b.clauses)
        func byKey(_ clauses: [VersionClause]) -> [String: VersionClause] {
            Dictionary(VersionClause.joiningPieces(clauses).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return IndexedVersionPair(comparison: comparison, oldClauses: byKey(a.clauses), newClauses: byKey(b.clauses))
    }
}
