import Foundation
import Xapian

/// What the legal thesaurus made of a query of plain words: the concepts its words name, each with
/// the other expressions that are searched for it (`LegalThesaurus`).
public struct QueryExpansion: Codable, Sendable, Equatable {
    /// One concept found in the query.
    public struct Match: Codable, Sendable, Equatable {
        /// The query's words that name it ("beperkt tot").
        public var words: String
        /// The concept's name in the thesaurus ("liability cap").
        public var concept: String
        /// Other expressions of the concept in the language of the query's words, searched as
        /// equivalents (ranked below the query's own words).
        public var sameLanguage: [String]
        /// Its expressions in the other language (a Dutch question finds English clauses), ranked
        /// lower still; empty when cross-language expansion is off.
        public var otherLanguage: [String]
    }

    /// The concepts, in query order.
    public var matches: [Match]
    /// Where the thesaurus was read from.
    public var thesaurus: String
}

/// A query word, or a run of query words that names a thesaurus concept.
struct QueryUnit {
    /// The query's own words.
    var words: [String]
    /// The concepts they name (empty for a plain word).
    var matches: [QueryExpansion.Match]
    /// The concepts' other-language expressions by their language: searched in clauses of that
    /// language only.
    var translations: [Language: [String]] = [:]
}

/// Finds the thesaurus concepts in a query's words, matching words by their stem so that
/// `aansprakelijk` names the concept of `aansprakelijkheid`'s group only if the stems agree.
struct ConceptMatcher {
    /// An expression with its words stemmed in its own language.
    private struct Entry {
        var concept: Int
        var expression: LegalThesaurus.Expression
        var stems: [String]
    }

    let thesaurus: LegalThesaurus
    private let stem: (String, Language) -> String
    /// Entries by language and the stem of their first word.
    private var byFirstStem: [Language: [String: [Entry]]] = [:]

    /// Weight of a same-language equivalent relative to the query's own words.
    static let sameLanguageWeight = 0.5
    /// Weight of an other-language equivalent relative to the query's own words.
    static let otherLanguageWeight = 0.35

    init(thesaurus: LegalThesaurus, stem: @escaping (String, Language) -> String) {
        self.thesaurus = thesaurus
        self.stem = stem
        for (index, concept) in thesaurus.concepts.enumerated() {
            for expression in concept.expressions {
                let language = expression.variety.language
                let stems = expression.words.map { stem($0, language) }
                byFirstStem[language, default: [:]][stems[0], default: []].append(Entry(concept: index, expression: expression, stems: stems))
            }
        }
    }

    /// `words` (lowercased query words) cut into units: at each position the longest run of words
    /// that is an expression of some concept (with every concept it is an expression of), else one
    /// plain word.
    func units(_ words: [String], crossLanguage: Bool) -> [QueryUnit] {
        let folded = words.map { DiacriticFolding.fold($0.lowercased()) }
        var stemmed: [Language: [String]] = [:]
        for language in Language.allCases { stemmed[language] = folded.map { stem($0, language) } }
        var units: [QueryUnit] = []
        var i = 0
        while i < folded.count {
            var best: [Entry] = []
            var bestLength = 0
            for language in Language.allCases {
                let stems = stemmed[language]!
                for entry in byFirstStem[language]?[stems[i]] ?? [] {
                    let n = entry.stems.count
                    guard i + n <= folded.count, n >= bestLength,
                          (0..<n).allSatisfy({ stems[i + $0] == entry.stems[$0] }) else { continue }
                    if n > bestLength { best = []; bestLength = n }
                    best.append(entry)
                }
            }
            guard bestLength > 0 else {
                units.append(QueryUnit(words: [words[i]], matches: []))
                i += 1
                continue
            }
            let span = Array(words[i..<(i + bestLength)])
            var matches: [QueryExpansion.Match] = []
            var translations: [Language: [String]] = [:]
            for concept in Set(best.map(\.concept)).sorted() {
                let matched = best.filter { $0.concept == concept }
                let languages = Set(matched.map { $0.expression.variety.language })
                let own = Set(matched.map { $0.stems })
                var same: [String] = [], other: [String] = []
                var seen = Set<String>()
                for expression in thesaurus.concepts[concept].expressions {
                    let language = expression.variety.language
                    let stems = expression.words.map { stem($0, language) }
                    // An expression written the same in both languages (`force majeure`) is listed once.
                    guard !own.contains(stems), seen.insert(language.rawValue + ":" + stems.joined(separator: " ")).inserted,
                          seen.insert(expression.words.joined(separator: " ")).inserted else { continue }
                    if languages.contains(language) {
                        if !thesaurus.concepts[concept].translationsOnly { same.append(expression.text) }
                    } else if crossLanguage {
                        other.append(expression.text)
                        translations[language, default: []].append(expression.text)
                    }
                }
                if !same.isEmpty || !other.isEmpty {
                    matches.append(QueryExpansion.Match(words: span.joined(separator: " "), concept: thesaurus.concepts[concept].name,
                                                        sameLanguage: same, otherLanguage: other))
                }
            }
            units.append(QueryUnit(words: span, matches: matches, translations: translations))
            i += bestLength
        }
        return units
    }

    /// Query-language text that matches any of `expressions`: words as they are, several words as
    /// a phrase.
    static func alternatives(_ expressions: [String]) -> String {
        expressions.map { expression in
            let words = WordTokenizer.words(expression)
            return words.count > 1 ? "\"" + words.joined(separator: " ") + "\"" : words.first ?? ""
        }.filter { !$0.isEmpty }.joined(separator: " OR ")
    }
}
