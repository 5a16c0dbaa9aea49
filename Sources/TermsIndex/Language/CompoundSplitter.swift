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

    /// The weight a lexicon part gets when the hunspell flags allow it where it stands (`klacht`
    /// first, `termijn` last, `levering` before a linking `s`), added to its document frequency.
    public static let compoundFlagWeight = 4.0
    /// The weight of a lexicon word without such a flag, as a first or middle part of at least
    /// `minLexiconPartLength` characters. A last part needs a flag or the document's own use.
    public static let lexiconWordWeight = 0.5
    /// The weight of the whole word when it is a hunspell lemma (a word in its own right:
    /// `scheidsrechter`, `verzekering`), added to its document frequency in the keep-whole test.
    public static let dictionaryWordWeight = 8.0
    /// The shortest lexicon part without a compound flag (the word list has `tij`, `ver`, `beg`).
    public static let minLexiconPartLength = 4

    /// Document word hash → frequency (`CompoundLexicon.hash` of the word's UTF-8 bytes).
    private let counts: [UInt64: Int]
    private let lexicon: CompoundLexicon?
    private let excluded: Set<UInt64>

    /// A splitter over `vocabulary` (word → frequency: the words of the document being indexed).
    ///
    /// - Parameters:
    ///   - lexicon: the Dutch lexicon (`SystemWordList.compoundLexicon`); nil splits with the
    ///     vocabulary alone, as Koehn & Knight.
    ///   - excludedParts: words never accepted as parts; by default the Dutch and English
    ///     stopwords, which keeps particle prefixes (`over`, `onder`, `voor`, `door`, `tegen`)
    ///     and English function words from being cut off (`overeenkomst`, `onderhoud`).
    public init(
        vocabulary: [String: Int],
        minPartLength: Int = 3,
        minPartFrequency: Int = 1,
        maxParts: Int = 4,
        wholeWordBias: Double = 4,
        lexicon: CompoundLexicon? = nil,
        excludedParts: Set<String>? = nil
    ) {
        var counts: [UInt64: Int] = [:]
        counts.reserveCapacity(vocabulary.count)
        for (word, count) in vocabulary { counts[CompoundLexicon.hash(word.utf8), default: 0] += count }
        self.counts = counts
        self.minPartLength = max(1, minPartLength)
        self.minPartFrequency = max(1, minPartFrequency)
        self.maxParts = max(2, maxParts)
        self.wholeWordBias = wholeWordBias
        self.lexicon = lexicon
        excluded = Set((excludedParts ?? CompoundSplitter.defaultExcludedParts).map { CompoundLexicon.hash($0.utf8) })
    }

    /// Words never taken as parts by default: the Snowball stopwords of both languages (the
    /// negations included: `geen` and `niet` are not parts of compounds either), a few more
    /// Dutch particles and archaic prepositions (`toe`, `ten`, `ter`, `per`, `mede`), the
    /// particles and prefixes that make derivations rather than compounds (`achter`, `binnen`,
    /// `buiten`, `samen`, `ver`, `ont`: `verzekering` is not ver+zekering), and the derivational
    /// suffixes that PDF line-break hyphenation turns into "words" (`aansprakelijk- heid` puts
    /// `heid` in the vocabulary).
    public static let defaultExcludedParts: Set<String> = Set(Stopwords.snowballDutch)
        .union(Stopwords.snowballEnglish)
        .union(["toe", "ten", "ter", "per", "mede", "via", "weg", "mee"])
        .union(particles)
        .union(boundSuffixes)

    /// Particles, adverbs and prefixes that begin derivations (particle verbs and their nouns),
    /// which this splitter does not take for compounds, as it does not take `over`, `onder`.
    public static let particles: Set<String> = [
        "achter", "binnen", "buiten", "tussen", "samen", "terug", "voort", "neer", "rond", "vast",
        "thuis", "verder", "waar", "des", "overeen", "vooraf", "onderaan", "ver", "ont", "her",
        "mis", "wan",
        // Agent nouns of verb phrases (opdracht geven, verzekering nemen) are words in their own
        // right, not compounds with a head `gever` or `nemer` (docs/dutch.md, opdrachtgever).
        "gever", "gevers", "nemer", "nemers",
    ]

    /// Dutch derivational suffixes that are not words on their own.
    public static let boundSuffixes: Set<String> = [
        "heid", "heden", "ing", "ingen", "lijk", "lijke", "lijkheid", "baar", "bare", "baarheid",
        "schap", "schappen", "tuur", "zaam", "zame", "zaamheden", "isch", "ische", "atie", "aties",
        "teit", "teiten", "ling", "lingen", "nis", "nissen", "sel", "sels", "erij",
        "matig", "matige",
    ]

    /// The parts of `word` (lowercase, folded), or nil when it is not a compound of known words.
    public func split(_ word: String) -> [String]? {
        let bytes = Array(word.utf8)
        // Most words are ASCII, where a byte is a character; otherwise parts are cut only at
        // character boundaries and measured in characters.
        var starts: [Int]? = nil
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard bytes.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
        } else {
            guard word.allSatisfy({ $0.isLetter }) else { return nil }
            var prefix = [Int](repeating: 0, count: bytes.count + 1)
            for (i, b) in bytes.enumerated() { prefix[i + 1] = prefix[i] + ((b & 0xC0) == 0x80 ? 0 : 1) }
            starts = prefix
        }
        return Search(splitter: self, bytes: bytes, characters: starts).run()
    }

    /// One word's search: every way to cut it into 2…`maxParts` scored parts (and linkers).
    private struct Search {
        let splitter: CompoundSplitter
        let bytes: [UInt8]
        /// characters[i]: characters in bytes[0..<i]; nil for ASCII.
        let characters: [Int]?
        let n: Int
        /// hashes[i * (n + 1) + j]: the hash of bytes[i..<j], for words of up to 64 bytes (each
        /// row extends the last hash by a byte); longer words hash each range when asked.
        let hashes: [UInt64]

        init(splitter: CompoundSplitter, bytes: [UInt8], characters: [Int]?) {
            self.splitter = splitter
            self.bytes = bytes
            self.characters = characters
            n = bytes.count
            guard n <= 64 else { hashes = []; return }
            var table = [UInt64](repeating: 0, count: (n + 1) * (n + 1))
            for i in 0..<n {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325
                for j in (i + 1)...n {
                    h = (h ^ UInt64(bytes[j - 1])) &* 0x100_0000_01B3
                    table[i * (n + 1) + j] = h
                }
            }
            hashes = table
        }

        static let linkers: [[UInt8]] = CompoundSplitter.linkingMorphemes.map { Array($0.utf8) }

        func length(_ i: Int, _ j: Int) -> Int { characters.map { $0[j] - $0[i] } ?? (j - i) }
        func isBoundary(_ i: Int) -> Bool { i == n || (bytes[i] & 0xC0) != 0x80 }

        func run() -> [String]? {
            let minPart = splitter.minPartLength
            guard length(0, n) >= 2 * minPart else { return nil }
            // Cheap exits: most words have no known first part, and then no split.
            let hasFirst = (1..<n).contains { j in
                isBoundary(j) && length(0, j) >= minPart && length(j, n) >= minPart && known(0, j)
            }
            guard hasFirst else { return nil }

            // best[k][i]: highest sum of log part scores for cutting bytes[0..<i] into k parts
            // (and linkers), a new part starting at i; with back-pointers.
            var best = [[Step?]](repeating: [Step?](repeating: nil, count: n + 1), count: splitter.maxParts + 1)
            best[0][0] = Step(score: 0, partStart: 0, partEnd: 0)
            var finals: [(parts: Int, score: Double, partStart: Int)] = []
            var lastScores = [Double](repeating: -1, count: n + 1) // score of bytes[i..<n], once
            for k in 0..<splitter.maxParts {
                for i in 0..<n {
                    guard let here = best[k][i], length(i, n) >= minPart else { continue }
                    for j in (i + 1)...n where isBoundary(j) && length(i, j) >= minPart && !(i == 0 && j == n) {
                        if j == n {
                            guard k + 1 >= 2 else { continue }
                            if lastScores[i] < 0 { lastScores[i] = score(i, j, last: true, linker: []) }
                            let s = lastScores[i]
                            if s > 0 { finals.append((k + 1, here.score + log(s), i)) }
                            continue
                        }
                        guard k + 1 < splitter.maxParts, length(j, n) >= minPart else { continue }
                        for linker in [[]] + Self.linkers {
                            let next = j + linker.count
                            guard next < n else { continue }
                            if !linker.isEmpty, !bytes[j..<next].elementsEqual(linker) { continue }
                            let s = score(i, j, last: false, linker: linker)
                            guard s > 0 else { continue }
                            let total = here.score + log(s)
                            if best[k + 1][next].map({ total > $0.score }) ?? true {
                                best[k + 1][next] = Step(score: total, partStart: i, partEnd: j)
                            }
                        }
                    }
                }
            }
            // Fewest parts wins; among as many parts, the highest geometric mean of scores.
            guard let winner = finals.max(by: { a, b in
                a.parts != b.parts ? a.parts > b.parts : a.score < b.score
            }) else { return nil }
            if keepsWhole(geometricMean: exp(winner.score / Double(winner.parts))) { return nil }
            var parts = [string(winner.partStart, n)]
            var k = winner.parts - 1
            var position = winner.partStart
            while k > 0, let step = best[k][position] {
                parts.append(string(step.partStart, step.partEnd))
                position = step.partStart
                k -= 1
            }
            return parts.reversed()
        }

        func string(_ i: Int, _ j: Int) -> String { String(decoding: bytes[i..<j], as: UTF8.self) }
        func hash(_ i: Int, _ j: Int) -> UInt64 {
            hashes.isEmpty ? CompoundLexicon.hash(bytes[i..<j]) : hashes[i * (n + 1) + j]
        }

        func count(_ h: UInt64) -> Int {
            let f = splitter.counts[h] ?? 0
            return f >= splitter.minPartFrequency ? f : 0
        }

        /// Whether bytes[i..<j] could be a part at all: in the document or in the lexicon.
        func known(_ i: Int, _ j: Int) -> Bool {
            let h = hash(i, j)
            if splitter.excluded.contains(h) { return false }
            return count(h) > 0 || splitter.lexicon.map { !$0.flags(hash: h).isEmpty } ?? false
        }

        /// The score of bytes[i..<j] as a part (0: not a part): its document frequency, plus
        /// `compoundFlagWeight` when the lexicon allows it in this place, or `lexiconWordWeight`
        /// for another lexicon word before the last part.
        func score(_ i: Int, _ j: Int, last: Bool, linker: [UInt8]) -> Double {
            let h = hash(i, j)
            if splitter.excluded.contains(h) { return 0 }
            if !linker.isEmpty, splitter.excluded.contains(hash(i, j + linker.count)) { return 0 } // binn+en
            var s = Double(count(h))
            guard let lexicon = splitter.lexicon else { return s }
            let flags = lexicon.flags(hash: h)
            let fits: Bool
            if last {
                fits = stemHashes(i, j).contains { lexicon.flags(hash: $0).contains(.end) }
            } else if flags.contains(.begin) {
                fits = true
            } else if linker.isEmpty {
                fits = false
            } else {
                fits = flags.contains(.beginWithS)
                    || (linker != [0x73] && lexicon.flags(hash: hash(i, j + linker.count)).contains(.begin))
            }
            if fits {
                s += CompoundSplitter.compoundFlagWeight
            } else if !last, length(i, j) >= CompoundSplitter.minLexiconPartLength,
                      !flags.isDisjoint(with: [.word, .dictionary]) {
                s += CompoundSplitter.lexiconWordWeight
            }
            return s
        }

        /// Koehn & Knight's test, with the bias: the word stays whole when its document frequency,
        /// plus `dictionaryWordWeight` if it is a lemma of the dictionary, is at least
        /// `wholeWordBias` times the parts' geometric mean.
        func keepsWhole(geometricMean: Double) -> Bool {
            var whole = Double(splitter.counts[hash(0, n)] ?? 0)
            if let lexicon = splitter.lexicon,
               stemHashes(0, n).contains(where: { lexicon.flags(hash: $0).contains(.dictionary) }) {
                whole += CompoundSplitter.dictionaryWordWeight
            }
            return whole > 0 && whole >= splitter.wholeWordBias * geometricMean
        }

        /// Hashes of bytes[i..<j] and of the lemmas it may be an inflection of: plural `-en`,
        /// `-s`, `-'s`, `-eren`, adjective `-e`, with the spelling changes (`begrippen` →
        /// `begrip`, `bedrijven` → `bedrijf`, `huizen` → `huis`, `talen` → `taal`,
        /// `werkzaamheden` → `werkzaamheid`). The dictionary has lemmas; the word list, forms.
        func stemHashes(_ i: Int, _ j: Int) -> [UInt64] {
            var out = [hash(i, j)]
            let p = bytes[i..<j]
            func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }
            for suffix in Self.inflections where p.count - suffix.count >= 3 && p.suffix(suffix.count).elementsEqual(suffix) {
                let b = Array(p.dropLast(suffix.count))
                out.append(CompoundLexicon.hash(b))
                let c = b.count
                if b[c - 1] == b[c - 2], !isVowel(b[c - 1]) { out.append(CompoundLexicon.hash(b.dropLast())) }
                if b[c - 1] == 0x76 { out.append(CompoundLexicon.hash(b.dropLast() + [0x66])) } // v → f
                if b[c - 1] == 0x7A { out.append(CompoundLexicon.hash(b.dropLast() + [0x73])) } // z → s
                if c >= 3, !isVowel(b[c - 1]), b[c - 1] < 0x80, isVowel(b[c - 2]), b[c - 2] != 0x69, !isVowel(b[c - 3]) {
                    out.append(CompoundLexicon.hash(b.dropLast() + [b[c - 2], b[c - 1]])) // tal → taal
                }
            }
            if p.count > 5, p.suffix(5).elementsEqual(Array("heden".utf8)) {
                out.append(CompoundLexicon.hash(Array(p.dropLast(5)) + Array("heid".utf8)))
            }
            return out
        }

        static let inflections: [[UInt8]] = ["'s", "s", "e", "n", "en", "es", "eren", "ers", "er"].map { Array($0.utf8) }
    }

    /// A cell of the dynamic programme: the best score so far and the part that ends there.
    private struct Step { var score: Double; var partStart: Int; var partEnd: Int }

    /// Word → frequency over `texts`, words lowercased as `WordTokenizer` finds them.
    public static func vocabulary(from texts: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in WordTokenizer.lowercasedWords(text) { counts[word, default: 0] += 1 }
        }
        return counts
    }
}
