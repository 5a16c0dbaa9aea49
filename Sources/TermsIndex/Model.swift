import Foundation

/// A natural language a section of terms is written in; decides stemming and stopwords.
public enum Language: String, Codable, Sendable, CaseIterable {
    case dutch = "nl"
    case english = "en"

    /// The Xapian stemmer name for this language.
    public var stemmerName: String {
        switch self {
        case .dutch: return "dutch"
        case .english: return "english"
        }
    }
}
