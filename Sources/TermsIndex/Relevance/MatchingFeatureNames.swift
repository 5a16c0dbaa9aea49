import Foundation

extension MatchingFeatures {
    /// Each feature with the name the CLI (`--features`) and the index metadata use for it.
    public static let named: [(name: String, feature: MatchingFeatures)] = [
        ("folding", .diacriticFolding), ("compounds", .compoundParts), ("synonyms", .partySynonyms),
        ("proximity", .proximityBoost), ("stemming", .stemming), ("thesaurus", .thesaurus),
        ("cross-language", .crossLanguage), ("tiers", .partialTier), ("case", .caseFolding),
    ]

    /// The features that change what is indexed (the rest act on the query only).
    public static let indexTime: MatchingFeatures = [.diacriticFolding, .compoundParts, .partySynonyms, .stemming]

    /// The names of the features in this set, in `named` order ("none" for the empty set).
    public var names: [String] {
        Self.named.filter { contains($0.feature) }.map(\.name)
    }

    /// Comma-separated names, or "none".
    public var description: String { names.isEmpty ? "none" : names.joined(separator: ",") }

    /// Parses a feature list: comma-separated names, `all`, `none`, and `-name` to take one away
    /// (`all,-compounds`). Returns nil when a name is unknown.
    public init?(parsing text: String) {
        var set: MatchingFeatures = []
        for raw in text.split(separator: ",").map({ String(LegalThesaurus.trimmed($0)) }) where !raw.isEmpty {
            let removing = raw.hasPrefix("-")
            let name = removing ? String(raw.dropFirst()) : raw
            let feature: MatchingFeatures
            switch name {
            case "all": feature = .all
            case "none": feature = []
            default:
                guard let found = Self.named.first(where: { $0.name == name }) else { return nil }
                feature = found.feature
            }
            if removing { set.subtract(feature) } else { set.formUnion(feature) }
        }
        self = set
    }
}
