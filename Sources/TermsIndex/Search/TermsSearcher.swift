import Foundation
import Xapian

/// Searches one or more termsearch indexes as one.
///
/// Holds open Xapian handles: use an instance from one thread or task at a time.
public final class TermsSearcher {
    /// The indexes searched.
    public let paths: [String]
    private let database: Database
    private let languages: [LanguageSearch]
    /// The matching features in effect: those asked for, less the index-time ones the index was
    /// not built with.
    public let features: MatchingFeatures

    /// The query parser and stemmer for clauses of one language.
    private struct LanguageSearch {
        var language: Language
        var stemmer: Stem
        var parser: QueryParser
    }

    /// Field names of the query language and the prefixes they search.
    public static let textFields: [(field: String, prefix: String)] = [
        ("title", IndexSchema.title), ("heading", IndexSchema.heading), ("supplier", IndexSchema.supplierText),
    ]
    /// Field names that filter exactly (`article:14`, `lang:en`).
    public static let filterFields: [(field: String, prefix: String)] = [
        ("article", IndexSchema.article), ("clause", IndexSchema.clause), ("topic", IndexSchema.topic),
        ("lang", IndexSchema.language), ("kind", IndexSchema.kind), ("year", IndexSchema.year),
        ("document", IndexSchema.document),
    ]

    /// Opens the indexes at `paths` for searching.
    public init(paths: [String], features: MatchingFeatures = .all) throws {
        precondition(!paths.isEmpty, "at least one index path")
        self.paths = paths
        var databases: [Database] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw TermsearchError.indexMissing(path: path) }
            do {
                databases.append(try Database(path: path))
            } catch let error as XapianError {
                throw TermsearchError.from(error, index: path, doing: "opening the index")
            }
        }
        do {
            database = databases.count == 1 ? databases[0] : try Database(combining: databases)
            let schema = try database.metadata(IndexSchema.schemaKey)
            guard schema == String(IndexSchema.version) else {
                throw TermsearchError.indexUnusable(
                    path: paths[0], reason: schema.isEmpty ? "it is not a termsearch index"
                        : "it has schema version \(schema), this termsearch reads \(IndexSchema.version); index again")
            }
            let indexFeatures = try IndexWriter.features(of: database)
            self.features = features.subtracting(MatchingFeatures.indexTime.subtracting(indexFeatures))
            var languages: [LanguageSearch] = []
            for language in Language.allCases {
                let name = try database.metadata(IndexSchema.stemmerKey(language))
                let stemmer = try Stem(language: name.isEmpty ? language.defaultStemmerName : name)
                languages.append(LanguageSearch(language: language, stemmer: stemmer,
                                                parser: TermsSearcher.makeParser(stemmer: stemmer, language: language, database: database,
                                                                                 stemming: self.features.contains(.stemming))))
            }
            self.languages = languages
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: paths[0], doing: "reading the index")
        }
    }

    private static func makeParser(stemmer: Stem, language: Language, database: Database, stemming: Bool) -> QueryParser {
        let parser = QueryParser()
        parser.setStemmer(stemmer)
        parser.setStemmingStrategy(stemming ? .some : .none)
        parser.setStopper(Stopper(words: Stopwords.words(for: language)))
        parser.setDatabase(database)
        parser.defaultOperator = .and
        for (field, prefix) in textFields { parser.addPrefix(field, prefix) }
        for (field, prefix) in filterFields { parser.addBooleanPrefix(field, prefix) }
        return parser
    }

    /// Runs a search. Throws `TermsearchError.invalidQuery` for a malformed query.
    public func search(_ request: SearchRequest) throws -> SearchResults {
        try QueryValidator.validate(request.query)
        return try withReopenOnModification {
            let query = try self.buildQuery(request.query)
            let enquire = Enquire(database: database)
            enquire.setQuery(query)
            let count = try database.documentCount
            let mset = try enquire.mset(first: request.offset, maxItems: request.limit, checkAtLeast: count)
            var hits: [SearchHit] = []
            for item in mset {
                let stored = try StoredClause.decode(try item.document().data)
                let stemmer = languages.first { $0.language == stored.language }!.stemmer
                let snippet = mset.snippet(stored.text, length: 300, stemmer: stemmer,
                                           highlightStart: SearchHit.highlightStart, highlightEnd: SearchHit.highlightEnd)
                hits.append(SearchHit(stored, rank: item.rank + 1, score: item.weight,
                                      snippet: SearchHit.unescapingXapianHTML(snippet)))
            }
            return SearchResults(query: request.query, total: mset.matchesEstimated, hits: hits)
        }
    }

    /// The stored clause with `id`.
    public func clause(id: String) throws -> StoredClause {
        try withReopenOnModification {
            guard let docid = try database.postings(IndexSchema.uniqueID + id).first else {
                throw TermsearchError.clauseNotFound(id: id)
            }
            return try StoredClause.decode(try database.document(docid).data)
        }
    }

    /// Parses the query once per language and matches each parse against clauses of that language
    /// only, so Dutch stems meet Dutch clauses and English stems English ones.
    func buildQuery(_ text: String) throws -> Query {
        var perLanguage: [Query] = []
        let prepared = QueryAnalysis.prepare(text, features: features, filterFields: Self.filterFields.map(\.field))
        for search in languages {
            let parsed: Query
            do {
                parsed = try search.parser.parse(prepared, flags: QueryParser.Flags([.boolean, .phrase, .loveHate, .wildcard, .pureNot])
                                                    .union(QueryAnalysis.parserFlags(for: features)))
            } catch let error as XapianError where error.kind == .queryParser || error.kind == .wildcard {
                throw TermsearchError.invalidQuery(query: text, reason: error.message)
            }
            let filter = Query(term: IndexSchema.booleanTerm(IndexSchema.language, search.language.rawValue))
            perLanguage.append(Query(.filter, [parsed, filter]))
        }
        return Query(.or, perLanguage)
    }

    /// Runs `body`, reopening the database and retrying when a writer has moved the index on
    /// (Xapian's DatabaseModifiedError).
    private func withReopenOnModification<T>(_ body: () throws -> T) throws -> T {
        var attempts = 0
        while true {
            do {
                return try body()
            } catch let error as XapianError where error.kind == .modified && attempts < 5 {
                attempts += 1
                _ = try? database.reopen()
            } catch let error as XapianError {
                throw TermsearchError.from(error, index: paths[0], doing: "searching the index")
            }
        }
    }
}

extension SearchHit {
    /// Marks the start of a highlighted word in `snippet`.
    public static let highlightStart = "<em>"
    /// Marks the end of a highlighted word in `snippet`.
    public static let highlightEnd = "</em>"

    init(_ stored: StoredClause, rank: Int, score: Double, snippet: String) {
        self.init(rank: rank, score: score, id: stored.id, document: stored.document, path: stored.path,
                  supplier: stored.supplier, title: stored.title, language: stored.language.rawValue,
                  version: stored.versionDate, versionLabel: stored.versionLabel, kind: stored.kind,
                  part: stored.part, article: stored.article, articleHeading: stored.articleHeading,
                  clause: stored.clause, heading: stored.heading, topics: stored.topics, text: stored.text,
                  snippet: snippet)
    }

    /// Xapian's snippets escape `<`, `>` and `&` as HTML; termsearch's snippets are plain text with
    /// only the highlight markers added.
    static func unescapingXapianHTML(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
