import CXapian

/// A Xapian document id; 0 is never a valid id.
public typealias DocumentID = UInt32

/// A read-only Xapian database: a local directory or stub file, a remote server, or several shards.
///
/// Not thread-safe (Xapian objects are not): confine each instance to one thread or actor.
public class Database {
    let handle: OpaquePointer
    /// Counts the `reopen()` calls that moved to another revision: anything derived from the
    /// database's contents and kept beside it is stale once this changes.
    public private(set) var generation = 0

    init(handle: OpaquePointer) { self.handle = handle }

    deinit { cx_db_free(handle) }

    /// Opens the database at `path` read-only (a database directory or a Xapian stub file).
    public init(path: String) throws {
        handle = try makeHandle { cx_db_open(path, path.utf8.count, $0) }
    }

    /// Opens a remote database served by `xapian-tcpsrv` over TCP; timeouts in seconds.
    public init(remoteHost: String, port: Int, timeout: Double = 10, connectTimeout: Double = 10) throws {
        let ms = { (seconds: Double) in UInt32(clamping: Int((seconds * 1000).rounded())) }
        handle = try makeHandle {
            cx_db_open_remote(remoteHost, remoteHost.utf8.count, UInt32(clamping: port),
                              ms(timeout), ms(connectTimeout), $0)
        }
    }

    /// Searches several databases as one (document ids are interleaved across the shards).
    public init(combining databases: [Database]) throws {
        let combined = try makeHandle { cx_db_new_empty($0) }
        do {
            for database in databases {
                _ = try shimCall { cx_db_add_database(combined, database.handle, $0) }
            }
        } catch {
            cx_db_free(combined)
            throw error
        }
        handle = combined
    }

    /// Adds `other` as a further shard of this database.
    public func addDatabase(_ other: Database) throws {
        _ = try shimCall { cx_db_add_database(handle, other.handle, $0) }
    }

    /// The number of documents.
    public var documentCount: Int {
        get throws {
            var n: UInt64 = 0
            _ = try shimCall { cx_db_doccount(handle, &n, $0) }
            return Int(n)
        }
    }

    /// The highest document id ever used (0 if none).
    public var lastDocumentID: DocumentID {
        get throws {
            var id: UInt32 = 0
            _ = try shimCall { cx_db_lastdocid(handle, &id, $0) }
            return id
        }
    }

    /// The average document length in terms.
    public var averageLength: Double {
        get throws {
            var length = 0.0
            _ = try shimCall { cx_db_avlength(handle, &length, $0) }
            return length
        }
    }

    /// Moves to the latest committed revision; returns whether anything changed.
    @discardableResult
    public func reopen() throws -> Bool {
        var changed: Int32 = 0
        _ = try shimCall { cx_db_reopen(handle, &changed, $0) }
        if changed != 0 { generation &+= 1 }
        return changed != 0
    }

    /// Closes the database; a writable database commits first. Later calls throw `.database`.
    public func close() throws {
        _ = try shimCall { cx_db_close(handle, $0) }
    }

    /// The user metadata stored under `key`, or "" if unset.
    public func metadata(_ key: String) throws -> String {
        try fetchString { cx_db_metadata(handle, key, key.utf8.count, $0, $1) }
    }

    /// The metadata keys starting with `prefix`, in byte order.
    public func metadataKeys(prefix: String = "") throws -> [String] {
        try collectStrings { cx_db_metadata_keys(handle, prefix, prefix.utf8.count, $0, $1, $2) }
    }

    /// The number of documents indexed by `term`.
    public func termFrequency(_ term: String) throws -> Int {
        var n: UInt64 = 0
        _ = try shimCall { cx_db_termfreq(handle, term, term.utf8.count, &n, $0) }
        return Int(n)
    }

    /// The total number of occurrences (sum of wdf) of `term`.
    public func collectionFrequency(_ term: String) throws -> Int {
        var n: UInt64 = 0
        _ = try shimCall { cx_db_collfreq(handle, term, term.utf8.count, &n, $0) }
        return Int(n)
    }

    /// Whether any document is indexed by `term`.
    public func termExists(_ term: String) throws -> Bool {
        var exists: Int32 = 0
        _ = try shimCall { cx_db_term_exists(handle, term, term.utf8.count, &exists, $0) }
        return exists != 0
    }

    /// The document with `id`; throws `.docNotFound` if there is none, `.invalidArgument` for 0.
    public func document(_ id: DocumentID) throws -> Document {
        Document(handle: try makeHandle { cx_db_document(handle, id, $0) })
    }

    /// Calls `body(term, termFrequency)` for each term starting with `prefix`, in byte order.
    public func allTerms(prefix: String = "", _ body: (String, Int) throws -> Void) throws {
        var thrown: Error?
        try visitStrings({ cx_db_allterms(handle, prefix, prefix.utf8.count, $0, $1, $2) }) { bytes, freq in
            do {
                try body(String(decoding: bytes, as: UTF8.self), Int(freq))
                return false
            } catch {
                thrown = error
                return true
            }
        }
        if let thrown { throw thrown }
    }

    /// The ids of the documents indexed by `term`, ascending.
    public func postings(_ term: String) throws -> [DocumentID] {
        try collectDocIDs { cx_db_postings(handle, term, term.utf8.count, $0, $1, $2) }
    }

    /// The best spelling correction for `word` from the spelling data, or "" if none.
    public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws -> String {
        try fetchString {
            cx_db_spelling_suggestion(handle, word, word.utf8.count, maxEditDistance.clampedUInt32, $0, $1)
        }
    }

    /// The synonyms stored for `term`.
    public func synonyms(of term: String) throws -> [String] {
        try collectStrings { cx_db_synonyms(handle, term, term.utf8.count, $0, $1, $2) }
    }

    /// Writes a compacted copy of this database (all shards merged) to `path`.
    public func compact(to path: String, multipass: Bool = false, singleFile: Bool = false) throws {
        var flags: UInt32 = 0
        if multipass { flags |= 8 }  // Xapian::DBCOMPACT_MULTIPASS
        if singleFile { flags |= 16 }  // Xapian::DBCOMPACT_SINGLE_FILE
        _ = try shimCall { cx_db_compact(handle, path, path.utf8.count, flags, $0) }
    }

    /// Checks the database at `path` for consistency; returns the error count and the report text.
    public static func check(path: String) throws -> (errors: Int, report: String) {
        var errors: UInt64 = 0
        let report = try fetchString {
            cx_db_check(path, path.utf8.count, 8 /* Xapian::DBCHECK_SHOW_STATS */, &errors, $0, $1)
        }
        return (Int(errors), report)
    }
}

/// A database open for writing; only one writer per database at a time (others get `.lock`).
///
/// Not thread-safe: confine it to one writer task. Call `commit()` or `close()` explicitly:
/// `deinit` also commits, but Xapian's destructor swallows any error doing so.
public final class WritableDatabase: Database {
    /// How to open the database (Xapian's DB_CREATE_OR_OPEN, DB_CREATE, DB_OPEN, DB_CREATE_OR_OVERWRITE).
    public enum OpenMode: Sendable {
        /// Open it, creating it if missing.
        case createOrOpen
        /// Create it; fail if it exists.
        case create
        /// Open it; fail if missing.
        case open
        /// Create it, replacing any existing database.
        case overwrite

        var action: Int32 {
            switch self {
            case .createOrOpen: return 0
            case .overwrite: return 1
            case .create: return 2
            case .open: return 3
            }
        }
    }

    /// Opens (or creates) the database at `path` for writing.
    public init(path: String, mode: OpenMode = .createOrOpen) throws {
        let action = mode.action
        super.init(handle: try makeHandle { cx_db_open_writable(path, path.utf8.count, action, $0) })
    }

    /// Adds a document and returns its new id.
    @discardableResult
    public func add(_ document: Document) throws -> DocumentID {
        var id: UInt32 = 0
        _ = try shimCall { cx_wdb_add_document(handle, document.handle, &id, $0) }
        return id
    }

    /// Replaces the documents indexed by `uniqueTerm` (or adds one); returns the document's id.
    @discardableResult
    public func replace(uniqueTerm: String, with document: Document) throws -> DocumentID {
        var id: UInt32 = 0
        _ = try shimCall {
            cx_wdb_replace_document_term(handle, uniqueTerm, uniqueTerm.utf8.count, document.handle, &id, $0)
        }
        return id
    }

    /// Replaces the document with `id` (adding it under that id if absent).
    public func replace(_ id: DocumentID, with document: Document) throws {
        _ = try shimCall { cx_wdb_replace_document(handle, id, document.handle, $0) }
    }

    /// Deletes the document with `id`; throws `.docNotFound` if there is none.
    public func delete(_ id: DocumentID) throws {
        _ = try shimCall { cx_wdb_delete_document(handle, id, $0) }
    }

    /// Deletes every document indexed by `term` (no error if there are none).
    public func delete(term: String) throws {
        _ = try shimCall { cx_wdb_delete_document_term(handle, term, term.utf8.count, $0) }
    }

    /// Commits pending changes to disk.
    public func commit() throws {
        _ = try shimCall { cx_wdb_commit(handle, $0) }
    }

    /// Starts a transaction; `flushed` commits pending changes first and the transaction on success.
    public func beginTransaction(flushed: Bool = true) throws {
        _ = try shimCall { cx_wdb_begin_transaction(handle, flushed ? 1 : 0, $0) }
    }

    /// Ends the current transaction, keeping its changes.
    public func commitTransaction() throws {
        _ = try shimCall { cx_wdb_commit_transaction(handle, $0) }
    }

    /// Ends the current transaction, discarding its changes.
    public func cancelTransaction() throws {
        _ = try shimCall { cx_wdb_cancel_transaction(handle, $0) }
    }

    /// Stores user metadata under `key`; an empty value removes it.
    public func setMetadata(_ key: String, _ value: String) throws {
        _ = try shimCall { cx_wdb_set_metadata(handle, key, key.utf8.count, value, value.utf8.count, $0) }
    }

    /// Adds `word` to the spelling dictionary.
    public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws {
        _ = try shimCall {
            cx_wdb_add_spelling(handle, word, word.utf8.count, frequencyIncrement.clampedUInt32, $0)
        }
    }

    /// Records `synonym` as a synonym of `term` (for the query parser's synonym flags).
    public func addSynonym(_ term: String, _ synonym: String) throws {
        _ = try shimCall {
            cx_wdb_add_synonym(handle, term, term.utf8.count, synonym, synonym.utf8.count, $0)
        }
    }

    /// Removes all synonyms of `term`.
    public func clearSynonyms(_ term: String) throws {
        _ = try shimCall { cx_wdb_clear_synonyms(handle, term, term.utf8.count, $0) }
    }
}
