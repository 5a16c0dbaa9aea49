import Foundation
import Xapian

/// Writes clauses into an on-disk Xapian index.
///
/// Wraps one `WritableDatabase`: use it from one thread or task at a time. A second writer on
/// the same index fails with `TermsearchError.indexLocked`.
public final class IndexWriter {
    /// Where the index lives.
    public let path: String
    private let database: WritableDatabase
    private let analyzers: [Language: ClauseAnalyzer]

    /// Opens the index at `path` for writing, creating it (and its folder) if needed.
    public init(path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw TermsearchError.library(context: "creating \(path)", message: error.localizedDescription)
        }
        do {
            database = try WritableDatabase(path: path, mode: .createOrOpen)
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "opening the index")
        }
        var analyzers: [Language: ClauseAnalyzer] = [:]
        do {
            let schema = try database.metadata(IndexSchema.schemaKey)
            if schema.isEmpty {
                try database.setMetadata(IndexSchema.schemaKey, String(IndexSchema.version))
                for language in Language.allCases {
                    try database.setMetadata(IndexSchema.stemmerKey(language), language.defaultStemmerName)
                }
            } else if schema != String(IndexSchema.version) {
                throw TermsearchError.indexUnusable(
                    path: path, reason: "it has schema version \(schema), this termsearch writes \(IndexSchema.version); delete it and index again")
            }
            for language in Language.allCases {
                let name = try database.metadata(IndexSchema.stemmerKey(language))
                analyzers[language] = try ClauseAnalyzer(language: language, stemmer: name.isEmpty ? language.defaultStemmerName : name,
                                                          spelling: database)
            }
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "preparing the index")
        }
        self.analyzers = analyzers
    }

    /// Replaces every clause of `document` in the index (adding them if it is new).
    /// Returns the number of clauses written.
    @discardableResult
    public func replace(_ document: TermsDocument) throws -> Int {
        try perform("writing \(document.path) to") {
            try database.delete(term: IndexSchema.booleanTerm(IndexSchema.document, document.id))
            for (ordinal, clause) in document.clauses.enumerated() {
                let stored = StoredClause(clause, of: document, ordinal: ordinal)
                let xapianDocument = try analyzers[clause.language]!.document(for: stored)
                try database.replace(uniqueTerm: IndexSchema.uniqueID + stored.id, with: xapianDocument)
            }
        }
        return document.clauses.count
    }

    /// Removes every clause of the document with `documentID`.
    public func remove(documentID: String) throws {
        try perform("removing \(documentID) from") {
            try database.delete(term: IndexSchema.booleanTerm(IndexSchema.document, documentID))
        }
    }

    /// Makes everything written so far durable and visible to readers.
    public func commit() throws {
        try perform("committing") { try database.commit() }
    }

    /// Commits and releases the write lock.
    public func close() throws {
        try perform("closing") { try database.close() }
    }

    private func perform(_ context: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "\(context) the index at")
        }
    }
}
