import Foundation

/// Every term prefix, value slot and metadata key of a termsearch index, in one place.
///
/// Prefixes follow Omega's conventions where one exists (`Q` unique id, `S` title, `L` language,
/// `Z` stemmed, `X…` for termsearch's own fields).
public enum IndexSchema {
    /// Bumped when the index layout changes; an index of another version must be rebuilt.
    /// 3: compact clause data instead of JSON; four value slots instead of eight. 6: document
    /// fields stored once per document (on its first clause, `documentRecord`), title and
    /// supplier words no longer indexed on every clause.
    public static let version = 6

    // Boolean (filter) prefixes.
    /// Unique id of a clause: `Q` + clause id.
    public static let uniqueID = "Q"
    /// The document a clause belongs to: `XDOC` + document id.
    public static let document = "XDOC"
    /// The one clause of a document whose data holds the document's fields (path, supplier, title,
    /// version, kind): `XR` + document id.
    public static let documentRecord = "XR"
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
    /// Words of the clause's and its article's headings. (The title and supplier name, `S` and `XP`
    /// before schema 6, are matched per document: `DocumentFieldSearch`.)
    public static let heading = "XH"

    // Value slots (three: each slot a clause fills costs the writer about 3 % of its time).
    /// The clause's document as a `DocumentValue`: its id, supplier, kind and version date in one
    /// value, for per-document collapsing and the document, supplier, kind and year facets (all
    /// properties of the document: one spy, one distinct value per document).
    public static let documentSlot = 0
    /// The clause's own facets as a `FacetValue`: language and topics. Two spies read two values
    /// per match where a spy per facet read four, and reading values is what costs.
    public static let facetSlot = 1
    /// Version date, ISO text (ranges of dates and years).
    public static let versionDateSlot = 2
    /// Separates the topics in a `FacetValue`.
    public static let topicSeparator = "\n"

    // Metadata keys.
    /// The schema version the index was built with.
    public static let schemaKey = "termsearch.schema"
    /// The stemmer used for a language: key + language code.
    public static let stemmerKeyPrefix = "termsearch.stemmer."
    /// The index-time matching features the index was built with (`MatchingFeatures.description`);
    /// absent in an index built before they existed, which then has none of them.
    public static let featuresKey = "termsearch.features"

    /// What is wrong with an index whose schema metadata reads `schema` (nil: nothing), for
    /// termsearch that `reads` or writes it. A value that is not a number is damage (the metadata
    /// lives in the postlist table), not an old version.
    static func schemaProblem(_ schema: String, path: String, reads: Bool = true) -> String? {
        if schema == String(version) { return nil }
        if schema.isEmpty {
            return "it has no termsearch schema version: it is not a termsearch index, or it is damaged (run: termsearch check --index \(path))"
        }
        guard schema.count <= 6, schema.allSatisfy(\.isASCII), schema.allSatisfy(\.isNumber) else {
            return "its schema version cannot be read: it is damaged (run: termsearch check --index \(path))"
        }
        return "it has schema version \(schema), this termsearch \(reads ? "reads" : "writes") \(version); delete it and index again"
    }

    /// The metadata key holding the stemmer name for `language`.
    public static func stemmerKey(_ language: Language) -> String { stemmerKeyPrefix + language.rawValue }

    /// Terms of a boolean field are lowercase; Xapian terms are limited to 245 bytes.
    public static func booleanTerm(_ prefix: String, _ value: String) -> String {
        let term = prefix + value.lowercased()
        return term.utf8.count <= 240 ? term : String(decoding: term.utf8.prefix(240), as: UTF8.self)
    }
}

/// The value of `IndexSchema.documentSlot`: document id, supplier display name, kind and version date (empty
/// when unknown), joined by U+001F (ids are slugs; a U+001F in a name or kind becomes a space).
public struct DocumentValue: Hashable, Sendable {
    public var document: String
    public var supplier: String
    public var kind: String?
    /// The document's version date (ISO), for the year facet.
    public var versionDate: String?

    public init(document: String, supplier: String, kind: String?, versionDate: String? = nil) {
        self.document = document
        self.supplier = supplier
        self.kind = kind
        self.versionDate = versionDate
    }

    /// Reads a slot value; a value without separators is taken as a bare document id.
    public init(_ value: String) {
        let fields = value.split(separator: "\u{1F}", maxSplits: 3, omittingEmptySubsequences: false)
        document = String(fields[0])
        supplier = fields.count > 1 ? String(fields[1]) : ""
        kind = fields.count > 2 && !fields[2].isEmpty ? String(fields[2]) : nil
        versionDate = fields.count > 3 && !fields[3].isEmpty ? String(fields[3]) : nil
    }

    /// The slot value.
    public var encoded: String {
        func clean(_ s: String) -> String { s.utf8.contains(0x1F) ? s.replacingOccurrences(of: "\u{1F}", with: " ") : s }
        return document + "\u{1F}" + clean(supplier) + "\u{1F}" + clean(kind ?? "") + "\u{1F}" + (versionDate ?? "")
    }
}

/// The value of `IndexSchema.facetSlot`: a clause's own facets, its language and topics (few
/// distinct values over a whole index, so the spy's table stays small).
public struct FacetValue: Hashable, Sendable {
    public var language: String
    public var topics: [String]

    public init(language: String, topics: [String]) {
        self.language = language
        self.topics = topics
    }

    /// Reads a slot value.
    public init(_ value: String) {
        let fields = value.split(separator: "\u{1E}", maxSplits: 1, omittingEmptySubsequences: false)
        language = String(fields[0])
        topics = fields.count > 1 && !fields[1].isEmpty ? fields[1].components(separatedBy: IndexSchema.topicSeparator) : []
    }

    /// The slot value: language, U+001E, the topics sorted and joined by `topicSeparator`.
    public var encoded: String {
        language + "\u{1E}" + topics.sorted().joined(separator: IndexSchema.topicSeparator)
    }
}
