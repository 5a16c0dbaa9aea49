import Foundation
import Xapian

/// Restricts a query parsed for one language to the clauses of that language, reading as little
/// of the index as gives the same answer.
///
/// `parsed FILTER Lnl` walks the posting list of `Lnl`, and Dutch clauses are nearly all of them
/// (524,454 of 554,005 in the 200 MB benchmark index): for a common word that list costs as much
/// as the word's own. When every clause has exactly one language term (checked on the index: the
/// language terms' frequencies add up to the number of clauses and no clause has two),
/// `parsed AND_NOT Len` matches the same clauses, and both operators weigh a match by `parsed`
/// alone, so ranks and scores are the same; only the shorter lists are read. Otherwise, and for a
/// language whose own list is the shorter one, the filter stays a FILTER.
///
/// The check is redone after the database moves to another revision (`Database.generation`).
/// Not thread-safe: belongs to one `TermsSearcher`.
final class LanguageFilter {
    private var checkedGeneration: Int?
    /// For each language, the other languages' terms when excluding them is the cheaper way; nil
    /// where the filter stays a FILTER.
    private var exclusions: [Language: [String]] = [:]

    /// `parsed` restricted to the clauses of `language`; only as a FILTER unless `excluding`.
    ///
    /// A query restricted to a few known clauses (the proximity rerank's candidates) is faster
    /// with FILTERs: Xapian then drives the whole conjunction from the candidates.
    func restrict(_ parsed: Query, to language: Language, in database: Database, excluding: Bool = true) throws -> Query {
        try check(database)
        if excluding, let others = exclusions[language] {
            let excluded = others.count == 1 ? Query(term: others[0]) : Query(.or, others.map { Query(term: $0) })
            return Query(.andNot, [parsed, excluded])
        }
        return Query(.filter, [parsed, Query(term: Self.term(language))])
    }

    static func term(_ language: Language) -> String {
        IndexSchema.booleanTerm(IndexSchema.language, language.rawValue)
    }

    /// Whether the index's clauses are partitioned by language, and which form is cheaper per language.
    private func check(_ database: Database) throws {
        guard checkedGeneration != database.generation else { return }
        exclusions = [:]
        let languages = Language.allCases
        let count = try database.documentCount
        var frequencies: [Language: Int] = [:]
        for language in languages { frequencies[language] = try database.termFrequency(Self.term(language)) }
        var partitioned = frequencies.values.reduce(0, +) == count
        // The frequencies add up; no clause with two language terms means none has none.
        for (i, first) in languages.enumerated() where partitioned {
            for second in languages.dropFirst(i + 1) where partitioned {
                let enquire = Enquire(database: database)
                enquire.setQuery(Query(.and, [Query(term: Self.term(first)), Query(term: Self.term(second))]))
                partitioned = try enquire.mset(first: 0, maxItems: 0, checkAtLeast: count).matchesUpperBound == 0
            }
        }
        if partitioned {
            for language in languages {
                let others = languages.filter { $0 != language }
                if others.reduce(0, { $0 + frequencies[$1]! }) < frequencies[language]! {
                    exclusions[language] = others.map(Self.term)
                }
            }
        }
        checkedGeneration = database.generation
    }
}
