import Foundation

/// Decides whether a hyphen inside or at the end of a word is typesetting (join the parts) or
/// spelling (keep it), from the document's own words plus an optional corpus vocabulary.
struct Hyphenation {
    /// Words seen without a hyphen, lower-cased, with how often.
    private(set) var words: [String: Int] = [:]
    /// Hyphenated forms and how often they occur, lower-cased.
    private(set) var hyphenated: [String: Int] = [:]
    let vocabulary: Set<String>

    init(lines: [String], vocabulary: Set<String>) {
        self.vocabulary = vocabulary
        for line in lines {
            for token in Hyphenation.tokens(line) {
                let lower = token.quickLowercased()
                // The byte test first: Foundation's contains() bridges to NSString.
                if lower.containsByte(UInt8(ascii: "-")), lower.contains("-") {
                    hyphenated[lower, default: 0] += 1
                } else {
                    words[lower, default: 0] += 1
                }
            }
        }
    }

    /// Maximal runs of letters and hyphens that start and end with a letter.
    static func tokens(_ line: String) -> [Substring] {
        line.hasOnlySingleScalarCharacters ? tokens(line, units: line.unicodeScalars) : tokens(line, units: line)
    }

    /// `tokens(_:)` over `units`, a view of `line` whose indices are `line`'s.
    private static func tokens<Units: Collection>(_ line: String, units: Units) -> [Substring]
    where Units.Element: TextUnit, Units.Index == String.Index {
        var result: [Substring] = []
        var start: String.Index?
        var lastLetter: String.Index?
        var i = units.startIndex
        while i < units.endIndex {
            let c = units[i]
            if c.isLetter {
                if start == nil { start = i }
                lastLetter = i
            } else if c == "-" && start != nil {
                // part of the token
            } else {
                if let s = start, let l = lastLetter { result.append(line[s..<units.index(after: l)]) }
                start = nil
                lastLetter = nil
            }
            i = units.index(after: i)
        }
        if let s = start, let l = lastLetter { result.append(line[s..<units.index(after: l)]) }
        return result
    }

    enum Decision { case join, keepHyphen, keepHyphenAndSpace }

    static let coordinators: Set<String> = ["en", "of", "and", "or", "tot", "dan", "noch", "als", "c", "to"]
    static let hyphenPrefixes: Set<String> = ["niet", "non", "ex", "oud", "anti", "vice", "semi", "pseudo", "co", "pre", "post", "multi", "self", "e", "x"]

    func isKnown(_ word: String) -> Bool {
        words[word] != nil || vocabulary.contains(word)
    }

    /// Hyphen that must stay regardless of vocabulary: acronyms, capitals mid-word, single letters.
    static func mustKeep(_ first: Substring, _ second: Substring) -> Bool {
        if first.count <= 1 || second.count <= 1 { return true }
        if let c = second.first, c.isUppercase { return true }
        // An upper-case letter after the first one: acronym or brand ("DDoS", "ICT").
        if first.dropFirst().contains(where: { $0.isUppercase }) { return true }
        if second.contains(where: { $0.isUppercase }) { return true }
        return false
    }

    /// A word split at a line end: "opdracht-" + "gever".
    func decideLineEnd(first: Substring, second: Substring) -> Decision {
        let secondLower = second.lowercased()
        if Hyphenation.coordinators.contains(secondLower) { return .keepHyphenAndSpace }
        let joined = (first + second).lowercased()
        let hyphenForm = first.lowercased() + "-" + secondLower
        if isKnown(joined) && !Hyphenation.mustKeep(first, second) { return .join }
        if hyphenated[hyphenForm] != nil { return .keepHyphen }
        if Hyphenation.mustKeep(first, second) { return .keepHyphen }
        if Hyphenation.hyphenPrefixes.contains(first.lowercased()) { return .keepHyphen }
        // Dutch spells a vowel clash with a hyphen (zee-eend, auto-ongeluk).
        if let a = first.last, let b = second.first, "aeiou".contains(a), "aeiou".contains(b) { return .keepHyphen }
        // Otherwise a hyphen at a line end is the typesetter's.
        return .join
    }

    /// A hyphen inside a line ("overeen-gekomen"): join only on evidence that the joined word exists.
    func decideMidLine(first: Substring, second: Substring) -> Decision {
        if Hyphenation.mustKeep(first, second) { return .keepHyphen }
        let joined = (first + second).lowercased()
        let hyphenForm = first.lowercased() + "-" + second.lowercased()
        // The author's consistent spelling wins; a split that recurs less often than the whole
        // word is an artefact (Spijkerman writes "overeen-gekomen" 3 times, "overeengekomen" 40).
        let hyphenCount = hyphenated[hyphenForm] ?? 0
        let joinedCount = words[joined] ?? 0
        if hyphenCount >= 2 && joinedCount < hyphenCount && !vocabulary.contains(joined) { return .keepHyphen }
        return isKnown(joined) ? .join : .keepHyphen
    }

    /// Joins typesetting hyphens left inside `line`, including "tele- communicatie".
    func repairMidLine(_ line: String, log: inout RepairLog) -> String {
        // The byte test first: the character test (a hyphen with no combining mark) walks graphemes.
        guard line.containsByte(UInt8(ascii: "-")), line.contains("-") else { return line }
        return line.hasOnlySingleScalarCharacters
            ? repairMidLine(Array(line.unicodeScalars), log: &log)
            : repairMidLine(Array(line), log: &log)
    }

    private func repairMidLine<Unit: TextUnit>(_ chars: [Unit], log: inout RepairLog) -> String {
        var out: [Unit] = []
        out.reserveCapacity(chars.count)
        var i = 0
        var wordStart = 0  // index in `out` where the current letter run begins
        var inWord = false
        while i < chars.count {
            let c = chars[i]
            if c == "-", inWord, i + 1 < chars.count {
                // "word-word" or "word- word"
                var j = i + 1
                var spaced = false
                if chars[j] == " " && j + 1 < chars.count { j += 1; spaced = true }
                if chars[j].isLetter {
                    var k = j
                    while k < chars.count && chars[k].isLetter { k += 1 }
                    let first = Substring(Unit.string(out[wordStart...]))
                    let second = Substring(Unit.string(chars[j..<k]))
                    let followedByHyphen = k < chars.count && chars[k] == "-"
                    let decision: Decision = spaced
                        ? (second.first?.isLowercase == true && !Hyphenation.coordinators.contains(second.lowercased()) && !Hyphenation.mustKeep(first, second) && isKnown((first + second).lowercased()) ? .join : .keepHyphen)
                        : (followedByHyphen ? .keepHyphen : decideMidLine(first: first, second: second))
                    if decision == .join {
                        log.note(.hyphenation, "\(first)-\(spaced ? " " : "")\(second) → \(first)\(second)")
                        out.append(contentsOf: chars[j..<k])
                        i = k
                        continue  // still in the same word
                    }
                    out.append(contentsOf: chars[i..<k])
                    wordStart = out.count - (k - j)
                    i = k
                    continue
                }
            }
            if c.isLetter {
                if !inWord { wordStart = out.count; inWord = true }
            } else {
                inWord = false
            }
            out.append(c)
            i += 1
        }
        return Unit.string(out)
    }
}
