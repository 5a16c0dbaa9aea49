import Foundation

/// A natural language a section of terms is written in; decides stemming and stopwords.
public enum Language: String, Codable, Sendable, CaseIterable {
    case dutch = "nl"
    case english = "en"

    /// The Xapian stemmer name used for this language unless the index says otherwise.
    public var defaultStemmerName: String {
        switch self {
        case .dutch: return "kraaij_pohlmann_ge"
        case .english: return "english"
        }
    }
}

/// Where a clause sits in its document: an optional part (module, annex), an article, a clause label.
public struct ClauseLocation: Codable, Sendable, Equatable {
    /// The part the article belongs to ("Module A", "Bijlage 1"), if the document has parts.
    public var part: String?
    /// The article label as the document numbers it ("14", "A.8", "10a"); nil for a preamble.
    public var article: String?
    /// The article's heading ("BEPERKING VAN AANSPRAKELIJKHEID").
    public var articleHeading: String?
    /// The clause label ("14.1", "A.8.3"), the article label for an article without sub-clauses,
    /// or a name such as "preamble" or "definities" for unnumbered text.
    public var clause: String
    /// The clause's own heading ("Directe en Indirecte Schade"), if it has one.
    public var heading: String?
    /// The page the clause starts on (1-based), for formats with pages (PDF).
    public var page: Int?
    /// Which piece of a clause too long to read as one this is (1-based); nil for a whole clause.
    /// The label stays the clause's own, so a lawyer still cites "7.5".
    public var piece: Int?

    public init(part: String? = nil, article: String? = nil, articleHeading: String? = nil,
                clause: String, heading: String? = nil, page: Int? = nil, piece: Int? = nil) {
        self.part = part
        self.article = article
        self.articleHeading = articleHeading
        self.clause = clause
        self.heading = heading
        self.page = page
        self.piece = piece
    }
}

/// The unit of retrieval: one numbered sub-clause of an article, or an article's whole text.
public struct Clause: Codable, Sendable, Equatable {
    /// Stable within its document across re-indexing ("bijlage-1/1.1", "14.1").
    public var key: String
    /// Where the clause sits.
    public var location: ClauseLocation
    /// The clause as plain text, paragraphs separated by blank lines.
    public var text: String
    /// The language the clause is written in.
    public var language: Language
    /// Topic tags ("aansprakelijkheid", ...).
    public var topics: [String]

    public init(key: String, location: ClauseLocation, text: String, language: Language, topics: [String] = []) {
        self.key = key
        self.location = location
        self.text = text
        self.language = language
        self.topics = topics
    }
}

/// What is known about a document as a whole.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    /// The supplier whose terms these are ("Klantassistent").
    public var supplier: String
    /// The document's title.
    public var title: String
    /// Languages the document is written in, main language first.
    public var languages: [Language]
    /// The version date as ISO text ("2025-04-23", "2018-02", "2017"), if known.
    public var versionDate: String?
    /// A version label ("1.4"), if the document states one.
    public var version: String?
    /// The kind of document ("general-terms-b2b", "consumer-terms", ...), if known.
    public var kind: String?

    public init(supplier: String, title: String, languages: [Language], versionDate: String? = nil,
                version: String? = nil, kind: String? = nil) {
        self.supplier = supplier
        self.title = title
        self.languages = languages
        self.versionDate = versionDate
        self.version = version
        self.kind = kind
    }

    /// The year of the version date, if known.
    public var year: Int? { versionDate.flatMap { Int($0.prefix(4)) } }
}

/// One source file after ingestion: its metadata and its clauses in document order.
public struct TermsDocument: Sendable {
    /// Stable identifier derived from the file's path below the indexed folder ("klantassistent-algemene-voorwaarden").
    public var id: String
    /// The file's path as given to the indexer.
    public var path: String
    /// Metadata from the manifest, the text or the file name.
    public var metadata: DocumentMetadata
    /// Clauses in document order.
    public var clauses: [Clause]

    public init(id: String, path: String, metadata: DocumentMetadata, clauses: [Clause]) {
        self.id = id
        self.path = path
        self.metadata = metadata
        self.clauses = clauses
    }

    /// The globally unique, stable id of one of this document's clauses ("klantassistent#14.1").
    public func clauseID(_ clause: Clause) -> String { "\(id)#\(clause.key)" }
}
