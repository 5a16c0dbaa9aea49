import Foundation
import Xapian

/// One indexed document as `termsearch documents` lists it: what ingestion read, for a user to
/// review (and correct in the manifest).
public struct IndexedDocument: Codable, Sendable, Equatable {
    /// The document id (`document:` filter, the part of a clause id before `#`).
    public var document: String
    /// The file it was read from.
    public var path: String
    public var supplier: String
    public var title: String
    /// The ISO version date, if known.
    public var version: String?
    /// The version as the document writes it ("Versie 2.1", "mei 2018").
    public var versionLabel: String?
    /// The document kind (general-terms, privacy-statement, ...).
    public var kind: String?
    /// Languages of its clauses, the most frequent first.
    public var languages: [String]
    /// Number of clauses (clause pieces count one each).
    public var clauses: Int
    /// The last page any clause starts on, for PDFs.
    public var pages: Int?
    /// The document this one is declared a later version of (the manifest's `versionOf`), if any.
    public var versionOf: String? = nil
    /// The versions this document is one of ("matteman/general-terms-b2b/nl"): the same supplier, kind and
    /// language with another version date, or linked by `versionOf`. Nil for a document with no other version.
    public var versionGroup: String? = nil
    /// Whether this is the latest version of its group (nil when it has no group).
    public var current: Bool? = nil
    /// The document of the version before this one (`termsearch diff PREVIOUS DOCUMENT`).
    public var previousVersion: String? = nil
}

extension IndexedDocument {
    /// What version grouping needs of the document.
    public var versionMember: VersionGroups.Member {
        VersionGroups.Member(document: document, supplier: supplier, kind: kind, language: languages.first,
                             versionDate: version, versionLabel: versionLabel, versionOf: versionOf)
    }
}

/// A file the indexer could not read, and why.
public struct FailedFile: Codable, Sendable, Equatable {
    public var document: String
    public var path: String
    public var reason: String
}

/// Every document of an index and every file that failed.
public struct DocumentListing: Codable, Sendable, Equatable {
    /// Indexed documents, by supplier then title then id.
    public var documents: [IndexedDocument]
    /// Failed files, by path. Empty for indexes served over TCP (their file records are remote).
    public var failed: [FailedFile]
}

extension TermsSearcher {
    /// The documents of the index with the metadata ingestion gave them, and the files that failed.
    public func documents() throws -> DocumentListing {
        try withReopenOnModification {
            let records = try fileRecords()
            var declared: [String: String] = [:]
            for record in try records + remoteFileRecords() where record.status == .indexed { declared[record.document] = record.versionOf }
            var ids: [String] = []
            try database.allTerms(prefix: IndexSchema.document) { term, _ in ids.append(String(term.dropFirst(IndexSchema.document.count))) }
            var documents: [IndexedDocument] = []
            for id in ids {
                let clauses = try outlineUnchecked(document: id)
                guard let first = clauses.first else { continue }
                var languageCounts: [String: Int] = [:]
                for clause in clauses { languageCounts[clause.language.rawValue, default: 0] += 1 }
                documents.append(IndexedDocument(
                    document: first.document, path: first.path, supplier: first.supplier, title: first.title,
                    version: first.versionDate, versionLabel: first.versionLabel, kind: first.kind,
                    languages: languageCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                    clauses: clauses.count, pages: clauses.compactMap(\.page).max(), versionOf: declared[first.document]))
            }
            let placements = VersionGroups.placements(documents.map(\.versionMember))
            for k in documents.indices {
                guard let p = placements[documents[k].document] else { continue }
                documents[k].versionGroup = p.group
                documents[k].current = p.current
                documents[k].previousVersion = p.previous
            }
            documents.sort { ($0.supplier.lowercased(), $0.title, $0.document) < ($1.supplier.lowercased(), $1.title, $1.document) }
            let failed = records.filter { $0.status == .failed }
                .map { FailedFile(document: $0.document, path: $0.path, reason: $0.reason ?? "unknown") }
                .sorted { $0.path < $1.path }
            return DocumentListing(documents: documents, failed: failed)
        }
    }

    /// Every clause of the document `id` in document order; throws `documentNotFound` for an id
    /// the index lacks.
    public func outline(document id: String) throws -> [StoredClause] {
        let clauses = try withReopenOnModification { try outlineUnchecked(document: id) }
        guard !clauses.isEmpty else { throw TermsearchError.documentNotFound(id: id) }
        return clauses
    }

    private func outlineUnchecked(document id: String) throws -> [StoredClause] {
        let records = DocumentRecords(database)
        return try database.postings(IndexSchema.booleanTerm(IndexSchema.document, id))
            .map { try records.clause(try database.document($0).data) }
            .sorted { $0.ordinal < $1.ordinal }
    }

    /// The file records of every local database of the index (Xapian reads user metadata from the
    /// first database of a combination only, so shards are opened one by one).
    private func fileRecords() throws -> [FileRecord] {
        var records: [FileRecord] = []
        for path in paths where Self.remoteAddress(path) == nil {
            for databasePath in IndexLayout.shardPaths(of: path) ?? [path] {
                let shard = try Database(path: databasePath)
                records += try FileRecord.all(in: shard)
            }
        }
        return records
    }

    /// The file records of the `tcp://` databases of the index, each read over a connection of its
    /// own (a stub file's `remote` lines are not followed).
    private func remoteFileRecords() throws -> [FileRecord] {
        try paths.compactMap(Self.remoteAddress).flatMap { try FileRecord.all(in: Database(remoteHost: $0.host, port: $0.port)) }
    }
}
