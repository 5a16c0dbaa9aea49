import Foundation

/// What the indexer splits a document's compounds with: the Dutch lexicon of the system
/// (`SystemWordList.compoundLexicon`: OpenTaal's word list and hunspell dictionary) plus the
/// words of the document being indexed, with their frequencies.
///
/// Why not the index's own growing vocabulary: then a document's terms would depend on which
/// documents happened to be indexed before it (file order, re-indexing one file), and the same
/// file indexed into two indexes would get different terms. This way a document's terms depend
/// only on the document, the lexicon installed and this termsearch version; not on the documents
/// bundled in `Corpus/`. See docs/dutch.md.
public enum CompoundVocabulary {
    /// Folded, lowercased word → frequency over `texts` (the form the splitter is given).
    public static func words(of texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in WordTokenizer.lowercasedWords(text) { counts[DiacriticFolding.fold(word), default: 0] += 1 }
        }
        return counts
    }

    /// The indexer's splitter for a document with `documentWords` (`words(of:)`): with the
    /// system's lexicon, loaded once per process.
    public static func splitter(forDocument documentWords: [String: Int]) -> CompoundSplitter {
        splitter(forDocument: documentWords, lexicon: SystemWordList.compoundLexicon)
    }

    /// The splitter for a document with `documentWords` and another `lexicon` (nil: none).
    public static func splitter(forDocument documentWords: [String: Int], lexicon: CompoundLexicon?) -> CompoundSplitter {
        CompoundSplitter(vocabulary: documentWords, lexicon: lexicon)
    }

    /// A warning when the lexicon is missing or incomplete (then compounds are split with the
    /// documents' own words, or without the hunspell compound flags), else nil.
    public static var lexiconNote: String? {
        guard let lexicon = SystemWordList.compoundLexicon else {
            return "no Dutch word list (/usr/share/dict/dutch) or hunspell dictionary (/usr/share/hunspell/nl.dic): "
                + "compounds are split with each document's own words only (apt-get install wdutch hunspell-nl)"
        }
        if !lexicon.hasCompoundFlags {
            return "no hunspell Dutch dictionary (/usr/share/hunspell/nl.dic): compounds are split without its "
                + "compound flags, fewer of them (apt-get install hunspell-nl)"
        }
        return nil
    }
}
