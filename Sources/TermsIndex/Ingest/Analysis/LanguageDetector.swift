import Foundation

/// Decides whether a piece of terms is Dutch or English from function words and letter patterns.
///
/// Function words carry most of the evidence: they are frequent in every clause whatever its
/// subject, and the two lists are disjoint (words both languages use, like `is`, `in`, `of`, `we`,
/// `over`, are left out on purpose). Dutch letter patterns (`ij`, `sch`, `oe`, `aa`) and English
/// ones (`th`, `wh`, `-tion`) add weak evidence, which helps on short headings and defined terms.
public enum LanguageDetector {
    /// Frequent Dutch function words that are not English words.
    static let dutchWords: Set<String> = [
        "de", "het", "een", "van", "en", "voor", "niet", "op", "te", "zijn", "wordt", "worden", "deze",
        "bij", "dat", "die", "met", "aan", "als", "ook", "naar", "uit", "tot", "zal", "zullen", "dan",
        "kan", "kunnen", "geen", "hij", "zij", "wij", "u", "uw", "je", "jouw", "onze", "ons", "heeft",
        "hebben", "door", "dit", "indien", "tenzij", "waarbij", "welke", "wel", "nog", "om", "maar",
        "na", "alle", "andere", "zoals", "binnen", "tussen", "wanneer", "hem", "haar", "hun", "er",
        "daarvan", "hiervan", "waarin", "mag", "moet", "dient", "reeds", "sprake", "ten", "ter",
    ]
    /// Frequent English function words that are not Dutch words.
    static let englishWords: Set<String> = [
        "the", "and", "to", "a", "an", "for", "be", "shall", "with", "by", "that", "this", "are",
        "will", "or", "not", "on", "as", "at", "from", "which", "you", "your", "our", "it", "its",
        "may", "if", "any", "has", "have", "been", "were", "was", "can", "these", "such", "within",
        "than", "other", "would", "there", "their", "they", "into", "upon", "must", "should", "whether",
        "all", "no", "of", "those", "who", "whom", "does", "do", "after", "before",
    ]

    /// Weighted evidence below which the detector declines to decide.
    static let minimumEvidence = 4.0
    /// Share of the evidence the winning language needs.
    static let minimumShare = 0.7

    /// The language of `text`, or nil when it is too short or too mixed to tell.
    public static func detect(_ text: String) -> Language? {
        let (dutch, english) = evidence(text)
        let total = dutch + english
        guard total >= minimumEvidence else { return nil }
        if dutch / total >= minimumShare { return .dutch }
        if english / total >= minimumShare { return .english }
        return nil
    }

    /// Each language's share of the evidence in `text` (0...1, summing to 1; empty when there is none).
    public static func scores(_ text: String) -> [Language: Double] {
        let (dutch, english) = evidence(text)
        let total = dutch + english
        guard total > 0 else { return [:] }
        return [.dutch: dutch / total, .english: english / total]
    }

    /// Weighted Dutch and English evidence: one point per function word, a quarter per letter pattern.
    static func evidence(_ text: String) -> (dutch: Double, english: Double) {
        var dutch = 0.0, english = 0.0
        for word in words(text) {
            if dutchWords.contains(word) { dutch += 1 }
            if englishWords.contains(word) { english += 1 }
            // Letter patterns only on content words, so "the" is not counted twice.
            guard word.count > 3 else { continue }
            if word.contains("ij") { dutch += 0.25 }
            if word.contains("sch") { dutch += 0.25 }
            if word.contains("oe") && !word.hasSuffix("oes") { dutch += 0.25 }
            if word.contains("aa") || word.contains("uu") { dutch += 0.25 }
            if word.hasPrefix("th") || word.hasPrefix("wh") { english += 0.25 }
            if word.hasSuffix("tion") || word.hasSuffix("ly") { english += 0.25 }
        }
        return (dutch, english)
    }

    /// Lower-cased letter runs; digits and punctuation separate words.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }
}
