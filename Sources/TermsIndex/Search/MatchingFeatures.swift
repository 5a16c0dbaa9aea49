import Foundation

/// The Dutch-matching features of index and query analysis, each switchable so that their effect on
/// relevance can be measured (`termsearch eval`). The defaults are what termsearch ships with.
public struct MatchingFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `client` finds `cliënt`: folded variants indexed beside words with diacritics, queries folded.
    public static let diacriticFolding = MatchingFeatures(rawValue: 1 << 0)
    /// `verzekering` finds `aansprakelijkheidsverzekering`: compound parts indexed at the compound's position.
    public static let compoundParts = MatchingFeatures(rawValue: 1 << 1)
    /// `klant` finds `opdrachtgever`: party names expanded through Xapian synonyms.
    public static let partySynonyms = MatchingFeatures(rawValue: 1 << 2)
    /// Unquoted multi-word queries rank clauses with the words close together higher.
    public static let proximityBoost = MatchingFeatures(rawValue: 1 << 3)
    /// Words are stemmed (off: only exact word forms match).
    public static let stemming = MatchingFeatures(rawValue: 1 << 4)
    /// A query of plain words also finds clauses with the words' equivalents in the legal
    /// thesaurus (`overmacht` finds `niet-toerekenbare tekortkoming`), ranked after the clauses
    /// with all of its own words (`LegalThesaurus`).
    public static let thesaurus = MatchingFeatures(rawValue: 1 << 5)
    /// With `thesaurus`: also the equivalents in the other language (`overmacht` finds `force majeure`).
    public static let crossLanguage = MatchingFeatures(rawValue: 1 << 6)
    /// A query of several plain words also finds, after the clauses with all of them, the clauses
    /// with some of them (off: only clauses with every word).
    public static let partialTier = MatchingFeatures(rawValue: 1 << 7)
    /// Query words are lowercased, so `Aansprakelijkheid` is stemmed and expanded like
    /// `aansprakelijkheid` (off: Xapian takes a capitalised word for a name and keeps it as typed).
    public static let caseFolding = MatchingFeatures(rawValue: 1 << 8)

    /// Everything on.
    public static let all: MatchingFeatures = [.diacriticFolding, .compoundParts, .partySynonyms, .proximityBoost, .stemming,
                                               .thesaurus, .crossLanguage, .partialTier, .caseFolding]
}
