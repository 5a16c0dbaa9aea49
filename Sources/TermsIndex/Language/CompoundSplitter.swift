import Foundation

/// Splits Dutch compounds into their parts, so that `verzekering` finds
/// `aansprakelijkheidsverzekering`.
///
/// The method is Koehn & Knight's (2003): among all ways to cut a word into known words, take
/// the one whose parts have the highest geometric mean of corpus frequencies, and keep the word
/// whole when the word itself is more frequent than that mean. Between parts a Dutch linking
/// morpheme may stand: the tussen-s (`leveringstermijn`) or the tussen-e(n) (`klantendienst`,
/// `ziektekosten`). The parts are meant to be indexed in addition to the whole word, never
/// instead of it.
///
/// The cost is O(n²) vocabulary look-ups for a word of n characters (every substring of at least
/// `minPartLength` is looked up once), plus a dynamic programme over at most `maxParts` parts.
/// Callers that run it on every token should memoise per distinct word.
public struct CompoundSplitter: Sendable {
    /// Linking morphemes tried between two parts, longest first.
    public static let linkingMorphemes: [String] = ["en", "s", "e"]

    /// The shortest part accepted, in characters.
    public let minPartLength: Int
    /// The lowest corpus frequency (or lexicon membership) a part needs.
    public let minPartFrequency: Int
    /// The most parts one split may have.
    public let maxParts: Int
    /// How many times more frequent than its parts' geometric mean a word must be to stay whole.
    ///
    /// Koehn & Knight use 1. A terms corpus repeats its domain compounds (`persoonsgegevens`
    /// 102 times against `persoon` 17) so that 1 keeps too many of them whole; 4 measured best
    /// on the gold list (docs/dutch.md).
    public let wholeWordBias: Double

    private let vocabulary: [String: Int]
    private let lexicon: Set<String>
    private let excludedParts: Set<String>

    /// A splitter over `vocabulary` (word → corpus frequency).
    ///
    /// - Parameters:
    ///   - lexicon: extra known words without frequencies (for example a Dutch word list); a
    ///     lexicon word absent from `vocabulary` counts as frequency `minPartFrequency`.
    ///   - excludedParts: words never accepted as parts; by default the Dutch and English
    ///     stopwords, which keeps particle prefixes (`over`, `onder`, `voor`, `door`, `tegen`)
    ///     and English function words from being cut off (`overeenkomst`, `onderhoud`).
    public init(
        vocabulary: [String: Int],
        minPartLength: Int = 3,
        minPartFrequency: Int = 1,
        maxParts: Int = 4,
        wholeWordBias: Double = 4,
        lexicon: Set<String> = [],
        excludedParts: Set<String>? = nil
    ) {
        self.vocabulary = vocabulary
        self.minPartLength = max(1, minPartLength)
        self.minPartFrequency = max(1, minPartFrequency)
        self.maxParts = max(2, maxParts)
        self.wholeWordBias = wholeWordBias
        self.lexicon = lexicon
        self.excludedParts = excludedParts ?? CompoundSplitter.defaultExcludedParts
    }

    /// Words never taken as parts by default: the Snowball stopwords of both languages (the
    /// negations included: `geen` and `niet` are not parts of compounds either), a few more
    /// Dutch particles and archaic prepositions (`toe`, `ten`, `ter`, `per`, `mede`), and the
    /// derivational suffixes that PDF line-break hyphenation turns into "words"
    /// (`aansprakelijk- heid` puts `heid` in the vocabulary).
    public static let defaultExcludedParts: Set<String> = Set(Stopwords.snowballDutch)
        .union(Stopwords.snowballEnglish)
        .union(["toe", "ten", "ter", "per", "mede", "via", "weg", "mee"])
        .union(boundSuffixes)

    /// Dutch derivational suffixes that are not words on their own.
    public static let boundSuffixes: Set<String> = [
        "heid", "heden", "ing", "ingen", "lijk", "lijke", "lijkheid", "baar", "bare", "baarheid",
        "schap", "schappen", "tuur", "zaam", "zame", "zaamheden", "isch", "ische", "atie", "aties",
        "teit", "teiten", "ling", "lingen", "nis", "nissen", "sel", "sels", "erij",
    ]

    /// The parts of `word` (lowercase), or nil when it is not a compound of known words.
    public func split(_ word: String) -> [String]? {
        // Most words are ASCII, where a byte is a character and parts are cut without building
        // Characters; both paths run the same search.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(word.utf8)
            guard bytes.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
            return split(word, units: bytes, linkers: Self.linkingMorphemes.map { Array($0.utf8) }) {
                String(decoding: bytes[$0], as: UTF8.self)
            }
        }
        let chars = Array(word)
        guard chars.allSatisfy({ $0.isLetter }) else { return nil }
        return split(word, units: chars, linkers: Self.linkingMorphemes.map(Array.init)) { String(chars[$0]) }
    }

    /// The search behind `split(_:)` over `word` cut into `units` (bytes or characters); `part`
    /// spells a range of units.
    private func split<Unit: Equatable>(_ word: String, units chars: [Unit], linkers: [[Unit]],
                                        part: (Range<Int>) -> String) -> [String]? {
        let n = chars.count
        guard n >= 2 * minPartLength else { return nil }
        // Every split starts with a known first part and ends with a known last part; most words
        // have neither, and finding that out costs O(n) look-ups instead of the O(n²) table below.
        let hasFirstPart = (minPartLength...(n - minPartLength)).contains { frequency(ofPart: part(0..<$0)) > 0 }
        guard hasFirstPart else { return nil }
        let hasLastPart = (minPartLength...(n - minPartLength)).contains { frequency(ofPart: part($0..<n)) > 0 }
        guard hasLastPart else { return nil }

        // partFrequency[i][j - i - minPartLength]: frequency of chars[i..<j] as a part, 0 if unusable.
        var partFrequency = [[Int]](repeating: [], count: n)
        for i in 0...(n - minPartLength) {
            var row = [Int](repeating: 0, count: n - i - minPartLength + 1)
            for j in (i + minPartLength)...n where !(i == 0 && j == n) {
                row[j - i - minPartLength] = frequency(ofPart: part(i..<j))
            }
            partFrequency[i] = row
        }
        // best[k][i]: highest sum of log frequencies for cutting chars[0..<i] into k parts (and
        // linkers), such that a new part starts at i. Back-pointers rebuild the parts.
        var best = [[Step?]](repeating: [Step?](repeating: nil, count: n + 1), count: maxParts + 1)
        best[0][0] = Step(score: 0, partStart: 0, partEnd: 0)
        var finals: [(parts: Int, score: Double, partStart: Int)] = []
        for k in 0..<maxParts {
            for i in 0..<n {
                guard let here = best[k][i], n - i >= minPartLength else { continue }
                for j in (i + minPartLength)...n {
                    let f = partFrequency[i][j - i - minPartLength]
                    guard f > 0 else { continue }
                    let score = here.score + log(Double(f))
                    if j == n {
                        if k + 1 >= 2 { finals.append((k + 1, score, i)) }
                        continue
                    }
                    if k + 1 >= maxParts { continue }
                    var nexts = [j]
                    for linker in linkers where j + linker.count < n {
                        if chars[j..<(j + linker.count)].elementsEqual(linker) { nexts.append(j + linker.count) }
                    }
                    for next in nexts where best[k + 1][next].map({ score > $0.score }) ?? true {
                        best[k + 1][next] = Step(score: score, partStart: i, partEnd: j)
                    }
                }
            }
        }
        // Fewest parts wins; among as many parts, the highest geometric mean of frequencies.
        guard let winner = finals.max(by: { a, b in
            a.parts != b.parts ? a.parts > b.parts : a.score < b.score
        }) else { return nil }
        if keepsWhole(word, winner) { return nil }
        var parts = [part(winner.partStart..<n)]
        var k = winner.parts - 1
        var position = winner.partStart
        while k > 0, let step = best[k][position] {
            parts.append(part(step.partStart..<step.partEnd))
            position = step.partStart
            k -= 1
        }
        return parts.reversed()
    }

    /// A cell of the dynamic programme: the best score so far and the part that ends there.
    private struct Step { var score: Double; var partStart: Int; var partEnd: Int }

    /// Koehn & Knight's test, with the bias: the word stays whole when it is at least
    /// `wholeWordBias` times as frequent as the geometric mean of the parts.
    private func keepsWhole(_ word: String, _ winner: (parts: Int, score: Double, partStart: Int)) -> Bool {
        let wordFrequency = Double(vocabulary[word] ?? 0)
        return wordFrequency > 0 && wordFrequency >= wholeWordBias * exp(winner.score / Double(winner.parts))
    }

    private func frequency(ofPart part: String) -> Int {
        if excludedParts.contains(part) { return 0 }
        let f = vocabulary[part] ?? 0
        if f >= minPartFrequency { return f }
        return lexicon.contains(part) ? minPartFrequency : 0
    }

    /// Word → frequency over `texts`, words lowercased as `WordTokenizer` finds them.
    public static func vocabulary(from texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in WordTokenizer.lowercasedWords(text) { counts[word, default: 0] += 1 }
        }
        return counts
    }
}
