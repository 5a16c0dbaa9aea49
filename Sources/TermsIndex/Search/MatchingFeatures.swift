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

    /// Everything on.
    public static let all: MatchingFeatures = [.diacriticFolding, .compoundParts, .partySynonyms, .proximityBoost, .stemming]
}
