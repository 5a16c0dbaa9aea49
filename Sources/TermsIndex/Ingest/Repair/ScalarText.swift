import Foundation

// Helpers for the loops that run on every line of every document. They answer exactly what the
// `Character` and Foundation calls they replace answer, only without grapheme breaking, NSString
// bridging or per-character allocation.

/// A unit of text a scanning loop can run over: a `Character`, or a `Unicode.Scalar` when every
/// scalar of the text is a character of its own (see `hasOnlySingleScalarCharacters`).
protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    /// `Character.isLetter`.
    var isLetter: Bool { get }
    /// The text these units spell.
    static func string<S: Sequence>(_ units: S) -> String where S.Element == Self
}

extension Character: TextUnit {
    static func string<S: Sequence>(_ units: S) -> String where S.Element == Character { String(units) }
}

extension Unicode.Scalar: TextUnit {
    /// `Character(self).isLetter`: the Alphabetic property, answered inline for ASCII.
    var isLetter: Bool {
        value < 0x80 ? (value | 0x20) &- 0x61 < 26 : properties.isAlphabetic
    }

    static func string<S: Sequence>(_ units: S) -> String where S.Element == Unicode.Scalar {
        // Encoding into bytes is much cheaper than appending to a `UnicodeScalarView` one by one.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(units.underestimatedCount)
        for scalar in units { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `properties.isWhitespace`, answered inline for ASCII.
    var isWhitespace: Bool {
        value < 0x80 ? (value == 0x20 || (value >= 0x09 && value <= 0x0D)) : properties.isWhitespace
    }

    /// A scalar that always forms a character of its own, whatever stands next to it: below the
    /// combining marks (except CR, which joins a following LF), general punctuation and symbols,
    /// and the private use area. Conservative: everything else counts as possibly joining.
    var isAlwaysSingleCharacter: Bool {
        switch value {
        case 0x0D: return false
        case 0..<0x300, 0x2000...0x200B, 0x200E...0x20CF, 0x2100...0x2BFF, 0xE000...0xF8FF, 0xFFFD: return true
        default: return false
        }
    }

    /// In `CharacterSet.whitespaces` (space separators, tab, U+200B), answered inline for ASCII.
    var isHorizontalWhitespace: Bool {
        value < 0x80 ? (value == 0x20 || value == 0x09) : CharacterSet.whitespaces.contains(self)
    }
}

extension StringProtocol {
    /// True when every scalar is a character of its own, so a loop over `unicodeScalars` sees
    /// exactly the characters, and `Character.isLetter`, `isNumber` and `isWhitespace` equal the
    /// first scalar's properties (checked for every such scalar; `isUppercase` and `isLowercase`
    /// are not: "ĸ" is an upper-case Character but not an upper-case scalar).
    var hasOnlySingleScalarCharacters: Bool {
        for b in utf8 where b >= 0x80 || b == 0x0D {
            // Rare enough that a second look at the scalars is cheaper than decoding every line.
            return unicodeScalars.allSatisfy(\.isAlwaysSingleCharacter)
        }
        return true
    }

    /// `lowercased()`, lowered byte by byte when every scalar is ASCII, Latin-1 or general
    /// punctuation (`RequiredLiterals.loweredBytes`), instead of looking up each scalar's mapping.
    func quickLowercased() -> String {
        var lowered = true
        // Written in place: a short result stays a small string, with no allocation at all.
        let result = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var bytes = UnsafeMutableBufferPointer(rebasing: buffer[..<utf8.count])
            let copied: Void? = utf8.withContiguousStorageIfAvailable { source in
                if let base = source.baseAddress { bytes.baseAddress!.initialize(from: base, count: source.count) }
            }
            if copied == nil { _ = bytes.initialize(from: utf8) }
            lowered = RequiredLiterals.lowerInPlace(&bytes)
            return bytes.count
        }
        return lowered ? result : lowercased()
    }

    /// `utf8.contains(byte)`, by memchr over the contiguous UTF-8 (the generic loop goes byte by byte).
    func containsByte(_ byte: UInt8) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        }
        return found ?? utf8.contains(byte)
    }

    /// `split(separator: " ").count`, but counting no further than `limit + 1`.
    func wordCount(max limit: Int) -> Int {
        var count = 0
        var inWord = false
        for c in self {
            if c == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > limit { break }
            }
        }
        return count
    }

    /// `count <= n`, without counting the characters of a long string (a character is at
    /// least one UTF-8 byte).
    func hasAtMostCharacters(_ n: Int) -> Bool {
        if utf8.count <= n { return true }
        guard let end = index(startIndex, offsetBy: n, limitedBy: endIndex) else { return true }
        return end == endIndex
    }
}

extension String {
    /// `split(separator: "\n", omittingEmptySubsequences:)`, on bytes when the text has no CR
    /// (a line feed is a character of its own except after a CR).
    func splitLines(omittingEmptySubsequences: Bool) -> [Substring] {
        guard !containsByte(UInt8(ascii: "\r")) else {
            return split(separator: "\n", omittingEmptySubsequences: omittingEmptySubsequences)
        }
        return utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: omittingEmptySubsequences)
            .map { Substring($0) }
    }

    /// `trimmingCharacters(in: .whitespaces)` without bridging to NSString.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isHorizontalWhitespace { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard scalars[before].isHorizontalWhitespace else { break }
            end = before
        }
        return String(Substring(scalars[start..<end]))
    }
}
