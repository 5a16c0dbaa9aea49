import Foundation

/// Scalar-level repairs: line endings, mojibake, invisible and look-alike characters, NFC.
/// One pass per step over an array of scalars, so the cost is linear in the text.
enum CharacterRepair {
    static func apply(_ text: String, log: inout RepairLog) -> String {
        // Printable ASCII (and tab, LF, form feed) is what most lines are, and no step touches it.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C }) { return text }
        let original = Array(text.unicodeScalars)
        var s = normaliseLineEndings(original, log: &log)
        for _ in 0..<2 {  // twice: text that was mis-decoded twice ("Ã¢â‚¬â„¢")
            let (fixed, changed) = repairMojibake(s, log: &log)
            s = fixed
            if !changed { break }
        }
        s = replaceLookalikes(s, log: &log)
        let joined = s == original ? text : String(String.UnicodeScalarView(s))
        // Below U+0300 nothing composes; skip the (bridged) normaliser for such text.
        let nfc = s.contains { $0.value >= 0x300 } ? joined.precomposedStringWithCanonicalMapping : joined
        let before = s.count, after = nfc.unicodeScalars.count
        if before != after {
            log.note(.unicodeNormalisation, "decomposed accents composed (NFC)", count: before - after)
        }
        return nfc
    }

    /// `normaliseLineEndings` over a whole text; text without a CR comes back as it is.
    static func normaliseLineEndings(_ text: String, log: inout RepairLog) -> String {
        guard text.containsByte(UInt8(ascii: "\r")) else { return text }
        return String(String.UnicodeScalarView(normaliseLineEndings(Array(text.unicodeScalars), log: &log)))
    }

    /// CRLF → LF; a lone CR is a line end when the text has no LF at all, else a space
    /// (some PDF extractions put "\t\r\u{A0}" between words).
    static func normaliseLineEndings(_ s: [Unicode.Scalar], log: inout RepairLog) -> [Unicode.Scalar] {
        guard s.contains("\r") else { return s }
        let hasLF = s.contains("\n")
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var crlf = 0, cr = 0
        var i = 0
        while i < s.count {
            if s[i] == "\r" {
                if i + 1 < s.count && s[i + 1] == "\n" {
                    crlf += 1
                    out.append("\n")
                    i += 2
                    continue
                }
                cr += 1
                out.append(hasLF ? " " : "\n")
            } else {
                out.append(s[i])
            }
            i += 1
        }
        log.note(.lineEndings, "CRLF → LF", count: crlf)
        log.note(.lineEndings, hasLF ? "stray CR → space" : "CR → LF", count: cr)
        return out
    }

    /// UTF-8 bytes that were shown as Windows-1252 ("Ã©" → "é", "â€™" → "’"), including the
    /// spaced form that machine translation leaves ("â € “" → "–", "â € Œ" → "“").
    static func repairMojibake(_ s: [Unicode.Scalar], log: inout RepairLog) -> ([Unicode.Scalar], Bool) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var changed = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c.value >= 0xC2 && c.value <= 0xF4, let lead = Windows1252.byte(for: c) {
                let need = lead < 0xE0 ? 1 : (lead < 0xF0 ? 2 : 3)
                if i + need < s.count {
                    var bytes = [lead]
                    for k in 1...need {
                        guard let b = Windows1252.byte(for: s[i + k]), b >= 0x80, b <= 0xBF else { break }
                        bytes.append(b)
                    }
                    if bytes.count == need + 1, let decoded = decodeUTF8(bytes), plausible(decoded) {
                        let original = String(String.UnicodeScalarView(s[i...(i + need)]))
                        log.note(.mojibake, "\(original) → \(Character(decoded))")
                        out.append(decoded)
                        changed = true
                        i += need + 1
                        continue
                    }
                }
                // Spaced variant: "â € “", "â €”", "â € Œ".
                if c == "â", let (decoded, length) = spacedMojibake(s, at: i) {
                    let original = String(String.UnicodeScalarView(s[i..<(i + length)]))
                    log.note(.mojibake, "\(original) → \(Character(decoded))")
                    out.append(decoded)
                    changed = true
                    i += length
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return (out, changed)
    }

    private static func continuationByte(_ c: Unicode.Scalar) -> UInt8? {
        // Machine translation upper-cases the letters among the continuation bytes (œ → Œ).
        let folded: Unicode.Scalar
        switch c {
        case "Œ": folded = "œ"
        case "Š": folded = "š"
        case "Ž": folded = "ž"
        default: folded = c
        }
        guard let b = Windows1252.byte(for: folded), b >= 0x80, b <= 0xBF else { return nil }
        return b
    }

    private static func spacedMojibake(_ s: [Unicode.Scalar], at i: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        guard j < s.count, s[j] == " " else { return nil }
        j += 1
        guard j < s.count, let b1 = continuationByte(s[j]) else { return nil }
        j += 1
        // "â ‘ €350": the euro sign (E2 82 AC) with its middle byte translated into a quote.
        if (b1 == 0x82 || b1 == 0x91), j + 1 < s.count, s[j] == " ", s[j + 1] == "€" {
            return ("€", j + 2 - i)
        }
        if j < s.count && s[j] == " " { j += 1 }
        guard j < s.count, let b2 = continuationByte(s[j]) else { return nil }
        guard let decoded = decodeUTF8([0xE2, b1, b2]), (0x2000...0x206F).contains(decoded.value) else { return nil }
        return (decoded, j + 1 - i)
    }

    /// Characters that Dutch and English terms actually contain; anything else decoded from a
    /// look-alike pair ("Ä€" → "Ā") is more likely genuine text than mojibake.
    static func plausible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xA0...0xFF, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192: return true
        case 0x2000...0x206F, 0x20AC, 0x2122, 0xFB00...0xFB06: return true
        default: return false
        }
    }

    static func decodeUTF8(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var codec = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = codec.decode(&iterator), iterator.next() == nil,
              scalar.value >= 0x80 else { return nil }
        return scalar
    }

    /// Soft hyphens and zero-width characters dropped, no-break spaces and Unicode hyphens made
    /// plain, ligatures spelled out, stray control characters dropped.
    static func replaceLookalikes(_ s: [Unicode.Scalar], log: inout RepairLog) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for c in s {
            switch c.value {
            case 0xAD:
                log.note(.softHyphen, "soft hyphen (U+00AD) removed")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                log.note(.zeroWidth, String(format: "U+%04X removed", c.value))
            case 0xA0, 0x2007, 0x202F:
                log.note(.noBreakSpace, String(format: "U+%04X → space", c.value))
                out.append(" ")
            case 0x2010, 0x2011:
                log.note(.hyphenCharacter, String(format: "U+%04X → -", c.value))
                out.append("-")
            case 0xFB00...0xFB06:
                let expanded = ligatures[Int(c.value - 0xFB00)]
                log.note(.ligature, "\(Character(c)) → \(expanded)")
                out.append(contentsOf: expanded.unicodeScalars)
            case 0x09, 0x0A, 0x0C:
                out.append(c)
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                log.note(.controlCharacter, String(format: "U+%04X removed", c.value))
            default:
                out.append(c)
            }
        }
        return out
    }

    static let ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"]
}
