/// Splits text into words for vocabulary building, stopping and decompounding.
///
/// Policy, chosen to agree with Xapian's TermGenerator and QueryParser so that what this finds
/// is what the index holds:
/// - a word is a run of letters and digits (with their combining marks);
/// - an apostrophe between two letters stays in the word (`auto's`, `cd's`, `don't`); the
///   typographic `’` and `ʼ` become `'`;
/// - hyphens, slashes, dots and everything else separate words (`e-mail` → `e`, `mail`;
///   `ICT-dienstverlening` → `ICT`, `dienstverlening`), as the query parser treats a hyphenated
///   query as a phrase of its parts;
/// - a soft hyphen (U+00AD, left behind by PDF line breaking) is dropped and joins its halves.
public enum WordTokenizer {
    /// The words of `s`, in order, case unchanged.
    public static func words(_ s: String) -> [String] {
        var result: [String] = []
        // The current word as UTF-8, with its last scalar: appending bytes is cheaper than
        // appending to a String.UnicodeScalarView.
        var current: [UInt8] = []
        var last: Unicode.Scalar?
        var pendingApostrophe = false
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { current.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { current.append($0) } }
            last = scalar
        }
        func flush() {
            guard !current.isEmpty else { return }
            result.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
            last = nil
        }
        for scalar in s.unicodeScalars {
            if isWordScalar(scalar) {
                if pendingApostrophe {
                    if isLetter(scalar) { append("'") } else { flush() }
                    pendingApostrophe = false
                }
                append(scalar)
            } else if isMark(scalar), !current.isEmpty, !pendingApostrophe {
                append(scalar)
            } else if scalar.value == 0x00AD, !current.isEmpty {
                continue
            } else if isApostrophe(scalar), let last, isLetter(last), !pendingApostrophe {
                pendingApostrophe = true
            } else {
                pendingApostrophe = false
                flush()
            }
        }
        flush()
        return result
    }

    /// The words of `s`, lowercased.
    public static func lowercasedWords(_ s: String) -> [String] {
        words(s).map { $0.lowercased() }
    }

    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9")
        }
        if isMark(scalar) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }

    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar.value == 0x2019 || scalar.value == 0x02BC
    }
}
