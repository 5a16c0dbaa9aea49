/// Stopword lists: Snowball's Dutch and English lists, minus the words that change what a
/// clause means.
///
/// In terms and conditions `niet aansprakelijk` and `aansprakelijk` are opposite clauses, and
/// `kan` (may) and `moet` (must) are different obligations, so negations and modal verbs of
/// obligation or permission are kept out of the lists and stay searchable. See docs/dutch.md.
public enum Stopwords {
    /// The stopwords for `language`, lowercase, with and without diacritics.
    public static func words(for language: Language) -> Set<String> {
        switch language {
        case .dutch: return dutch
        case .english: return english
        }
    }

    /// Whether `word` (any case) is a stopword of `language`.
    public static func contains(_ word: String, language: Language) -> Bool {
        words(for: language).contains(word.lowercased())
    }

    /// Words of Snowball's lists that this project does not stop, with the reason.
    public static let keptOut: [Language: [String: String]] = [
        .dutch: [
            "niet": "negation", "geen": "negation", "niets": "negation", "zonder": "negation",
            "moet": "obligation", "zal": "obligation", "kan": "permission",
            "kunnen": "permission", "altijd": "universal quantifier",
        ],
        .english: [
            "no": "negation", "nor": "negation", "not": "negation", "cannot": "negation",
            "isn't": "negation", "aren't": "negation", "wasn't": "negation", "weren't": "negation",
            "hasn't": "negation", "haven't": "negation", "hadn't": "negation",
            "doesn't": "negation", "don't": "negation", "didn't": "negation", "won't": "negation",
            "wouldn't": "negation", "shan't": "negation", "shouldn't": "negation",
            "can't": "negation", "couldn't": "negation", "mustn't": "negation",
            "should": "obligation", "ought": "obligation", "only": "restriction",
        ],
    ]

    /// Snowball's Dutch list (snowballstem.org/algorithms/dutch/stop.txt), all 101 words.
    public static let snowballDutch: [String] = [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn",
        "is", "was", "op", "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan",
        "zou", "of", "wat", "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij",
        "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar", "heb", "hoe", "heeft",
        "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen", "omdat",
        "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben",
        "zonder", "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd",
        "altijd", "doch", "wordt", "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds",
        "wil", "kon", "niets", "uw", "iemand", "geweest", "andere",
    ]

    /// Snowball's English list (snowballstem.org/algorithms/english/stop.txt), all 174 words.
    public static let snowballEnglish: [String] = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
        "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
        "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
        "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're",
        "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd",
        "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't", "aren't", "wasn't",
        "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't",
        "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's",
        "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's",
        "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of",
        "at", "by", "for", "with", "about", "against", "between", "into", "through", "during",
        "before", "after", "above", "below", "to", "from", "up", "down", "in", "out", "on",
        "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
        "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
    ]

    /// Words that only ask the question (`wanneer vervalt de garantie`, `what happens with late
    /// payment`): left out of a query's plain words like stopwords, but indexed as usual. Snowball's
    /// English list already has `when`, `why`, `which`; its Dutch list has `hoe`, `wie`, `wat` but
    /// not these.
    public static let questionWords: [Language: Set<String>] = [
        .dutch: ["wanneer", "waarom", "welke", "welk", "hoeveel", "hoelang", "gebeurt", "gebeuren"],
        .english: ["happens", "happen", "happened"],
    ]

    /// The stopwords of a query in `language`: the stopwords and the question words.
    public static func queryWords(for language: Language) -> Set<String> {
        switch language {
        case .dutch: return dutchQuery
        case .english: return englishQuery
        }
    }

    private static let dutchQuery = dutch.union(questionWords[.dutch]!)
    private static let englishQuery = english.union(questionWords[.english]!)

    private static let dutch: Set<String> = listed(snowballDutch, language: .dutch)
    private static let english: Set<String> = listed(snowballEnglish, language: .english)

    private static func listed(_ list: [String], language: Language) -> Set<String> {
        let kept = keptOut[language] ?? [:]
        var set = Set(list.filter { kept[$0] == nil })
        for word in set { set.insert(DiacriticFolding.fold(word)) }
        return set
    }
}
