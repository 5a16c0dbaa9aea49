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

    /// The function words packed as `packed(_:)` does, for look-ups without making Strings.
    static let dutchPacked = Set(dutchWords.compactMap { packed(Array($0.utf8)[...]) })
    static let englishPacked = Set(englishWords.compactMap { packed(Array($0.utf8)[...]) })

    /// A word of at most 7 ASCII bytes as one integer (bytes in order, then the length); nil otherwise.
    static func packed(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 7 else { return nil }
        var value: UInt64 = 0
        for byte in word {
            guard byte < 0x80 else { return nil }
            value = value << 8 | UInt64(byte)
        }
        return value << 8 | UInt64(word.count)
    }

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

    /// Evidence is read from at most this many bytes: a few hundred words decide, and long
    /// clauses should not cost more.
    static let maximumBytes = 6_000

    /// Weighted Dutch and English evidence: one point per function word, a quarter per letter pattern.
    static func evidence(_ text: String) -> (dutch: Double, english: Double) {
        var dutch = 0.0, english = 0.0
        forEachWord(text) { word in
            // Function words are short ASCII words, looked up as integers.
            if let key = packed(word) {
                if dutchPacked.contains(key) { dutch += 1 }
                if englishPacked.contains(key) { english += 1 }
            }
            // Letter patterns only on content words, so "the" is not counted twice.
            guard word.count > 3 else { return }
            if contains(word, 0x69, 0x6A) { dutch += 0.25 }                        // ij
            if contains(word, 0x73, 0x63, 0x68) { dutch += 0.25 }                  // sch
            if contains(word, 0x6F, 0x65) && !hasSuffix(word, [0x6F, 0x65, 0x73]) { dutch += 0.25 }  // oe, not -oes
            if contains(word, 0x61, 0x61) || contains(word, 0x75, 0x75) { dutch += 0.25 }  // aa, uu
            if hasPrefix(word, [0x74, 0x68]) || hasPrefix(word, [0x77, 0x68]) { english += 0.25 }  // th-, wh-
            if hasSuffix(word, [0x74, 0x69, 0x6F, 0x6E]) || hasSuffix(word, [0x6C, 0x79]) { english += 0.25 }  // -tion, -ly
        }
        return (dutch, english)
    }

    /// Calls `body` with each lower-cased word (UTF-8 bytes) of the first `maximumBytes` of `text`.
    /// ASCII letters and every non-ASCII byte (accented letters) make words; digits, punctuation
    /// and white space separate them.
    static func forEachWord(_ text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        var bytes = Array(text.utf8.prefix(maximumBytes))
        var start = -1
        for i in bytes.indices {
            let b = bytes[i]
            let isLetter: Bool
            if b >= 0x41 && b <= 0x5A { bytes[i] = b + 32; isLetter = true }
            else { isLetter = (b >= 0x61 && b <= 0x7A) || b >= 0x80 }
            if isLetter {
                if start < 0 { start = i }
            } else if start >= 0 {
                body(bytes[start..<i])
                start = -1
            }
        }
        if start >= 0 { body(bytes[start...]) }
    }

    static func contains(_ word: ArraySlice<UInt8>, _ a: UInt8, _ b: UInt8, _ c: UInt8? = nil) -> Bool {
        var i = word.startIndex
        while i + 1 < word.endIndex {
            if word[i] == a && word[i + 1] == b {
                guard let c else { return true }
                if i + 2 < word.endIndex && word[i + 2] == c { return true }
            }
            i += 1
        }
        return false
    }

    static func hasPrefix(_ word: ArraySlice<UInt8>, _ prefix: [UInt8]) -> Bool {
        word.count >= prefix.count && word.prefix(prefix.count).elementsEqual(prefix)
    }

    static func hasSuffix(_ word: ArraySlice<UInt8>, _ suffix: [UInt8]) -> Bool {
        word.count >= suffix.count && word.suffix(suffix.count).elementsEqual(suffix)
    }
}
