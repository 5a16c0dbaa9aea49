import Foundation

/// A fast, non-cryptographic 64-bit hash of file contents, used to confirm that a file whose size or
/// modification time changed really has new contents.
///
/// FNV-1a's offset and prime, applied to 8-byte little-endian words (then the tail bytes) with an
/// extra rotate so that high bits reach the low ones. Not collision resistant against an adversary;
/// it only has to tell an edited file from an unedited one. Foundation on Linux has no digest API
/// and swift-crypto is not a dependency, hence our own. Stable across runs and machines.
public enum ContentHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `data`, as 16 lowercase hex digits.
    public static func hex(_ data: Data) -> String {
        let value = hash(data)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hash of `data`.
    public static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var h = offset ^ UInt64(raw.count)
            let words = raw.count / 8
            var i = 0
            while i < words {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                h = (h ^ word) &* prime
                h ^= h >> 29
                i += 1
            }
            for j in (words * 8)..<raw.count {
                h = (h ^ UInt64(raw[j])) &* prime
            }
            h ^= h >> 32
            return h
        }
    }
}
