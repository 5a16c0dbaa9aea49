import Foundation

/// The Dutch lexicon the compound splitter knows words from, besides the document's own words:
/// OpenTaal's word list (Debian `wdutch`, every inflected form, compounds included) and OpenTaal's
/// hunspell dictionary (Debian `hunspell-nl`, lemmas with flags that say which of them may begin,
/// stand inside or end a compound, and which take a linking `s`). See docs/dutch.md.
///
/// Words are held as 64-bit FNV-1a hashes of their lowercased, diacritic-folded UTF-8 bytes with a
/// byte of `Flags`, so a look-up costs one hash of the part's bytes and one dictionary probe, and
/// the splitter never builds a String for a part. A false match needs two words with the same
/// 64-bit hash: for the 580,000 entries, about one chance in 10^8.
public struct CompoundLexicon: Sendable {
    /// What the lexicon says about a word.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// In the word list (any form: `verzekeringen`, `aansprakelijkheidsverzekering`).
        public static let word = Flags(rawValue: 1)
        /// A lemma of the hunspell dictionary: a word in its own right, compound or not
        /// (`schadevergoeding`, `scheidsrechter`, `verzekering`).
        public static let dictionary = Flags(rawValue: 2)
        /// May begin a compound, or stand inside one, as it is (hunspell `Ca`, `Cb`, `Ce`, `Cx`:
        /// `klacht`, `privacy`, `zonne`).
        public static let begin = Flags(rawValue: 4)
        /// May begin a compound, or stand inside one, with a linking `s` (hunspell `Ch`, `Cd`:
        /// `levering` → `leveringstermijn`).
        public static let beginWithS = Flags(rawValue: 8)
        /// May end a compound (hunspell `Cc`, `Cd`: `termijn`, `verzekering`).
        public static let end = Flags(rawValue: 16)

        /// The compound flags, as against mere membership.
        public static let compound: Flags = [.begin, .beginWithS, .end]
    }

    private var table: [UInt64: UInt8]
    /// Where the words came from, for messages ("/usr/share/dict/dutch (408,160 words)").
    public private(set) var sources: [String] = []
    /// Whether any entry has compound flags (false without the hunspell dictionary).
    public private(set) var hasCompoundFlags = false

    /// A lexicon of `entries` (word → flags), e.g. for tests. Words are folded and lowercased.
    public init(entries: [String: Flags]) {
        table = [:]
        for (word, flags) in entries {
            table[Self.hash(Self.normalizedBytes(word)), default: 0] |= flags.rawValue
            if !flags.isDisjoint(with: .compound) { hasCompoundFlags = true }
        }
    }

    /// A lexicon of a word list (one word per line) and a hunspell `.dic` file (a count line, then
    /// `word/FLAGS` lines with two-character flags, as OpenTaal's `FLAG long`); either may be nil.
    public init(wordList: Data?, hunspellDictionary: Data?, wordListName: String = "word list",
                dictionaryName: String = "hunspell dictionary") {
        table = [:]
        table.reserveCapacity(((wordList?.count ?? 0) / 11) + ((hunspellDictionary?.count ?? 0) / 12))
        if let wordList {
            let before = table.count
            Self.forEachLine(of: wordList) { line in
                table[Self.hash(line), default: 0] |= Flags.word.rawValue
            }
            sources.append("\(wordListName) (\(table.count - before) words)")
        }
        if let hunspellDictionary {
            var entries = 0
            var first = true
            Self.forEachLine(of: hunspellDictionary, normalizing: false) { line in
                if first { first = false; if line.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return } }
                // The word runs to the first unescaped '/' (or whitespace); flags to whitespace.
                var end = line.startIndex
                while end < line.endIndex, line[end] != 0x2F, line[end] != 0x09, line[end] != 0x20 {
                    if line[end] == 0x5C { end = line.index(after: end) } // "\/" inside a word
                    if end < line.endIndex { end = line.index(after: end) }
                }
                guard end > line.startIndex else { return }
                var flags = Flags.dictionary
                if end < line.endIndex, line[end] == 0x2F {
                    var i = line.index(after: end)
                    while i < line.endIndex, line.index(after: i) < line.endIndex,
                          line[i] != 0x09, line[i] != 0x20 {
                        let j = line.index(after: i)
                        flags.formUnion(Self.compoundFlags(line[i], line[j]))
                        i = line.index(after: j)
                    }
                }
                if !flags.isDisjoint(with: .compound) { hasCompoundFlags = true }
                let word = line[line.startIndex..<end]
                let key = word.allSatisfy({ $0 < 0x80 })
                    ? Self.hash(word.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 })
                    : Self.hash(Self.normalizedBytes(String(decoding: word, as: UTF8.self)))
                table[key, default: 0] |= flags.rawValue
                entries += 1
            }
            sources.append("\(dictionaryName) (\(entries) entries)")
        }
    }

    /// The number of distinct words.
    public var count: Int { table.count }

    /// The flags of `word` (any case; diacritics folded).
    public func flags(of word: String) -> Flags { flags(hash: Self.hash(Self.normalizedBytes(word))) }

    /// The flags of the word whose normalised bytes hash to `hash` (`CompoundLexicon.hash`).
    @inline(__always)
    func flags(hash: UInt64) -> Flags { Flags(rawValue: table[hash] ?? 0) }

    /// OpenTaal's compound flags (nl.aff: COMPOUNDBEGIN Ca, COMPOUNDMIDDLE Cb, COMPOUNDEND Cc,
    /// ONLYINCOMPOUND Cx, and the affixes Ch `+s` begin/middle, Cd `+s` anywhere, Ce begin/middle,
    /// CA/CB begin/middle with a hyphen allowed).
    private static func compoundFlags(_ a: UInt8, _ b: UInt8) -> Flags {
        guard a == 0x43 else { return [] } // 'C'
        switch b {
        case 0x61, 0x62, 0x65, 0x78, 0x41, 0x42: return .begin // a b e x A B
        case 0x68: return .beginWithS // h
        case 0x64: return [.beginWithS, .end] // d
        case 0x63: return .end // c
        default: return []
        }
    }

    /// Calls `body` with each non-empty line of `data`; `normalizing`, lowercased and folded (ASCII
    /// lines lowered byte by byte, others through `DiacriticFolding`).
    private static func forEachLine(of data: Data, normalizing: Bool = true, _ body: (ArraySlice<UInt8>) -> Void) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var line: [UInt8] = []
            line.reserveCapacity(64)
            var ascii = true
            func flush() {
                if line.last == 0x0D { line.removeLast() }
                guard !line.isEmpty else { return }
                if ascii || !normalizing {
                    body(line[...])
                } else {
                    body(Self.normalizedBytes(String(decoding: line, as: UTF8.self))[...])
                }
            }
            for b in raw {
                if b == 0x0A {
                    flush()
                    line.removeAll(keepingCapacity: true)
                    ascii = true
                } else {
                    if b >= 0x80 { ascii = false }
                    line.append(normalizing && b >= 0x41 && b <= 0x5A ? b + 32 : b)
                }
            }
            flush()
        }
    }

    /// `word` lowercased and diacritic-folded, as UTF-8.
    static func normalizedBytes(_ word: String) -> [UInt8] {
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        }
        return Array(DiacriticFolding.fold(word.lowercased()).utf8)
    }

    /// FNV-1a over `bytes`.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01B3 }
        return hash
    }
}

extension SystemWordList {
    /// Where the hunspell Dutch dictionary is looked for, first found wins.
    static let hunspellPaths = ["/usr/share/hunspell/nl.dic", "/usr/share/hunspell/nl_NL.dic",
                                "/usr/share/myspell/nl.dic", "/usr/share/myspell/dicts/nl.dic"]

    /// The compound splitter's lexicon: the Dutch word list and the hunspell dictionary of the
    /// system, loaded once per process on first use; nil when neither is installed. Then the
    /// splitter works on the document's own words only (`CompoundVocabulary.lexiconNote`).
    static let compoundLexicon: CompoundLexicon? = {
        if ProcessInfo.processInfo.environment["TERMSEARCH_NO_LEXICON"] == "1" { return nil }
        func read(_ candidates: [String]) -> (path: String, data: Data)? {
            for path in candidates where FileManager.default.isReadableFile(atPath: path) {
                if let data = FileManager.default.contents(atPath: path) { return (path, data) }
            }
            return nil
        }
        let list = read(paths)
        let dic = read(hunspellPaths)
        guard list != nil || dic != nil else { return nil }
        return CompoundLexicon(wordList: list?.data, hunspellDictionary: dic?.data,
                               wordListName: list?.path ?? "", dictionaryName: dic?.path ?? "")
    }()
}
