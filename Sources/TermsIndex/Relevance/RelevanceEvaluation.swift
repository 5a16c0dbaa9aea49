import Foundation

/// A judged query set: research questions, the query a user would type, and the clauses that
/// answer them (`Tests/Fixtures/relevance/judged.json`).
public struct JudgedSet: Codable, Sendable {
    /// Where the judgements come from.
    public var description: String?
    /// The questions.
    public var queries: [JudgedQuery]

    /// Loads a judged set from a JSON file.
    public static func load(_ url: URL) throws -> JudgedSet {
        do {
            return try JSONDecoder().decode(JudgedSet.self, from: Data(contentsOf: url))
        } catch {
            throw TermsearchError.pathNotFound(path: "\(url.path) (\(error.localizedDescription))")
        }
    }
}

/// One judged research question.
public struct JudgedQuery: Codable, Sendable {
    /// Short stable name ("liability-cap").
    public var id: String
    /// The question a lawyer asks.
    public var question: String
    /// What they type.
    public var query: String
    /// Clause ids (`document#clausekey`) that answer the question.
    public var relevant: [String]
    /// Remarks on the judgement.
    public var note: String?
    /// Kept aside while tuning: looked at only at the end (reported apart as "held out").
    public var heldOut: Bool?
}

/// How one query did.
public struct QueryScore: Codable, Sendable {
    public var id: String
    public var query: String
    /// Judged relevant clauses present in the index.
    public var relevant: Int
    /// Relevant clauses among the first `cutoff` hits.
    public var foundAtCutoff: Int
    /// `foundAtCutoff / relevant`.
    public var recall: Double
    /// `foundAtCutoff / min(relevant, cutoff)`: 1 when the first `cutoff` hits are all relevant,
    /// also for a question with more relevant clauses than fit on the first page (BEIR's capped recall).
    public var cappedRecall: Double
    /// 1 / rank of the first relevant hit within the cutoff, 0 if none.
    public var reciprocalRank: Double
    /// Total matching clauses.
    public var total: Int
    /// Whether the question is one of the held-out ones (`JudgedQuery.heldOut`).
    public var heldOut: Bool
}

/// Recall@k and MRR@k of one configuration over a judged set.
public struct RelevanceReport: Codable, Sendable {
    /// Matching features in effect (`MatchingFeatures.description`).
    public var features: String
    /// The Dutch stemmer of the index.
    public var dutchStemmer: String
    /// The cutoff k.
    public var cutoff: Int
    /// Queries evaluated (those with at least one judged clause in the index).
    public var queries: Int
    /// Mean recall@k.
    public var recall: Double
    /// Mean capped recall@k (`QueryScore.cappedRecall`).
    public var cappedRecall: Double
    /// Mean reciprocal rank, counting only the first k hits.
    public var mrr: Double
    /// Seconds spent building the index, when the evaluation built it.
    public var indexSeconds: Double?
    /// Per query, in the judged set's order.
    public var perQuery: [QueryScore]
}

extension QueryScore {
    /// The score of a query with `relevant` judged clauses, `found` of them in the first `cutoff`
    /// hits, the first at `firstRank`.
    init(_ judged: JudgedQuery, relevant: Int, found: Int, firstRank: Int?, total: Int, cutoff: Int) {
        self.init(id: judged.id, query: judged.query, relevant: relevant, foundAtCutoff: found, recall: Double(found) / Double(relevant),
                  cappedRecall: Double(found) / Double(min(relevant, cutoff)),
                  reciprocalRank: firstRank.map { 1 / Double($0) } ?? 0, total: total, heldOut: judged.heldOut ?? false)
    }
}

extension RelevanceReport {
    /// The report of `scores`: their mean recall and reciprocal rank.
    init(_ scores: [QueryScore], features: String, dutchStemmer: String, cutoff: Int) {
        let n = Double(max(scores.count, 1))
        self.init(features: features, dutchStemmer: dutchStemmer, cutoff: cutoff, queries: scores.count,
                  recall: scores.map(\.recall).reduce(0, +) / n, cappedRecall: scores.map(\.cappedRecall).reduce(0, +) / n, mrr: scores.map(\.reciprocalRank).reduce(0, +) / n,
                  indexSeconds: nil, perQuery: scores)
    }

    /// The same figures over the held-out questions only (or only the others).
    public func subset(heldOut: Bool) -> RelevanceReport {
        var report = RelevanceReport(perQuery.filter { $0.heldOut == heldOut }, features: features, dutchStemmer: dutchStemmer, cutoff: cutoff)
        report.indexSeconds = indexSeconds
        return report
    }
}

/// Runs a judged set against an index and scores it.
public enum RelevanceEvaluation {
    /// A hit longer than this (in characters) does not count as finding a clause: nobody reads a
    /// "clause" of several pages to find the sentence that answers the question.
    public static let longestUsableHit = 3000

    /// Scores `set` against `searcher`'s index: recall@`cutoff` and MRR@`cutoff`. Judged ids the
    /// index does not have (a document that was not indexed) are left out; a query left with no
    /// judged clause is skipped. A hit longer than `longestUsableHit` finds nothing.
    public static func evaluate(_ set: JudgedSet, searcher: TermsSearcher, dutchStemmer: String, cutoff: Int = 10) throws -> RelevanceReport {
        var scores: [QueryScore] = []
        for judged in set.queries {
            let present = Set(judged.relevant.filter { (try? searcher.clause(id: $0)) != nil })
            guard !present.isEmpty else { continue }
            let results = try searcher.search(SearchRequest(query: judged.query, limit: cutoff, offset: 0))
            let ids = results.hits.map { $0.text.count <= longestUsableHit ? $0.id : "" }
            let found = ids.filter(present.contains).count
            let firstRank = ids.firstIndex(where: present.contains).map { $0 + 1 }
            scores.append(QueryScore(judged, relevant: present.count, found: found,
                                     firstRank: firstRank, total: results.total, cutoff: cutoff))
        }
        return RelevanceReport(scores, features: searcher.features.description, dutchStemmer: dutchStemmer, cutoff: cutoff)
    }

    /// Scores `set` with plain Xapian over the same `sources` (`PlainBaseline`), building its
    /// block index and a termsearch index (for the judged clauses' texts) in temporary folders.
    public static func evaluateBaseline(_ set: JudgedSet, sources: [String], cutoff: Int = 10) throws -> RelevanceReport {
        let temporary = FileManager.default.temporaryDirectory
        let terms = temporary.appendingPathComponent("termsearch-eval-\(UUID().uuidString)").path
        let blocks = temporary.appendingPathComponent("termsearch-eval-plain-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: terms)
            try? FileManager.default.removeItem(atPath: blocks)
        }
        _ = try buildIndex(at: terms, sources: sources, features: .all, dutchStemmer: Language.dutch.defaultStemmerName)
        let start = Date()
        try PlainBaseline.build(sources: sources, at: blocks)
        let seconds = Date().timeIntervalSince(start)
        var report = try PlainBaseline.evaluate(set, index: blocks, clauses: TermsSearcher(paths: [terms]), cutoff: cutoff)
        report.indexSeconds = seconds
        return report
    }

    /// Builds a fresh index at `path` of `sources` with `features` and the given Dutch stemmer;
    /// returns the indexing report (its `seconds` is the build time).
    public static func buildIndex(at path: String, sources: [String], features: MatchingFeatures, dutchStemmer: String) throws -> IndexingReport {
        try IndexWriter.create(path: path, features: features, stemmerNames: [.dutch: dutchStemmer])
        return try CorpusIndexer(indexPath: path).index(sources)
    }

    /// Builds a temporary index with `features`, evaluates `set` on it, and removes it.
    public static func evaluateFresh(_ set: JudgedSet, sources: [String], features: MatchingFeatures, dutchStemmer: String,
                                     cutoff: Int = 10) throws -> RelevanceReport {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-eval-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let indexing = try buildIndex(at: path, sources: sources, features: features, dutchStemmer: dutchStemmer)
        var report = try evaluate(set, searcher: TermsSearcher(paths: [path], features: features), dutchStemmer: dutchStemmer, cutoff: cutoff)
        report.indexSeconds = indexing.seconds
        return report
    }

    /// The configurations of the comparison table: all on, each feature off, all off, and the
    /// other Dutch stemmers with all on and alone.
    public static func matrix(defaultStemmer: String = Language.dutch.defaultStemmerName) -> [(label: String, features: MatchingFeatures, stemmer: String)] {
        var rows: [(String, MatchingFeatures, String)] = [("all on", .all, defaultStemmer)]
        for (name, feature) in MatchingFeatures.named { rows.append(("all but \(name)", MatchingFeatures.all.subtracting(feature), defaultStemmer)) }
        rows.append(("all off", [], defaultStemmer))
        for other in ["dutch", "kraaij_pohlmann", "kraaij_pohlmann_ge"] where other != defaultStemmer {
            rows.append(("all on, \(other)", .all, other))
            rows.append(("stemming only, \(other)", [.stemming], other))
        }
        rows.append(("stemming only, \(defaultStemmer)", [.stemming], defaultStemmer))
        return rows
    }
}
