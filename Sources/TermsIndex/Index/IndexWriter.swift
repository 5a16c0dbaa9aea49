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
    /// How this index analyses clauses (for `DocumentPreparer`s on other threads).
    let settings: AnalysisSettings
    /// Made on first use by `replace(_:)`.
    private lazy var preparer = Result { try DocumentPreparer(settings: settings) }
    /// Spelling words of the documents written since the last commit, added to Xapian's spelling
    /// table once per word when the batch is committed.
    private var pendingSpelling: [String: Int] = [:]

    /// Clauses Xapian buffers before it flushes their postings into its tables (inside a batch,
    /// without committing), unless `XAPIAN_FLUSH_THRESHOLD` is set. Xapian's default is 10 000;
    /// flushing more often keeps the pending postings (a tree per term) small: on a 10 MB sample
    /// peak RSS fell from 145 to 81 MB for the same CPU time (see Benchmarks/README.md).
    public static let flushThreshold = 2000

    /// Opens the index at `path` for writing, creating it (and its folder) if needed.
    public init(path: String) throws {
        self.path = path
        // Xapian reads it when a database is opened for writing; an explicit setting wins.
        setenv("XAPIAN_FLUSH_THRESHOLD", String(Self.flushThreshold), 0)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw TermsearchError.library(context: "creating \(path)", message: error.localizedDescription)
        }
        if IndexCompaction.isSearchOnly(path) {
            throw TermsearchError.indexUnusable(path: path, reason: IndexCompaction.searchOnlyReason)
        }
        do {
            database = try WritableDatabase(path: path, mode: .createOrOpen)
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "opening the index")
        }
        do {
            let schema = try database.metadata(IndexSchema.schemaKey)
            if schema.isEmpty {
                try IndexWriter.initialise(database, features: .all, stemmerNames: [:])
            } else if let problem = IndexSchema.schemaProblem(schema, path: path, reads: false) {
                throw TermsearchError.indexUnusable(path: path, reason: problem)
            }
            settings = try AnalysisSettings(of: database)
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "preparing the index")
        }
    }

    /// Replaces every clause of `document` in the index (adding them if it is new).
    /// Returns the number of clauses written.
    @discardableResult
    public func replace(_ document: TermsDocument) throws -> Int {
        let prepared: PreparedDocument
        do {
            prepared = try preparer.get().prepare(document)
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "analysing \(document.path) for")
        }
        return try write(prepared, replacing: true)
    }

    /// Writes a document prepared (on any thread) by a `DocumentPreparer` with this index's
    /// `settings`; `replacing`: first remove the clauses the index has of it (false only when the
    /// index is known to have none). Returns the number of clauses written.
    @discardableResult
    func write(_ prepared: PreparedDocument, replacing: Bool) throws -> Int {
        try perform("writing \(prepared.id) to") {
            if replacing { try database.delete(term: IndexSchema.booleanTerm(IndexSchema.document, prepared.id)) }
            // Clause ids are unique to their document, whose old clauses are gone: add, not replace.
            for clause in prepared.clauses { _ = try database.add(clause) }
        }
        for (word, count) in prepared.spelling { pendingSpelling[word, default: 0] += count }
        return prepared.clauses.count
    }

    /// Adds the pending spelling words to Xapian (before a commit).
    private func flushSpelling() throws {
        guard !pendingSpelling.isEmpty else { return }
        try perform("adding spelling data to") {
            for (word, count) in pendingSpelling { try database.addSpelling(word, frequencyIncrement: count) }
        }
        pendingSpelling = [:]
    }

    /// Creates an empty index at `path` that will be built with `features` (the index-time ones
    /// are kept in its metadata) and the given stemmers (language → Xapian stemmer name; the
    /// default for a language left out). `init(path:)` then writes to it as it was created.
    /// Throws if the index already exists: its terms were made with other settings.
    public static func create(path: String, features: MatchingFeatures, stemmerNames: [Language: String] = [:]) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let database = try WritableDatabase(path: path, mode: .createOrOpen)
            guard try database.metadata(IndexSchema.schemaKey).isEmpty else {
                throw TermsearchError.indexUnusable(path: path, reason: "it already exists; delete it to build it with other matching features")
            }
            try initialise(database, features: features, stemmerNames: stemmerNames)
            try database.close()
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: path, doing: "creating the index")
        } catch let error as TermsearchError {
            throw error
        } catch {
            throw TermsearchError.library(context: "creating \(path)", message: error.localizedDescription)
        }
    }

    /// The index-time matching features of an index (an index from before they were recorded
    /// was built with stemming only).
    static func features(of database: Database) throws -> MatchingFeatures {
        let text = try database.metadata(IndexSchema.featuresKey)
        return text.isEmpty ? [.stemming] : (MatchingFeatures(parsing: text) ?? [.stemming])
    }

    /// Writes the metadata of a new index, and its party synonyms when `features` has them.
    private static func initialise(_ database: WritableDatabase, features: MatchingFeatures, stemmerNames: [Language: String]) throws {
        try database.setMetadata(IndexSchema.schemaKey, String(IndexSchema.version))
        for language in Language.allCases {
            try database.setMetadata(IndexSchema.stemmerKey(language), stemmerNames[language] ?? language.defaultStemmerName)
        }
        let indexFeatures = features.intersection(MatchingFeatures.indexTime)
        try database.setMetadata(IndexSchema.featuresKey, indexFeatures.description)
        if indexFeatures.contains(.partySynonyms) {
            try writePartySynonyms(database, stemmerNames: stemmerNames, stemming: indexFeatures.contains(.stemming))
        }
    }

    /// Adds the party names (`PartySynonyms`) to Xapian's synonym table, keyed the way Xapian
    /// 1.4's QueryParser looks them up with FLAG_AUTO_SYNONYMS: it first tries the unstemmed word,
    /// and when that has no synonyms, `Z` + its stem, and uses the synonyms it finds as terms
    /// verbatim. So with stemming the keys and synonyms are `Z`-stems (`Zklant` → `Zopdrachtgever`,
    /// matching the stemmed terms of the clauses); without, plain words. Each language's names go
    /// through its own stemmer. Multi-word names are left out: 1.4 would take "service provider" as
    /// one term that never occurs.
    private static func writePartySynonyms(_ database: WritableDatabase, stemmerNames: [Language: String], stemming: Bool) throws {
        for language in Language.allCases {
            let stem = try Stem(language: stemmerNames[language] ?? language.defaultStemmerName)
            let pairs = PartySynonyms.synonymPairs(stem: { stemming ? stem($0) : $0.lowercased() }, language: language)
            for (term, synonym) in pairs where !term.contains(" ") && !synonym.contains(" ") {
                try database.addSynonym(stemming ? "Z" + term : term, stemming ? "Z" + synonym : synonym)
            }
        }
    }

    /// Removes every clause of the document with `documentID`.
    public func remove(documentID: String) throws {
        try perform("removing \(documentID) from") {
            try database.delete(term: IndexSchema.booleanTerm(IndexSchema.document, documentID))
        }
    }

    // MARK: Batches and file records

    /// Starts a batch: everything written until `commitBatch()` becomes durable and visible together,
    /// or (after a crash or `cancelBatch()`) not at all. Commits anything pending first.
    public func beginBatch() throws {
        try flushSpelling()
        try perform("starting a batch in") { try database.beginTransaction(flushed: true) }
    }

    /// Makes the batch durable and visible to readers.
    public func commitBatch() throws {
        try flushSpelling()
        try perform("committing a batch to") { try database.commitTransaction() }
    }

    /// Discards everything written since `beginBatch()`.
    public func cancelBatch() throws {
        pendingSpelling = [:]
        try perform("cancelling a batch in") { try database.cancelTransaction() }
    }

    /// The record of the file indexed as `documentID`, if any.
    public func fileRecord(documentID: String) throws -> FileRecord? {
        var value = ""
        try perform("reading a file record from") { value = try database.metadata(IndexSchema.fileRecordKey(documentID)) }
        return FileRecord.decode(value)
    }

    /// Stores `record` (in the current batch, if one is open).
    public func setFileRecord(_ record: FileRecord) throws {
        try perform("writing a file record to") {
            try database.setMetadata(IndexSchema.fileRecordKey(record.document), try record.encoded())
        }
    }

    /// Removes the record of `documentID`.
    public func removeFileRecord(documentID: String) throws {
        try perform("removing a file record from") { try database.setMetadata(IndexSchema.fileRecordKey(documentID), "") }
    }

    /// Every file record in the index, in key order.
    public func fileRecords() throws -> [FileRecord] {
        var records: [FileRecord] = []
        try perform("reading the file records of") { records = try FileRecord.all(in: database) }
        return records
    }

    /// Makes everything written so far durable and visible to readers.
    public func commit() throws {
        try flushSpelling()
        try perform("committing") { try database.commit() }
    }

    /// Commits and releases the write lock.
    public func close() throws {
        try flushSpelling()
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
