import Foundation

/// Removes diacritics so that `client` and `cliënt`, `beeindiging` and `beëindiging` meet.
///
/// Case is preserved: folding is not lowercasing, so the caller decides the order of the two.
/// Typographic ligatures that PDF extraction leaves behind (`ﬁ`, `ﬂ`, Dutch `ĳ`) are expanded to
/// their letters rather than dropped; letters that are not decorated forms of another (`æ`, `ø`,
/// `ß`) are left alone.
public enum DiacriticFolding {
    /// `s` with combining marks removed after canonical decomposition, and ligatures expanded.
    public static func fold(_ s: String) -> String {
        var scalars = s.unicodeScalars
        // Fast path: pure ASCII needs no work, and most terms are.
        guard scalars.contains(where: { !$0.isASCII }) else { return s }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                out.append(scalar)
            } else if isCombiningMark(scalar) {
                continue
            } else if let replacement = foldTable[scalar.value] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        scalars = out
        return String(scalars)
    }

    /// Whether `fold(s)` would change `s`.
    public static func hasDiacritics(_ s: String) -> Bool {
        for scalar in s.unicodeScalars where !scalar.isASCII {
            if isCombiningMark(scalar) || foldTable[scalar.value] != nil { return true }
        }
        return false
    }

    /// Combining diacritical mark blocks only, so that marks which are letters in other scripts
    /// (Devanagari vowel signs and the like) survive.
    @inline(__always)
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return true
        default:
            return false
        }
    }

    /// Precomposed Latin letters (Latin-1 to Latin Extended-B, Latin Extended Additional) mapped
    /// to their base letters, computed once from Foundation's canonical decomposition, plus the
    /// ligatures that decomposition leaves alone.
    static let foldTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping
                let stripped = String(String.UnicodeScalarView(
                    decomposed.unicodeScalars.filter { !isCombiningMark($0) }))
                if stripped != String(scalar), !stripped.isEmpty { table[value] = stripped }
            }
        }
        let ligatures: [UInt32: String] = [
            0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl",
            0xFB05: "st", 0xFB06: "st", 0x0132: "IJ", 0x0133: "ij",
        ]
        table.merge(ligatures) { _, ligature in ligature }
        return table
    }()
}
