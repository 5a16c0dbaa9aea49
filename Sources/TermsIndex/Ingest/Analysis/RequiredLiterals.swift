import Foundation

/// Literals that every match of a regular expression must contain, for skipping a pattern cheaply.
///
/// Understands the subset the topic cues and metadata patterns use: top-level alternation, groups,
/// classes, quantifiers, escapes and look-arounds. Anything it is unsure of breaks a literal run,
/// so the answer errs towards running the expression. `of` gives one literal per alternative (the
/// topic tagger's first filter); `requirement` gives every literal a match needs.
///
/// The literals are compared with `lowercased()` text, while ICU matches case-insensitively by
/// case folding, which maps a few letters to ASCII that lowercasing leaves alone (`ß` matches
/// `ss`, `ﬁ` matches `fi`). A sound filter therefore only skips text that `foldsPlainly`.
enum RequiredLiterals {
    /// One literal per top-level alternative (its longest plain run of at least 3 characters), or
    /// nil when some alternative has no such run. `thorough`: an alternative without such a run
    /// may instead contribute the literals of a required group (`(rechten|plichten)[^.]{0,80}…`)
    /// or a shorter run, whichever has the longer shortest literal.
    static func of(_ pattern: String, thorough: Bool = false) -> [String]? {
        literals(Array(pattern), thorough: thorough)?.map { String($0) }
    }

    private static func literals(_ pattern: [Character], thorough: Bool) -> [[Character]]? {
        var literals: [[Character]] = []
        for alternative in topLevelAlternatives(pattern) {
            let run = longestRun(alternative).map { [Array($0)] }
            if let run, run[0].count >= 3 {
                literals += run
            } else if thorough, let best = [groupLiterals(alternative), run].compactMap({ $0 }).max(by: { shortest($0) < shortest($1) }) {
                literals += best
            } else {
                return nil
            }
        }
        return literals.isEmpty ? nil : literals
    }

    private static func shortest(_ literals: [[Character]]) -> Int { literals.map(\.count).min() ?? 0 }

    static func topLevelAlternatives(_ pattern: [Character]) -> [[Character]] {
        var result: [[Character]] = [[]]
        var depth = 0
        var inClass = false
        var escaped = false
        for c in pattern {
            if escaped { result[result.count - 1].append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where !inClass && depth == 0:
                result.append([])
                continue
            default: break
            }
            result[result.count - 1].append(c)
        }
        return result
    }

    /// The literals of the most selective group in `requiredGroups`: the longest shortest literal.
    static func groupLiterals(_ alternative: [Character]) -> [[Character]]? {
        requiredGroups(alternative).max { shortest($0) < shortest($1) }
    }

    /// The literals of each group that every match of `alternative` passes through: a plain or
    /// non-capturing group at top level, not made optional by a quantifier, whose own alternatives
    /// all have literals.
    static func requiredGroups(_ alternative: [Character]) -> [[[Character]]] {
        var groups: [[[Character]]] = []
        var i = 0
        var inClass = false
        while i < alternative.count {
            let c = alternative[i]
            if c == "\\" { i += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            if c == "[" { inClass = true; i += 1; continue }
            guard c == "(", let close = closingParenthesis(alternative, from: i) else { i += 1; continue }
            let inner = Array(alternative[(i + 1)..<close])
            // Plain and non-capturing groups consume text; look-arounds and other (?…) groups do not count.
            let body = inner.first != "?" ? inner : inner.starts(with: ["?", ":"]) ? Array(inner.dropFirst(2)) : nil
            let quantifier: Character? = close + 1 < alternative.count ? alternative[close + 1] : nil
            let optional = quantifier == "?" || quantifier == "*" || quantifier == "{"
            if let body, !optional, let found = literals(body, thorough: true) { groups.append(found) }
            i = close + 1
        }
        return groups
    }

    /// The index of the `)` that closes the `(` at `open`, skipping escapes and classes.
    static func closingParenthesis(_ pattern: [Character], from open: Int) -> Int? {
        var depth = 0
        var inClass = false
        var i = open
        while i < pattern.count {
            let c = pattern[i]
            if c == "\\" { i += 2; continue }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    /// The longest (first of the longest) of `runs`.
    static func longestRun(_ alternative: [Character]) -> String? {
        runs(alternative).max { $0.count < $1.count }
    }

    /// The runs of plain characters outside groups and classes that no quantifier makes optional.
    static func runs(_ alternative: [Character]) -> [String] {
        var runs: [String] = []
        var run: [Character] = []
        var depth = 0
        var inClass = false
        var i = 0
        func endRun() {
            if !run.isEmpty { runs.append(String(run)) }
            run.removeAll()
        }
        while i < alternative.count {
            let c = alternative[i]
            let next: Character? = i + 1 < alternative.count ? alternative[i + 1] : nil
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            switch c {
            case "\\":
                endRun()
                i += 2
                continue
            case "[": endRun(); inClass = true
            case "(": endRun(); depth += 1
            case ")": endRun(); depth -= 1
            case "{":
                // A counted quantifier: skip to its end; its digits are not text.
                endRun()
                while i < alternative.count && alternative[i] != "}" { i += 1 }
            case ".", "^", "$", "*", "+", "?", "}": endRun()
            default:
                guard depth == 0 else { break }
                if let next, next == "?" || next == "*" || next == "{" {
                    endRun()  // an optional character ends the required run before it
                } else {
                    run.append(c)
                }
            }
            i += 1
        }
        endRun()
        return runs
    }

    /// What every match of `pattern` contains: per top-level alternative, each run of at least 3
    /// characters and one literal of each required group (or, without those, its longest run).
    /// Nil when some alternative requires nothing. `lowercased`: for a pattern that ignores case.
    static func requirement(_ pattern: String, lowercased: Bool) -> Requirement? {
        var alternatives: [[[Needle]]] = []
        for alternative in topLevelAlternatives(Array(pattern)) {
            var sets = runs(alternative).filter { $0.count >= 3 }.map { [Array($0)] } + requiredGroups(alternative)
            if sets.isEmpty, let run = longestRun(alternative) { sets = [[Array(run)]] }
            guard !sets.isEmpty else { return nil }
            // The longest literals first: they are the likeliest to be missing.
            sets.sort { shortest($0) > shortest($1) }
            alternatives.append(sets.map { set in
                set.map { Needle(Array((lowercased ? String($0).lowercased() : String($0)).utf8)) }
            })
        }
        return alternatives.isEmpty ? nil : Requirement(alternatives: alternatives)
    }

    /// Literals a match needs, per alternative of the pattern: one of each set.
    struct Requirement: Sendable {
        let alternatives: [[[Needle]]]

        /// Whether `haystack` (lower-case when the pattern ignores case) has what some alternative needs.
        func isMet(by haystack: [UInt8]) -> Bool {
            alternatives.contains { sets in sets.allSatisfy { set in set.contains { $0.occurs(in: haystack) } } }
        }
    }

    /// Whether `needle` occurs in `haystack` (both lower-case UTF-8).
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        Needle(needle).occurs(in: haystack)
    }

    /// A literal as UTF-8, ready to be searched for.
    struct Needle: Sendable {
        let bytes: [UInt8]
        /// The position of the needle's rarest byte, which memchr looks for.
        let anchor: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            anchor = bytes.indices.min { Self.commonness[Int(bytes[$0])] < Self.commonness[Int(bytes[$1])] } ?? 0
        }

        /// Whether the needle occurs in `haystack`.
        func occurs(in haystack: [UInt8]) -> Bool {
            guard !bytes.isEmpty, bytes.count <= haystack.count else { return bytes.isEmpty }
            // memchr finds candidates for the rarest byte at machine speed; memcmp confirms.
            return haystack.withUnsafeBufferPointer { h in
                bytes.withUnsafeBufferPointer { n in
                    let base = UnsafeRawPointer(h.baseAddress!)
                    let lastAnchor = h.count - n.count + anchor
                    var offset = anchor
                    while offset <= lastAnchor {
                        guard let hit = memchr(base + offset, Int32(n[anchor]), lastAnchor - offset + 1) else { return false }
                        let start = base.distance(to: UnsafeRawPointer(hit)) - anchor
                        if memcmp(base + start, n.baseAddress!, n.count) == 0 { return true }
                        offset = start + anchor + 1
                    }
                    return false
                }
            }
        }

        /// How common each byte is in Dutch and English text: the space and the letters by
        /// frequency rank, everything else 0.
        private static let commonness: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            let byFrequency = Array(" enatirodslhgucmkvpbwfjyzxq".utf8)
            for (rank, byte) in byFrequency.enumerated() { table[Int(byte)] = byFrequency.count - rank }
            return table
        }()
    }

    /// The UTF-8 of `s.lowercased()`. Lowering scalar by scalar is slow for non-ASCII text, so
    /// the bytes are lowered here when every scalar is ASCII, Latin-1 or in U+2000–U+20FF
    /// (punctuation and currency, which have no case): the common case for Dutch and English.
    static func loweredBytes<S: StringProtocol>(_ s: S) -> [UInt8] {
        var bytes = Array(s.utf8)
        let lowered = bytes.withUnsafeMutableBufferPointer(lowerInPlace)
        return lowered ? bytes : Array(s.lowercased().utf8)
    }

    /// Lowers the UTF-8 in `bytes` as `loweredBytes` does; false, leaving it half done, when it
    /// holds a scalar outside ASCII, Latin-1 and U+2000–U+20FF.
    static func lowerInPlace(_ bytes: inout UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x41...0x5A:
                bytes[i] = b | 0x20
                i += 1
            case ..<0x80:
                i += 1
            case 0xC2:  // U+0080–U+00BF
                i += 2
            case 0xC3:  // U+00C0–U+00FF: À–Þ, except ×, lower to à–þ
                if bytes[i + 1] <= 0x9E && bytes[i + 1] != 0x97 { bytes[i + 1] += 0x20 }
                i += 2
            case 0xE2 where bytes[i + 1] <= 0x83:  // U+2000–U+20FF
                i += 3
            default:
                return false
            }
        }
        return true
    }
}

extension RequiredLiterals {
    /// Whether ICU's case-insensitive matching agrees with `lowercased()` on `text`: false when it
    /// holds a letter whose case folding yields ASCII letters that its lower case does not.
    static func foldsPlainly(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return true }
        return !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00DF, 0x0130, 0x0149, 0x017F, 0x01F0, 0x1E96...0x1E9A, 0x1E9E, 0x212A, 0xFB00...0xFB06: true
            default: false
            }
        }
    }
}
