import Foundation

/// What one line of terms text is, structurally.
enum LineKind: Equatable {
    /// A part that groups articles: a module ("Module A"), an annex ("Bijlage 1"), an all-caps
    /// section ("AANVULLENDE BEPALINGEN ..."), or a second document in the same file.
    case part(PartKind, label: String, heading: String?, rest: String?)
    /// An article header with a keyword ("Artikel 14", "ARTICLE 10a.", "Artikel A.1.").
    case keywordArticle(label: String, heading: String?, rest: String?)
    /// A line that opens with one number ("1. Toepasselijkheid", "25 Materialen", "3. We will ...").
    case numbered(number: Int, rest: String)
    /// A line that opens with a dotted clause number ("14.1", "A.8.3", "3.10").
    case dottedClause(label: String, rest: String)
    /// Anything else.
    case text(String)
}

/// Kinds of parts, by how they number their articles.
enum PartKind: Equatable {
    /// A module whose articles carry its letter ("Artikel A.1"): keys need no part prefix.
    case module
    /// An annex whose articles restart at 1: keys carry the annex's prefix.
    case annex
    /// An all-caps section heading; numbering runs on.
    case section
    /// A second set of terms in the same file ("Algemene Voorwaarden EasyComp Zeeland – B2B").
    case document

    /// Parts of a lower level may nest in a part of a higher one.
    var level: Int { self == .document ? 0 : 1 }
}

/// Classifies lines by their opening words. Hand-written scanning: it runs on every line of every
/// document, and Swift's Regex is an order of magnitude slower on this machine.
enum LineClassifier {
    /// A lettered item at the start of a line: `a. tekst`, `b) tekst`, `(c) tekst`.
    static func letteredItem(_ text: String) -> (letter: Character, rest: String)? {
        let scalars = Array(text.unicodeScalars.prefix(5))
        guard scalars.count >= 4 else { return nil }
        var i = 0
        let parenthesised = scalars[0] == "("
        if parenthesised { i = 1 }
        guard scalars[i].isASCII, scalars[i].properties.isLowercase else { return nil }
        let letter = Character(scalars[i])
        let close = scalars[i + 1]
        guard parenthesised ? close == ")" : (close == "." || close == ")"), i + 2 < scalars.count,
              scalars[i + 2] == " " else { return nil }
        let rest = text.unicodeScalars.dropFirst(i + 3)
        guard let first = rest.first, !first.properties.isWhitespace else { return nil }
        return (letter, String(String.UnicodeScalarView(rest)))
    }

    static let articleKeywords = ["Artikel", "ARTIKEL", "Article", "ARTICLE", "Art."]
    static let annexKeywords = ["Bijlage", "BIJLAGE", "Annex", "ANNEX", "Appendix", "APPENDIX"]
    static let bulletScalars: Set<Unicode.Scalar> = ["\u{25CF}", "\u{2022}", "\u{25AA}", "\u{25E6}", "\u{00B7}", "\u{F0B7}", "\u{25CB}", "\u{25A0}", "\u{25A1}", "\u{27A2}", "\u{25BA}"]

    /// Words that open a sentence; a header line that runs on into its text is split before one.
    static let sentenceOpeners: Set<String> = [
        "Indien", "Alle", "De", "Het", "Een", "Deze", "Dit", "Bij", "In", "Op", "Voor", "Wanneer", "Als",
        "Tenzij", "Door", "Na", "Met", "Zodra", "Onder", "Elke", "Iedere", "Ieder", "Partijen", "Wij", "U",
        "Uw",
        "If", "The", "All", "Any", "We", "You", "This", "These", "Where", "When", "Unless", "Each",
    ]

    /// Classifies one line (leading bullets and white space are ignored for structure).
    static func classify(_ rawLine: String) -> LineKind {
        classify(stripped: stripLeader(rawLine))
    }

    /// `classify(_:)` of a line that `stripLeader(_:)` already returned.
    static func classify(stripped line: String) -> LineKind {
        guard let first = line.unicodeScalars.first else { return .text(line) }
        // One scalar array per line, shared by every check (a Scanner copy shares its storage).
        let scanner = Scanner(line)
        if first.properties.isUppercase || first == "a" {
            if let article = keywordArticle(scanner) { return article }
            if let part = part(line, scanner) { return part }
        }
        if first.isASCII, (first.value >= 48 && first.value <= 57) || first.properties.isUppercase {
            if let clause = dottedClause(scanner) { return clause }
        }
        if first.value >= 48 && first.value <= 57 {
            // "14 ARTIKEL 14. ..." : a list number in front of a keyword header.
            var s = scanner
            _ = s.digits(max: 3)
            if s.spaces() > 0, case .keywordArticle(let l, let h, let r)? = keywordArticle(s.remainder) {
                return .keywordArticle(label: l, heading: h, rest: r)
            }
            if let numbered = numbered(scanner) { return numbered }
        }
        return .text(line)
    }

    /// Removes white space and bullet characters in front of a line.
    static func stripLeader(_ line: String) -> String {
        let scalars = line.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].isWhitespace || (!scalars[start].isASCII && bulletScalars.contains(scalars[start])) {
            start = scalars.index(after: start)
        }
        while start < end {
            let before = scalars.index(before: end)
            if scalars[before].isWhitespace { end = before } else { break }
        }
        if start == scalars.startIndex && end == scalars.endIndex { return line }
        return String(Substring(scalars[start..<end]))
    }

    static func keywordArticle(_ scanner: Scanner) -> LineKind? {
        var s = scanner
        // Lower-case "artikel 1. Definities" is a header only when it reads like one; in running
        // text "artikel 7.1 ..." is a reference.
        let lowercase = s.keyword(["artikel", "article"])
        guard lowercase || s.keyword(articleKeywords) else { return nil }
        if s.peek == ".", !s.previousWasDot { s.advance() }  // "Artikel. 5."
        let spaced = s.spaces()
        guard spaced > 0 else { return nil }
        var label = ""
        if let letter = s.upperLetterDot() { label = "\(letter)." }
        guard let number = s.digits(max: 3) else { return nil }
        label += number
        if let suffix = s.lowercaseSuffix() { label += suffix }
        if s.peekIsDotDigit() { return nil }  // "Artikel 8.1 is ..." is a reference, not a header
        s.skipSeparator()
        let (heading, rest) = splitHeading(s.rest)
        if lowercase, heading == nil || rest != nil || !(heading?.first?.isUppercase ?? false) { return nil }
        return .keywordArticle(label: label, heading: heading, rest: rest)
    }

    static func part(_ line: String, _ scanner: Scanner) -> LineKind? {
        var s = scanner
        if s.keyword(["Module", "MODULE"], allowAttachedCapital: true) {
            _ = s.spaces()
            guard let letter = s.upperLetter(), !s.peekIsLetter() else { return nil }
            s.skipSeparator()
            let (heading, rest) = splitHeading(s.rest)
            return .part(.module, label: "Module \(letter)", heading: heading, rest: rest)
        }
        s = scanner
        if s.keyword(annexKeywords) {
            guard s.spaces() > 0 else { return nil }
            let id: String
            if let n = s.digits(max: 2) { id = n } else if let l = s.upperLetter(), !s.peekIsLetter() { id = String(l) } else { return nil }
            let hadColon = s.peek == ":"
            s.skipSeparator()
            let (heading, rest) = splitHeading(s.rest)
            let keyword = line.prefix(while: { $0.isLetter })
            let label = keyword.prefix(1).uppercased() + keyword.dropFirst().lowercased() + " " + id
            guard hadColon || rest == nil || heading != nil else { return nil }
            return .part(.annex, label: label, heading: heading, rest: rest)
        }
        if isSectionHeading(line) {
            return .part(.section, label: line, heading: nil, rest: nil)
        }
        if isDocumentTitle(line) {
            return .part(.document, label: line, heading: nil, rest: nil)
        }
        return nil
    }

    /// "AANVULLENDE BEPALINGEN ONDERHOUD EN STORINGEN": a short all-caps line that is not a title.
    static func isSectionHeading(_ line: String) -> Bool {
        var letters = 0
        for s in line.unicodeScalars where s.isLetter {
            guard s.properties.isUppercase else { return false }
            letters += 1
        }
        guard letters >= 5, line.hasAtMostCharacters(90) else { return false }
        guard !line.hasSuffix(".") && !line.hasSuffix(":") else { return false }
        return !line.uppercased().contains("VOORWAARDEN") && !line.uppercased().contains("TERMS")
    }

    /// "Algemene Voorwaarden EasyComp Zeeland – B2B": a title line that may open a second set of terms.
    static func isDocumentTitle(_ line: String) -> Bool {
        let lower = line.quickLowercased()
        guard lower.hasPrefix("algemene voorwaarden") || lower.hasPrefix("general terms")
            || lower.hasPrefix("leveringsvoorwaarden") else { return false }
        let words = line.split(separator: " ").count
        return words >= 3 && words <= 12 && !line.hasSuffix(".") && !line.hasSuffix(":")
    }

    static func dottedClause(_ scanner: Scanner) -> LineKind? {
        var s = scanner
        var label = ""
        if let letter = s.upperLetterDot() { label = "\(letter)." }
        guard let first = s.digits(max: 3) else { return nil }
        label += first
        var parts = 0
        while s.peekIsDotDigit() {
            s.advance()
            // "23.000" is an amount, not clause 23.0: clause numbers have no leading zeros.
            guard let next = s.digits(max: 3), next == "0" || !next.hasPrefix("0") else { return nil }
            label += "." + next
            parts += 1
        }
        guard parts >= (label.first!.isLetter ? 0 : 1) else { return nil }
        if label.first!.isLetter && parts == 0 { return nil }  // "A.1" alone is an article label, not a clause
        if s.peek == "." { s.advance() }
        // "1.6Indien …": a space lost after the number (a capitalised word follows it straight).
        guard s.atEnd || s.spaces() > 0 || (parts >= 1 && s.peekIsCapitalisedWord()) else { return nil }
        return .dottedClause(label: label, rest: s.rest)
    }

    static func numbered(_ scanner: Scanner) -> LineKind? {
        var s = scanner
        guard let digits = s.digits(max: 3), let number = Int(digits) else { return nil }
        if s.peek == "." || s.peek == ")" {
            s.advance()
        }
        guard s.spaces() > 0, !s.atEnd else { return nil }
        return .numbered(number: number, rest: s.rest)
    }

    /// Splits a header's text into a heading and the clause text that runs on after it on the same
    /// line ("Intellectuele eigendom Alle door leverancier ..." → "Intellectuele eigendom", "Alle ...").
    static func splitHeading(_ text: String) -> (heading: String?, rest: String?) {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty { return (nil, nil) }
        // Twenty-one words decide everything below but the rest's text (a long clause has many more).
        let words = trimmed.split(separator: " ", maxSplits: 21, omittingEmptySubsequences: true)
        if words.count <= maxHeadingWords(trimmed), isHeadingLike(trimmed) { return (trimmed, nil) }
        if words.count > 6 {
            for i in 1...min(8, words.count - 5) where sentenceOpeners.contains(String(words[i])) {
                let heading = words[..<i].joined(separator: " ")
                if isHeadingLike(heading) {
                    return (heading, trimmed.split(separator: " ")[i...].joined(separator: " "))
                }
            }
        }
        return (nil, trimmed)
    }

    /// Words a heading does not end on; a line that does is a sentence cut by a line break.
    static let trailingFunctionWords: Set<String> = [
        "van", "de", "het", "een", "voor", "aan", "met", "door", "en", "of", "is", "dat", "die", "te", "op",
        "in", "bij", "tot", "om", "als", "zijn", "wordt", "worden", "the", "of", "and", "to", "a", "an", "for",
        "by", "with", "is", "be", "or", "that", "on", "in",
    ]

    /// A heading of a numbered clause: heading-like, and neither opens nor ends like a sentence.
    static func isClauseHeading(_ text: String) -> Bool {
        guard isHeadingLike(text), !text.hasSuffix(":") else { return false }
        let words = text.split(separator: " ")
        guard let first = words.first, let last = words.last, words.count <= 8 else { return false }
        if sentenceOpeners.contains(String(first)) && words.count > 1 { return false }
        return !trailingFunctionWords.contains(last.lowercased())
    }

    /// The most words a heading has: twelve, or twenty for a question. Insurance terms head their
    /// articles with the reader's question ("Aan welke eisen moet het conflict voldoen voordat u
    /// juridische hulp krijgt?"); a line that ends in a question mark is whole, not a sentence cut
    /// by a line break.
    static func maxHeadingWords(_ text: String) -> Int { text.hasSuffix("?") ? 20 : 12 }

    /// Short, starts with a capital or digit, and does not end like a sentence.
    static func isHeadingLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard first.properties.isUppercase || first.properties.numericType != nil
            || first == "(" || first.properties.isLowercase && text.count < 60 else { return false }
        let maxWords = maxHeadingWords(text)
        guard text.hasAtMostCharacters(maxWords == 12 ? 100 : 160), text.wordCount(max: maxWords) <= maxWords else { return false }
        if let last = text.last, ".;,".contains(last) && !text.hasSuffix("etc.") { return false }
        return true
    }
}

/// A forward-only cursor over a line's Unicode scalars.
struct Scanner {
    private let line: String
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private(set) var previousWasDot = false

    init(_ s: String) {
        line = s
        scalars = Array(s.unicodeScalars)
    }

    var atEnd: Bool { i >= scalars.count }
    var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }
    var rest: String {
        guard i < scalars.count else { return "" }
        let view = line.unicodeScalars
        return String(Substring(view[view.index(view.startIndex, offsetBy: i)...]))
    }

    /// A scanner over what is left, sharing this one's storage.
    var remainder: Scanner {
        var copy = self
        copy.previousWasDot = false
        return copy
    }

    mutating func advance() { i += 1 }

    /// Consumes one of `words` if the line continues with it and the word ends there
    /// (or, with `allowAttachedCapital`, runs straight into a capital: "ModuleA").
    mutating func keyword(_ words: [String], allowAttachedCapital: Bool = false) -> Bool {
        for w in words {
            let ws = Array(w.unicodeScalars)
            if i + ws.count <= scalars.count, Array(scalars[i..<i + ws.count]) == ws {
                let after = i + ws.count < scalars.count ? scalars[i + ws.count] : nil
                if let a = after, a.properties.isAlphabetic {
                    let nextIsLetter = i + ws.count + 1 < scalars.count && scalars[i + ws.count + 1].properties.isAlphabetic
                    guard allowAttachedCapital, a.isASCII, a.properties.isUppercase, !nextIsLetter else { continue }
                }
                i += ws.count
                previousWasDot = w.hasSuffix(".")
                return true
            }
        }
        return false
    }

    mutating func spaces() -> Int {
        var n = 0
        while let c = peek, c.isWhitespace { i += 1; n += 1 }
        return n
    }

    mutating func digits(max: Int) -> String? {
        var out = ""
        while let c = peek, c.value >= 48, c.value <= 57 {
            out.unicodeScalars.append(c)
            i += 1
            if out.count > max { return nil }
        }
        return out.isEmpty ? nil : out
    }

    mutating func upperLetter() -> Character? {
        guard let c = peek, c.isASCII, c.properties.isUppercase else { return nil }
        i += 1
        return Character(c)
    }

    /// "A." as in "A.8.3"; consumes nothing unless both are there.
    mutating func upperLetterDot() -> Character? {
        guard i + 2 < scalars.count, scalars[i].isASCII, scalars[i].properties.isUppercase,
              scalars[i + 1] == ".", scalars[i + 2].value >= 48, scalars[i + 2].value <= 57 else { return nil }
        let c = Character(scalars[i])
        i += 2
        return c
    }

    /// "a" in "10a", "th" in "10th" (a translation of "10e").
    mutating func lowercaseSuffix() -> String? {
        if i + 1 < scalars.count, scalars[i] == "t", scalars[i + 1] == "h",
           i + 2 == scalars.count || !scalars[i + 2].properties.isAlphabetic {
            i += 2
            return "th"
        }
        guard let c = peek, c.isASCII, c.properties.isLowercase else { return nil }
        if i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic { return nil }
        i += 1
        return String(Character(c))
    }

    func peekIsLetter() -> Bool { peek?.properties.isAlphabetic ?? false }

    /// A capital followed by two lower-case letters: the start of a word such as "Indien".
    func peekIsCapitalisedWord() -> Bool {
        i + 2 < scalars.count && scalars[i].properties.isUppercase
            && scalars[i + 1].properties.isLowercase && scalars[i + 2].properties.isLowercase
    }

    func peekIsDotDigit() -> Bool {
        i + 1 < scalars.count && scalars[i] == "." && scalars[i + 1].value >= 48 && scalars[i + 1].value <= 57
    }

    /// Skips a separator after a header number: ".", ":", "-", "–", "—" and the spaces around them.
    mutating func skipSeparator() {
        _ = spaces()
        while let c = peek, ".:-–—".unicodeScalars.contains(c) { i += 1; _ = spaces() }
    }
}
