import CXapian

/// A Snowball stemmer. Not thread-safe: confine each instance to one thread or actor.
public final class Stem {
    let handle: OpaquePointer

    deinit { cx_stem_free(handle) }

    /// Creates the stemmer for `language` ("dutch", "english", "kraaij_pohlmann", "none", ..., and
    /// termsearch's "kraaij_pohlmann_ge": Kraaij–Pohlmann taking `ge` off past participles only);
    /// throws `.invalidArgument` for an unknown language.
    public init(language: String) throws {
        handle = try makeHandle { cx_stem_new(language, language.utf8.count, $0) }
    }

    /// Creates the stemmer for `language` that remembers the stems of up to `memoCapacity`
    /// distinct words: the same stems, for a fraction of the work on real text, where most words
    /// repeat (then give each thread its own). Throws as `init(language:)`.
    public init(language: String, memoCapacity: Int) throws {
        handle = try makeHandle { cx_stem_new_memoised(language, language.utf8.count, max(1, memoCapacity), $0) }
    }

    /// The stem of `word` (the word itself for the "none" stemmer).
    public func callAsFunction(_ word: String) -> String {
        must { try fetchString { cx_stem_word(handle, word, word.utf8.count, $0, $1) } }
    }

    /// The languages this libxapian can stem.
    public static var languages: [String] {
        let list = (try? fetchString { cx_stem_languages($0, $1) }) ?? ""
        return list.split(separator: " ").map(String.init)
    }
}

/// A fixed set of stopwords. Not thread-safe: confine each instance to one thread or actor.
public final class Stopper {
    let handle: OpaquePointer

    deinit { cx_stopper_free(handle) }

    /// Creates a stopper for exactly `words`.
    public init<S: Sequence>(words: S) where S.Element == String {
        handle = mustSucceed { cx_stopper_new($0) }!
        for word in words {
            mustSucceed { cx_stopper_add(handle, word, word.utf8.count, $0) }
        }
    }

    /// Whether `word` is a stopword.
    public func contains(_ word: String) -> Bool {
        cx_stopper_contains(handle, word, word.utf8.count) != 0
    }
}

/// Turns text into terms (with positions) on a document. Not thread-safe: one per indexing task.
public final class TermGenerator {
    /// Which stemmed/unstemmed terms to generate (Xapian's STEM_* strategies).
    public enum StemStrategy: Int32, Sendable {
        /// Unstemmed terms only.
        case none = 0
        /// Unstemmed terms plus "Z"-prefixed stems (stems without positions).
        case some = 1
        /// Stemmed terms only, without a "Z" prefix.
        case all = 2
        /// Stemmed terms only, with a "Z" prefix.
        case allZ = 3
        /// Like `.some`, but stems carry positions too.
        case someFullPositions = 4
    }

    /// What to do with stopwords (Xapian's STOP_* strategies).
    public enum StopStrategy: Int32, Sendable {
        /// Index stopwords like any other word.
        case none = 0
        /// Skip stopwords entirely.
        case all = 1
        /// Index stopwords, but not their stems.
        case stemmed = 2
    }

    let handle: OpaquePointer
    // Xapian keeps a raw pointer to the stopper: hold it as long as it is in use.
    private var stopper: Stopper?
    private var document: Document?
    private var database: WritableDatabase?

    deinit { cx_termgen_free(handle) }

    /// Creates a term generator with no stemmer, stopper or document.
    public init() {
        handle = mustSucceed { cx_termgen_new($0) }!
    }

    /// Sets the stemmer used for stemmed terms.
    public func setStemmer(_ stem: Stem) {
        mustSucceed { cx_termgen_set_stemmer(handle, stem.handle, $0) }
    }

    /// Sets (or clears, with nil) the stopper and how it is applied.
    public func setStopper(_ stopper: Stopper?, strategy: StopStrategy = .all) {
        mustSucceed { cx_termgen_set_stopper(handle, stopper?.handle, strategy.rawValue, $0) }
        self.stopper = stopper
    }

    /// Sets which stemmed/unstemmed terms are generated.
    public func setStemmingStrategy(_ strategy: StemStrategy) {
        mustSucceed { cx_termgen_set_stemming_strategy(handle, strategy.rawValue, $0) }
    }

    /// Sets the document that receives the terms (and resets the term position to 0).
    public func setDocument(_ document: Document) {
        mustSucceed { cx_termgen_set_document(handle, document.handle, $0) }
        self.document = document
    }

    /// Sets the database that receives spelling data when `enableSpelling` is on.
    public func setDatabase(_ database: WritableDatabase) {
        mustSucceed { cx_termgen_set_database(handle, database.handle, $0) }
        self.database = database
    }

    /// Whether indexed words are added to the database's spelling data (FLAG_SPELLING).
    public var enableSpelling: Bool {
        get { cx_termgen_flags(handle) & 128 != 0 }
        set {
            let flags = newValue ? cx_termgen_flags(handle) | 128 : cx_termgen_flags(handle) & ~128
            mustSucceed { cx_termgen_set_flags(handle, flags, $0) }
        }
    }

    /// Indexes `text` with positions, so phrase and NEAR queries match it.
    public func indexText(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        index(text, wdfIncrement: wdfIncrement, prefix: prefix, positions: true)
    }

    /// Indexes a piece of a string with positions, without copying it.
    public func indexText(_ text: Substring, wdfIncrement: Int = 1, prefix: String = "") {
        index(text, wdfIncrement: wdfIncrement, prefix: prefix, positions: true)
    }

    /// Indexes `text` without positions (smaller; no phrase matching).
    public func indexTextWithoutPositions(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        index(text, wdfIncrement: wdfIncrement, prefix: prefix, positions: false)
    }

    /// Hands `text`'s UTF-8 to TermGenerator in place (a copy only for non-contiguous text).
    private func index<S: StringProtocol>(_ text: S, wdfIncrement: Int, prefix: String, positions: Bool) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                mustSucceed {
                    cx_termgen_index_text(handle, chars.baseAddress, chars.count, wdfIncrement.clampedUInt32,
                                          prefix, prefix.utf8.count, positions ? 1 : 0, $0)
                }
            }
        }
        if done == nil {
            var copy = String(text)
            copy.makeContiguousUTF8()
            index(copy, wdfIncrement: wdfIncrement, prefix: prefix, positions: positions)
        }
    }

    /// Leaves a gap in term positions so phrases don't match across fields or paragraphs.
    public func increaseTermPosition(by delta: Int = 100) {
        mustSucceed { cx_termgen_increase_termpos(handle, delta.clampedUInt32, $0) }
    }

    /// The current term position.
    public var termPosition: Int {
        get { Int(cx_termgen_termpos(handle)) }
        set { mustSucceed { cx_termgen_set_termpos(handle, newValue.clampedUInt32, $0) } }
    }
}
