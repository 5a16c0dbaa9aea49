import Foundation

/// The vocabulary the indexer splits compounds with: the words of the bundled seed corpus
/// (`SeedVocabulary`, compiled in) plus the words of the document being indexed.
///
/// Why not the index's own growing vocabulary: then a document's terms would depend on which
/// documents happened to be indexed before it (file order, re-indexing one file), and the same
/// file indexed into two indexes would get different terms. This way a document's terms depend
/// only on the document and on this termsearch version. See docs/dutch.md.
public enum CompoundVocabulary {
    /// Folded, lowercased words of the seed corpus with their frequencies.
    public static let seed: [String: Int] = {
        var counts: [String: Int] = [:]
        for line in SeedVocabulary.text.split(separator: "\n") {
            guard let space = line.lastIndex(of: " "), let count = Int(line[line.index(after: space)...]) else { continue }
            counts[String(line[..<space])] = count
        }
        return counts
    }()

    /// Folded, lowercased word → frequency over `texts` (the form the splitter is given).
    public static func words(of texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in WordTokenizer.lowercasedWords(text) { counts[DiacriticFolding.fold(word), default: 0] += 1 }
        }
        return counts
    }

    /// The seed vocabulary plus `document`'s words, frequencies added.
    public static func forDocument(_ documentWords: [String: Int]) -> [String: Int] {
        seed.merging(documentWords, uniquingKeysWith: +)
    }

    /// The Swift source of `SeedVocabulary.swift` for `texts` (regenerate when `Corpus/` changes:
    /// `TERMSEARCH_REGENERATE=1 swift test --filter MatchingVocabularyTests`).
    public static func seedSource(for texts: [String]) -> String {
        let lines = words(of: texts).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return """
            // Generated from Corpus/*.txt by CompoundVocabulary.seedSource(for:); do not edit.
            // Regenerate: TERMSEARCH_REGENERATE=1 swift test --filter MatchingVocabularyTests

            /// Folded, lowercased words of the bundled seed corpus and their frequencies, one
            /// "word count" per line: the compound splitter's base vocabulary.
            enum SeedVocabulary {
                static let text = #\"\"\"
            \(lines.joined(separator: "\n"))
            \"\"\"#
            }

            """
    }
}
