import Foundation
import Xapian

/// What an index holds (`termsearch stats`).
public struct IndexStatistics: Codable, Sendable, Equatable {
    /// The index folders.
    public var paths: [String]
    /// Number of documents (files).
    public var documents: Int
    /// Number of clauses (Xapian documents).
    public var clauses: Int
    /// Supplier → number of clauses.
    public var suppliers: [String: Int]
    /// Language code → number of clauses.
    public var languages: [String: Int]
    /// Number of distinct terms of every kind (words, stems, fields, filters).
    public var terms: Int
    /// Number of distinct unprefixed words (the vocabulary of clause texts and headings).
    public var words: Int
    /// Bytes on disk of all index folders.
    public var bytes: Int
}

/// One clause shown inside its article (`termsearch show`).
public struct ClauseInContext: Codable, Sendable, Equatable {
    /// The clause asked for.
    public var id: String
    public var supplier: String
    public var title: String
    public var document: String
    public var path: String
    public var version: String?
    public var part: String?
    public var article: String?
    public var articleHeading: String?
    /// Every clause of the article in document order (just the target when it has no article).
    public var clauses: [Clause]

    /// A clause of the article.
    public struct Clause: Codable, Sendable, Equatable {
        public var id: String
        public var clause: String
        public var heading: String?
        /// The page the clause starts on, for PDFs.
        public var page: Int?
        /// Which piece of a clause cut for length this is, or nil.
        public var piece: Int?
        public var language: String
        public var topics: [String]
        public var text: String
        /// True for the clause asked for.
        public var target: Bool
    }
}

extension TermsSearcher {
    /// Counts of what the index holds.
    public func statistics() throws -> IndexStatistics {
        try withReopenOnModification {
            var documents = 0
            try database.allTerms(prefix: IndexSchema.document) { _, _ in documents += 1 }
            var terms = 0, words = 0
            try database.allTerms { term, _ in
                terms += 1
                if let first = term.unicodeScalars.first, !(first.value >= 65 && first.value <= 90) { words += 1 }
            }
            var languages: [String: Int] = [:]
            for language in Language.allCases {
                let n = try database.termFrequency(IndexSchema.booleanTerm(IndexSchema.language, language.rawValue))
                if n > 0 { languages[language.rawValue] = n }
            }
            return IndexStatistics(paths: paths, documents: documents, clauses: try database.documentCount,
                                   suppliers: try suppliers(), languages: languages, terms: terms, words: words,
                                   bytes: paths.reduce(0) { $0 + Self.diskSize($1) })
        }
    }

    /// Every supplier in the index with its number of clauses.
    public func suppliers() throws -> [String: Int] {
        try withReopenOnModification {
            let spy = ValueCountMatchSpy(slot: IndexSchema.documentSlot)
            let enquire = Enquire(database: database)
            enquire.setQuery(.matchAll)
            enquire.addMatchSpy(spy)
            let count = try database.documentCount
            _ = try enquire.mset(first: 0, maxItems: 0, checkAtLeast: count)
            return Dictionary(spy.counts().map { (DocumentValue($0.value).supplier, $0.count) }, uniquingKeysWith: +)
        }
    }

    /// The clause with `id` among the other clauses of its article, in document order.
    public func context(id: String) throws -> ClauseInContext {
        let target = try clause(id: id)
        var siblings = [target]
        if let article = target.article {
            siblings = try withReopenOnModification {
                let enquire = Enquire(database: database)
                enquire.setQuery(Query(.and, [Query(term: IndexSchema.booleanTerm(IndexSchema.document, target.document)),
                                              Query(term: IndexSchema.booleanTerm(IndexSchema.article, article))]))
                let mset = try enquire.mset(first: 0, maxItems: try database.documentCount)
                let records = DocumentRecords(database)
                return try mset.map { try records.clause(try $0.document().data) }
                    .filter { $0.part == target.part && $0.article == article }
                    .sorted { $0.ordinal < $1.ordinal }
            }
        }
        return ClauseInContext(
            id: target.id, supplier: target.supplier, title: target.title, document: target.document, path: target.path,
            version: target.versionDate, part: target.part, article: target.article, articleHeading: target.articleHeading,
            clauses: siblings.map {
                ClauseInContext.Clause(id: $0.id, clause: $0.clause, heading: $0.heading, page: $0.page, piece: $0.piece,
                                       language: $0.language.rawValue,
                                       topics: $0.topics, text: $0.text, target: $0.id == target.id)
            })
    }

    static func diskSize(_ path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        for case let file as String in walker {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + file)
            if attributes?[.type] as? FileAttributeType == .typeRegular { total += (attributes?[.size] as? Int) ?? 0 }
        }
        return total
    }
}
