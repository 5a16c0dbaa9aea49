import Foundation
import Xapian

/// Query-side preparation of the Dutch matching features, before Xapian's QueryParser sees the
/// query: what the indexer did to the clauses' words, done to the query's.
public enum QueryAnalysis {
    /// The query text to parse under `features`: with `diacriticFolding`, words are folded
    /// (`cliënt` → `client`, matching the folded terms the indexer adds beside every word with
    /// diacritics), except the values of exact filter fields (`document:…`, `clause:…`), which
    /// are matched as stored.
    public static func prepare(_ query: String, features: MatchingFeatures, filterFields: [String]) -> String {
        guard features.contains(.diacriticFolding), query.unicodeScalars.contains(where: { $0.value >= 0x80 }) else {
            return query
        }
        var result = ""
        var token = ""
        func flush() {
            let isFilter = filterFields.contains { token.hasPrefix($0 + ":") || token.hasPrefix("(" + $0 + ":") }
            result += isFilter ? token : DiacriticFolding.fold(token)
            token = ""
        }
        for character in query {
            if character.isWhitespace {
                flush()
                result.append(character)
            } else {
                token.append(character)
            }
        }
        flush()
        return result
    }

    /// The QueryParser flags the features add: party synonyms expand through the index's synonym
    /// table (`IndexWriter` writes it) with FLAG_AUTO_SYNONYMS.
    public static func parserFlags(for features: MatchingFeatures) -> Xapian.QueryParser.Flags {
        features.contains(.partySynonyms) ? [.autoSynonyms] : []
    }
}
