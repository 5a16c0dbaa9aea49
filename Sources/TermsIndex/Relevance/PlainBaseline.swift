import Foundation
import Xapian

/// The yardstick of relevance: what plain Xapian finds over the same files with none of
/// termsearch's search features. Each text block the reader extracts (a paragraph, a heading, a
/// list item: what blank lines separate in a text file) is one document, indexed with positions
/// and no stemming; a query is parsed by Xapian's QueryParser with its defaults (words ORed,
/// BM25, no stemmer, no stopwords) exactly as the user typed it.
///
/// A block counts as finding a judged clause when the block's words are a run of the clause's
/// words (a block of at least `minimumMatchLength` characters), or the clause's opening words
/// are in the block: the same clause a reader would see.
public enum PlainBaseline {
    /// The shortest block that can count as finding a clause by being part of it.
    public static let minimumMatchLength = 24

    /// Builds the block index of `sources` at `path` (replacing it); returns the number of blocks.
    /// Files that cannot be read are skipped, as the termsearch index skips them.
    @discardableResult
    public static func build(sources: [String], at path: String) throws -> Int {
        let database = try WritableDatabase(path: path, mode: .overwrite)
        let generator = TermGenerator()
        let reader = DocumentReader()
        var count = 0
        for entry in SourceFiles.list(sources).entries {
            guard let extracted = try? reader.read(URL(fileURLWithPath: entry.path)) else { continue }
            for block in extracted.blocks where !block.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                let document = Document()
                document.setData(block.text)
                generator.setDocument(document)
                generator.indexText(block.text)
                try database.add(document)
                count += 1
            }
        }
        try database.close()
        return count
    }

    /// Scores `set` on the block index at `path`: judged clause texts come from `clauses` (the
    /// termsearch index of the same files). Blocks longer than `longestUsable` characters find
    /// nothing, as in `RelevanceEvaluation.evaluate`.
    public static func evaluate(_ set: JudgedSet, index path: String, clauses: TermsSearcher, cutoff: Int = 10,
                                longestUsable: Int = RelevanceEvaluation.longestUsableHit) throws -> RelevanceReport {
        let database = try Database(path: path)
        let parser = QueryParser()
        parser.setDatabase(database)
        var scores: [QueryScore] = []
        for judged in set.queries {
            var relevant: [(id: String, text: String)] = []
            for id in judged.relevant {
                if let clause = try? clauses.clause(id: id) { relevant.append((id, normalised(clause.text))) }
            }
            guard !relevant.isEmpty else { continue }
            let enquire = Enquire(database: database)
            enquire.setQuery((try? parser.parse(judged.query)) ?? .matchNothing)
            let mset = try enquire.mset(first: 0, maxItems: cutoff)
            var found = Set<String>()
            var firstRank: Int?
            for (rank, item) in mset.enumerated() {
                let text = try item.document().data
                guard text.count <= longestUsable else { continue }
                let block = normalised(text)
                let hits = relevant.filter { finds(block: block, clause: $0.text) }.map(\.id)
                if !hits.isEmpty, firstRank == nil { firstRank = rank + 1 }
                found.formUnion(hits)
            }
            scores.append(QueryScore(judged, relevant: relevant.count, found: found.count,
                                     firstRank: firstRank, total: mset.matchesEstimated, cutoff: cutoff))
        }
        return RelevanceReport(scores, features: "plain Xapian (blocks, OR, no stemming)", dutchStemmer: "none", cutoff: cutoff)
    }

    /// Whether the normalised `block` shows the normalised `clause`.
    static func finds(block: String, clause: String) -> Bool {
        if block.count >= minimumMatchLength, clause.contains(block) { return true }
        let opening = String(clause.prefix(80))
        return !opening.isEmpty && block.contains(opening)
    }

    /// Lowercased words joined by single spaces.
    static func normalised(_ text: String) -> String {
        WordTokenizer.words(text).map { $0.lowercased() }.joined(separator: " ")
    }
}
