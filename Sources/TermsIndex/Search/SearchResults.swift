import Foundation

/// What to search for and how many hits to return.
public struct SearchRequest: Sendable {
    /// The query in termsearch's query language (Xapian QueryParser syntax).
    public var query: String
    /// How many hits to return.
    public var limit: Int
    /// How many of the best hits to skip (paging).
    public var offset: Int

    public init(query: String, limit: Int = 10, offset: Int = 0) {
        self.query = query
        self.limit = limit
        self.offset = offset
    }
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
    public var topics: [String]
    /// The whole clause as plain text.
    public var text: String
    /// An excerpt around the matches; matched words are wrapped in `<em>` and `</em>`.
    public var snippet: String
}

/// The answer to a search.
public struct SearchResults: Codable, Sendable {
    /// The query as given.
    public var query: String
    /// Number of matching clauses (exact when small; Xapian's estimate otherwise).
    public var total: Int
    public var hits: [SearchHit]
    /// Facet name → value → number of matching clauses.
    public var facets: [String: [String: Int]]
    /// A spelling correction of the query, when the index suggests one.
    public var suggestion: String?

    public init(query: String, total: Int, hits: [SearchHit], facets: [String: [String: Int]] = [:], suggestion: String? = nil) {
        self.query = query
        self.total = total
        self.hits = hits
        self.facets = facets
        self.suggestion = suggestion
    }
}
