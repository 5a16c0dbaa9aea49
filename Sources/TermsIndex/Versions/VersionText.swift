import Foundation

/// One clause of a version, as the comparison sees it: where it sits, what it says.
public struct VersionClause: Codable, Sendable, Equatable {
    /// The clause's key in its document ("14.1", "bijlage-1/1.1"); pieces of a long clause are joined under the first key.
    public var key: String
    /// The clause label as the document numbers it ("14.1").
    public var clause: String
    public var part: String?
    public var article: String?
    public var articleHeading: String?
    public var heading: String?
    public var topics: [String]
    public var text: String

    public init(key: String, clause: String, part: String? = nil, article: String? = nil, articleHeading: String? = nil,
                heading: String? = nil, topics: [String] = [], text: String) {
        self.key = key
        self.clause = clause
        self.part = part
        self.article = article
        self.articleHeading = articleHeading
        self.heading = heading
        self.topics = topics
        self.text = text
    }

    /// The clause of an ingested document.
    public init(_ clause: Clause) {
        self.init(key: clause.key, clause: clause.location.clause, part: clause.location.part, article: clause.location.article,
                  articleHeading: clause.location.articleHeading, heading: clause.location.heading,
                  topics: clause.topics, text: clause.text)
    }

    /// The clause as an index stores it.
    public init(_ stored: StoredClause) {
        let key = stored.id.firstIndex(of: "#").map { String(stored.id[stored.id.index(after: $0)...]) } ?? stored.clause
        self.init(key: key, clause: stored.clause, part: stored.part, article: stored.article,
                  articleHeading: stored.articleHeading, heading: stored.heading, topics: stored.topics, text: stored.text)
    }

    /// What the clause says: its own heading (if any) and its text. Compared as one, so a heading
    /// that one version's layout put on the clause's first line and the other's in the text is no change.
    public var content: String { heading.map { $0 + "\n" + text } ?? text }

    /// The clauses with the pieces of each clause cut for length joined again (their keys are `KEY#2`, `KEY#3`, …),
    /// so a version that cut a clause elsewhere compares as one clause.
    public static func joiningPieces(_ clauses: [VersionClause]) -> [VersionClause] {
        var out: [VersionClause] = []
        for clause in clauses {
            if let hash = clause.key.firstIndex(of: "#"), let last = out.last, last.key == String(clause.key[..<hash]) {
                out[out.count - 1].text += "\n\n" + clause.text
                for topic in clause.topics where !last.topics.contains(topic) { out[out.count - 1].topics.append(topic) }
            } else {
                out.append(clause)
            }
        }
        return out
    }
}

/// A word of a clause: as written, and the form it is compared by.
public struct VersionWord: Sendable, Equatable {
    /// The word as the text writes it (hyphenation at a line end undone).
    public var written: String
    /// Lowercased letters and digits only: what two versions must share for the word to be the same.
    public var key: String
}

/// Text normalisation for comparing versions: what extraction noise must not turn into a change.
public enum VersionText {
    /// Characters that are noise wherever they occur: soft hyphen, zero-width spaces and joiners, BOM.
    static let invisible: Set<Unicode.Scalar> = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    /// The words of `text`. A word broken with a hyphen at a line end ("aansprake-⏎lijkheid") is joined
    /// again when the next line starts in lower case; whitespace of any kind and amount separates words.
    public static func words(_ text: String) -> [VersionWord] {
        var words: [VersionWord] = []
        var current = ""
        var sawNewline = false
        for scalar in text.unicodeScalars {
            if invisible.contains(scalar) { continue }
            if scalar.properties.isWhitespace {
                flushWord(&words, &current, &sawNewline)
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" { sawNewline = true }
                continue
            }
            current.unicodeScalars.append(scalar)
        }
        flushWord(&words, &current, &sawNewline)
        return words
    }

    /// Appends `current` to `words` (joining it to a hyphenated word before a line break), then clears it.
    private static func flushWord(_ words: inout [VersionWord], _ current: inout String, _ sawNewline: inout Bool) {
        guard !current.isEmpty else { return }
        if sawNewline, let last = words.last, last.written.count > 1, last.written.hasSuffix("-"),
           !last.written.hasSuffix("--"), let first = current.unicodeScalars.first, first.properties.isLowercase {
            let joined = String(last.written.dropLast()) + current
            words[words.count - 1] = VersionWord(written: joined, key: key(joined))
        } else {
            words.append(VersionWord(written: current, key: key(current)))
        }
        current = ""
        sawNewline = false
    }

    /// Lowercased letters and digits of `word`, diacritics kept ("Cliënt," → "cliënt").
    public static func key(_ word: String) -> String {
        var out = ""
        for scalar in word.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// The letters and digits of `text` in order, nothing else: two texts with the same fingerprint
    /// differ only in whitespace, line breaks, hyphenation or punctuation, and count as unchanged.
    public static func fingerprint(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
