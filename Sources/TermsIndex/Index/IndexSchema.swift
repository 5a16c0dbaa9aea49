import Foundation

/// Every term prefix, value slot and metadata key of a termsearch index, in one place.
///
/// Prefixes follow Omega's conventions where one exists (`Q` unique id, `S` title, `L` language,
/// `Z` stemmed, `X…` for termsearch's own fields).
public enum IndexSchema {
    /// Bumped when the index layout changes; an index of another version must be rebuilt.
    public static let version = 2

    // Boolean (filter) prefixes.
    /// Unique id of a clause: `Q` + clause id.
    public static let uniqueID = "Q"
    /// The document a clause belongs to: `XDOC` + document id.
    public static let document = "XDOC"
    /// Supplier, as a lowercase slug: `XS` + slug.
    public static let supplier = "XS"
    /// Language code: `L` + "nl"/"en".
    public static let language = "L"
    /// Topic tag: `XT` + topic.
    public static let topic = "XT"
    /// Document kind: `XK` + kind.
    public static let kind = "XK"
    /// Year of the version date: `Y` + year.
    public static let year = "Y"
    /// Article label, lowercased: `XA` + label ("XA14", "XAa.8").
    public static let article = "XA"
    /// Clause label, lowercased: `XC` + label ("XC14.1").
    public static let clause = "XC"

    // Free-text prefixes.
    /// Words of the document title.
    public static let title = "S"
    /// Words of the clause's and its article's headings.
    public static let heading = "XH"
    /// Words of the supplier's name.
    public static let supplierText = "XP"

    // Value slots.
    /// Supplier display name (facets, per-supplier collapsing).
    public static let supplierSlot = 0
    /// Language code.
    public static let languageSlot = 1
    /// Document kind.
    public static let kindSlot = 2
    /// Year of the version date, as text.
    public static let yearSlot = 3
    /// Document id (per-document collapsing).
    public static let documentSlot = 4
    /// Version date, ISO text (sorting, ranges).
    public static let versionDateSlot = 5
    /// Year as a sortable number (range queries such as `2018..2025`).
    public static let yearNumberSlot = 6
    /// All topic tags of the clause, sorted, joined by `topicSeparator` (exact multi-valued topic facets:
    /// a ValueCountMatchSpy counts each combination, the searcher splits and sums them).
    public static let topicsSlot = 7
    /// Separates the topics in `topicsSlot`.
    public static let topicSeparator = "\n"

    // Metadata keys.
    /// The schema version the index was built with.
    public static let schemaKey = "termsearch.schema"
    /// The stemmer used for a language: key + language code.
    public static let stemmerKeyPrefix = "termsearch.stemmer."
    /// The index-time matching features the index was built with (`MatchingFeatures.description`);
    /// absent in an index built before they existed, which then has none of them.
    public static let featuresKey = "termsearch.features"

    /// The metadata key holding the stemmer name for `language`.
    public static func stemmerKey(_ language: Language) -> String { stemmerKeyPrefix + language.rawValue }

    /// Terms of a boolean field are lowercase; Xapian terms are limited to 245 bytes.
    public static func booleanTerm(_ prefix: String, _ value: String) -> String {
        let term = prefix + value.lowercased()
        return term.utf8.count <= 240 ? term : String(decoding: term.utf8.prefix(240), as: UTF8.self)
    }
}
