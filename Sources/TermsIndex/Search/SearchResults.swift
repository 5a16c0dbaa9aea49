import Foundation

/// What to search for, how to narrow it and how many hits to return.
public struct SearchRequest: Sendable {
    /// The query in termsearch's query language (Xapian QueryParser syntax plus `"…"~N`).
    public var query: String
    /// How many hits to return.
    public var limit: Int
    /// How many of the best hits to skip (paging).
    public var offset: Int
    /// Exact filters on supplier, topic, language, kind, year, article and version date.
    public var filters: SearchFilters
    /// One hit per document (its best clause) with the number of its matching clauses.
    public var perDocument: Bool
    /// Quoted phrases also match their words in order within `nearWindow` (ranked below exact matches).
    public var near: Bool
    /// The window of `near` and of `"…"` without `~N`: as Xapian's `ADJ/N`.
    public var nearWindow: Int
    /// A query of plain words also finds the clauses with equivalents of its words from the legal
    /// thesaurus, ranked after the clauses with all of its own words (`match: related`).
    public var expand: Bool
    /// Report how the query was planned: `SearchResults.explanation`.
    public var explain: Bool
    /// Count every match exactly and compute the facets (`SearchResults.facets`, `documents`) in
    /// the ranking pass. Off, a search ranks only the page it returns and `total` is Xapian's
    /// estimate (`totalIsExact` says which): much faster for common words.
    public var facets: Bool

    /// The default window of near phrase matching.
    public static let defaultNearWindow = 5

    public init(query: String, limit: Int = 10, offset: Int = 0, filters: SearchFilters = SearchFilters(),
                perDocument: Bool = false, near: Bool = false, nearWindow: Int = SearchRequest.defaultNearWindow,
                expand: Bool = true, explain: Bool = false, facets: Bool = false) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.filters = filters
        self.perDocument = perDocument
        self.near = near
        self.nearWindow = nearWindow
        self.expand = expand
        self.explain = explain
        self.facets = facets
    }
}

/// Filters applied on top of the query: values of one field are ORed, fields are ANDed.
public struct SearchFilters: Sendable, Equatable, Codable {
    /// Supplier slugs (`easycomp-zeeland`) or words of supplier names (`easycomp`).
    public var suppliers: [String]
    /// Topic tags (`aansprakelijkheid`).
    public var topics: [String]
    /// Language codes (`nl`, `en`).
    public var languages: [String]
    /// Document kinds (`general-terms-b2b`).
    public var kinds: [String]
    /// Years of the version date (`2025`).
    public var years: [Int]
    /// Article or clause labels (`14`, `14.1`, `A.8.3`), case-insensitive.
    public var articles: [String]
    /// Document ids.
    public var documents: [String]
    /// Version date at or after this ISO date or prefix (`2019`, `2019-06`, `2019-06-01`).
    public var since: String?
    /// Version date at or before this ISO date or prefix; a year or month includes all of it.
    public var until: String?

    public init(suppliers: [String] = [], topics: [String] = [], languages: [String] = [], kinds: [String] = [],
                years: [Int] = [], articles: [String] = [], documents: [String] = [],
                since: String? = nil, until: String? = nil) {
        self.suppliers = suppliers
        self.topics = topics
        self.languages = languages
        self.kinds = kinds
        self.years = years
        self.articles = articles
        self.documents = documents
        self.since = since
        self.until = until
    }

    /// True when no filter is set.
    public var isEmpty: Bool { self == SearchFilters() }
}

/// The tier a hit came from: exact or near phrases (`--near`, `"…"~N`), or all or some of the
/// words of a plain query.
public enum MatchKind: String, Codable, Sendable {
    /// The phrases occur exactly.
    case exact
    /// The phrases' words occur in order within the near window, but not exactly.
    case near
    /// A query of plain words: the clause has all of them.
    case all
    /// A query of plain words: the clause lacks some of them but has an equivalent from the legal
    /// thesaurus for each (ranked after every `all`).
    case related
    /// A query of plain words: the clause has some of them or their equivalents, not all (ranked
    /// after every `all` and `related`).
    case partial
}

/// One matching clause. The JSON keys are a public contract: later versions add keys, never rename them.
public struct SearchHit: Codable, Sendable, Equatable {
    /// 1-based rank in the whole result list.
    public var rank: Int
    /// Relevance weight (BM25); comparable within one result list only.
    public var score: Double
    /// Stable clause id ("klantassistent-algemene-voorwaarden#14.1").
    public var id: String
    /// Document id.
    public var document: String
    /// Path of the source file.
    public var path: String
    public var supplier: String
    public var title: String
    /// Language code of the clause ("nl", "en").
    public var language: String
    /// Version date of the document, ISO ("2025-04-23", "2018-02"), or null.
    public var version: String?
    /// Version label of the document ("1.4"), or null.
    public var versionLabel: String?
    /// Document kind ("general-terms-b2b", ...), or null.
    public var kind: String?
    /// Part of the document ("Module A: Algemeen", "Bijlage 1: ..."), or null.
    public var part: String?
    /// Article label ("14", "A.8"), or null for a preamble.
    public var article: String?
    public var articleHeading: String?
    /// Clause label ("14.1").
    public var clause: String
    /// The clause's own heading, or null.
    public var heading: String?
    /// The page the clause starts on, for PDFs (key absent otherwise).
    public var page: Int?
    /// For a clause too long to read as one, which piece of it this is, from 1 (key absent otherwise).
    public var piece: Int?
    public var topics: [String]
    /// The whole clause as plain text.
    public var text: String
    /// An excerpt around the matches; matched words are wrapped in `<em>` and `</em>`.
    public var snippet: String
    /// Per-document searches: the number of the document's clauses that match (key absent otherwise).
    public var matchingClauses: Int?
    /// Proximity searches: `exact` or `near` (key absent otherwise).
    public var match: MatchKind?

    enum CodingKeys: String, CodingKey {
        case rank, score, id, document, path, supplier, title, language, version, versionLabel, kind, part,
             article, articleHeading, clause, heading, page, piece, topics, text, snippet, matchingClauses, match
    }

    /// Documented nullable keys are always written (as null); the optional additions only when set.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(score, forKey: .score)
        try c.encode(id, forKey: .id)
        try c.encode(document, forKey: .document)
        try c.encode(path, forKey: .path)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(title, forKey: .title)
        try c.encode(language, forKey: .language)
        try c.encode(version, forKey: .version)
        try c.encode(versionLabel, forKey: .versionLabel)
        try c.encode(kind, forKey: .kind)
        try c.encode(part, forKey: .part)
        try c.encode(article, forKey: .article)
        try c.encode(articleHeading, forKey: .articleHeading)
        try c.encode(clause, forKey: .clause)
        try c.encode(heading, forKey: .heading)
        try c.encodeIfPresent(page, forKey: .page)
        try c.encodeIfPresent(piece, forKey: .piece)
        try c.encode(topics, forKey: .topics)
        try c.encode(text, forKey: .text)
        try c.encode(snippet, forKey: .snippet)
        try c.encodeIfPresent(matchingClauses, forKey: .matchingClauses)
        try c.encodeIfPresent(match, forKey: .match)
    }
}

/// The facets of a result set: facet name → value → number of matching clauses.
public enum Facet: String, CaseIterable, Sendable {
    case supplier, topic, language, kind, year
}

/// The answer to a search.
public struct SearchResults: Codable, Sendable {
    /// The query as given.
    public var query: String
    /// Number of matching clauses: exact when `totalIsExact`, else Xapian's estimate.
    public var total: Int
    /// Whether `total` is exact: always when the request asked for facets or the matches fit on
    /// the page; otherwise an estimate ("about 170,000").
    public var totalIsExact: Bool
    /// Number of documents with at least one matching clause (exact); nil unless the request asked
    /// for facets or one hit per document.
    public var documents: Int?
    public var hits: [SearchHit]
    /// Facet name (`supplier`, `topic`, `language`, `kind`, `year`) → value → number of matching
    /// clauses; nil unless the request asked for facets or one hit per document.
    public var facets: [String: [String: Int]]?
    /// A spelling correction of the query, when the index suggests one.
    public var suggestion: String?
    /// For a query of plain words: the number of clauses with some but not all of them (ranked after
    /// the `total` clauses with all of them; not in `total` or the facets); nil for other queries.
    public var partialTotal: Int?
    /// For a query of plain words expanded through the thesaurus: the number of `related` clauses
    /// (ranked after the `total` ones, before the partial ones); nil when nothing was expanded.
    public var relatedTotal: Int?
    /// What the thesaurus expanded the query's words into; nil when nothing was expanded.
    public var expansion: QueryExpansion?
    /// How the query was planned, when the request asked (`explain`).
    public var explanation: SearchExplanation?

    /// `total` as a reader sees it: "71", "about 170,000" (digits grouped by commas).
    public var totalText: String {
        var digits = String(total)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return (totalIsExact ? "" : "about ") + digits + grouped
    }

    public init(query: String, total: Int, totalIsExact: Bool = true, documents: Int? = nil, hits: [SearchHit],
                facets: [String: [String: Int]]? = nil, suggestion: String? = nil) {
        self.query = query
        self.total = total
        self.totalIsExact = totalIsExact
        self.documents = documents
        self.hits = hits
        self.facets = facets
        self.suggestion = suggestion
    }
}

/// How a search was planned: the query as parsed, and the Xapian query of each tier in rank order.
public struct SearchExplanation: Codable, Sendable, Equatable {
    /// One tier of hits.
    public struct Tier: Codable, Sendable, Equatable {
        /// The `match` its hits carry (`all`, `related`, `partial`, `exact`, `near`), or nil for a
        /// query without tiers.
        public var match: MatchKind?
        /// Xapian's description of the tier's query.
        public var query: String
    }

    /// The query after termsearch's rewriting (lowercased words, date ranges), as Xapian parses it.
    public var rewritten: String
    /// The matching features in effect.
    public var features: String
    /// Where the thesaurus was read from, or why there is none.
    public var thesaurus: String
    public var tiers: [Tier]
}
