import Foundation

/// The Dutch word list of the system (Debian's `wdutch`: OpenTaal's list at /usr/share/dict/dutch),
/// loaded on first use. Nil when the package is not installed.
enum SystemWordList {
    /// Where the list is looked for, first found wins.
    static let paths = ["/usr/share/dict/dutch", "/usr/share/dict/nederlands"]

    /// The words, or nil without a word list. Kept as 64-bit hashes of the lower-cased words, not
    /// as strings: loading 400,000 words then takes about 20 ms and 10 MB, once per process.
    static let dutch: WordHashSet? = {
        guard let path = paths.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return WordHashSet(lines: data)
    }()
}

/// A set of words held as FNV-1a hashes of their ASCII-lower-cased UTF-8 bytes. A false match needs
/// two words with the same 64-bit hash: for a few hundred thousand words, about one chance in 10^8.
struct WordHashSet: Sendable {
    private var hashes: Set<UInt64>

    /// One word per line of `lines`.
    init(lines: Data) {
        hashes = []
        hashes.reserveCapacity(lines.count / 10)
        lines.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var hash = Self.offset
            var empty = true
            for b in bytes {
                if b == 0x0A || b == 0x0D {
                    if !empty { hashes.insert(hash) }
                    hash = Self.offset
                    empty = true
                } else {
                    hash = (hash ^ UInt64(Self.lower(b))) &* Self.prime
                    empty = false
                }
            }
            if !empty { hashes.insert(hash) }
        }
    }

    /// Whether the list has `word` (any case of its ASCII letters).
    func contains(_ word: String) -> Bool {
        var hash = Self.offset
        for b in word.utf8 { hash = (hash ^ UInt64(Self.lower(b))) &* Self.prime }
        return hashes.contains(hash)
    }

    var count: Int { hashes.count }

    private static let offset: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01B3
    private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }
}
