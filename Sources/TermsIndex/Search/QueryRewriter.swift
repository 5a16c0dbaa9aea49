import Foundation

/// termsearch's additions to Xapian's query syntax, rewritten into plain QueryParser syntax before
/// parsing (Xapian itself sees only its own syntax):
///
/// - `"…"~N` — the phrase, and near it its words in order within Xapian's `ADJ/N`.
/// - `clause:A.8.3` — boolean field values are lowercased (the index stores them lowercased).
/// - `2019-05..2020`, `2018..2025`, `year:2018..2025` — ranges of years and dates are all ranges
///   of the ISO version date, and an upper bound includes all of a year or month it names (dates
///   compare as ISO text, so `2020-03-15` > `2020`; the bound becomes `2020~`).
struct QueryRewriter {
    /// One token of the query (see `QueryValidator.tokenize`), with the near window of a phrase.
    private struct Token {
        var text: String
        /// For a phrase token followed by `~N`: N.
        var window: Int?
        var isPhrase: Bool { text.contains("\"") || text.contains("“") || text.contains("”") }
    }

    private var tokens: [Token] = []

    /// Fields whose values are exact, lowercased terms.
    static let booleanFields: Set<String> = ["article", "clause", "topic", "lang", "kind", "year", "document"]

    /// Rewrites `query`; with `lowercasing` (the default), words are lowercased (see `normalised`).
    init(_ query: String, lowercasing: Bool = true) {
        for raw in QueryValidator.tokenize(query) {
            if let window = Self.nearSuffix(raw), let last = tokens.last, last.isPhrase, last.window == nil {
                tokens[tokens.count - 1].window = window
                continue
            }
            tokens.append(Token(text: Self.normalised(raw, lowercasing: lowercasing)))
        }
    }

    /// `~N` (the suffix of a near phrase), or nil.
    static func nearSuffix(_ token: String) -> Int? {
        guard token.hasPrefix("~"), let n = Int(token.dropFirst()), n >= 0 else { return nil }
        return n
    }

    /// Whether the query has a phrase with `~N`.
    var hasNearPhrase: Bool { tokens.contains { $0.window != nil } }

    /// The query for exact matching: `~N` removed, boolean values lowercased, date bounds padded.
    var exact: String { tokens.map(\.text).joined(separator: " ") }

    /// The query with every phrase of two or more words (all of them when `everyPhrase`, else those
    /// with `~N`) turned into an `ADJ` group; nil when no phrase changed.
    func near(window: Int, everyPhrase: Bool) -> String? {
        var changed = false
        let parts = tokens.map { token -> String in
            guard token.isPhrase, everyPhrase || token.window != nil,
                  let group = Self.adjGroup(token.text, window: token.window ?? window) else { return token.text }
            changed = true
            return group
        }
        return changed ? parts.joined(separator: " ") : nil
    }

    /// For a query of plain words only (two or more, no operators, fields, phrases or brackets): the
    /// same words joined with `NEAR/window`, to boost clauses where they stand close together.
    func proximityBoost(window: Int) -> String? {
        guard let words = plainWords, words.count <= 8 else { return nil }
        return words.joined(separator: " NEAR/\(window) ")
    }

    /// The words of a query of two or more plain words (no operators, fields, phrases or brackets);
    /// nil for any other query.
    var plainWords: [String]? {
        guard let words = words, words.count >= 2 else { return nil }
        return words
    }

    /// The words of a query of one or more plain words; nil for any other query.
    var words: [String]? {
        let words = tokens.map(\.text)
        guard !words.isEmpty, words.allSatisfy(Self.isPlainWord) else { return nil }
        return words
    }

    /// For a query of plain words: the words ORed, for the partial tier (clauses with some of them).
    var anyWord: String? { plainWords?.joined(separator: " OR ") }

    static func isPlainWord(_ word: String) -> Bool {
        guard !QueryValidator.isBinaryOperator(word), word != "NOT" else { return false }
        return word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" }
    }

    /// `title:"a b c"` → `(title:a ADJ/5 title:b ADJ/5 title:c)`; nil for a one-word phrase.
    static func adjGroup(_ phrase: String, window: Int) -> String? {
        guard let open = phrase.firstIndex(where: { $0 == "\"" || $0 == "“" }) else { return nil }
        var lead = String(phrase[..<open])
        var love = ""
        if lead.hasPrefix("+") || lead.hasPrefix("-") { love = String(lead.removeFirst()) }
        let field = lead  // "" or "title:"
        let inner = phrase[phrase.index(after: open)...].filter { $0 != "\"" && $0 != "“" && $0 != "”" }
        // Words only: brackets, operators' capitals and love/hate signs would mean something here.
        let words = inner.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" })
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "+-~*")) }
            .filter { !$0.isEmpty }
            .map { word -> String in
                QueryValidator.isBinaryOperator(word) || word == "NOT" ? word.lowercased() : word
            }
        guard words.count >= 2 else { return nil }
        return love + "(" + words.map { field + $0 }.joined(separator: " ADJ/\(window) ") + ")"
    }

    /// Lowercases words (Xapian's STEM_SOME takes a capitalised word for a name and neither stems
    /// nor expands it, so `Aansprakelijkheid` would find less than `aansprakelijkheid`) and boolean
    /// field values, keeping the operators; makes year and date ranges date ranges with padded
    /// upper bounds.
    static func normalised(_ token: String, lowercasing: Bool = true) -> String {
        if isOperator(token) { return token }
        return rangeNormalised(lowercasing ? token.lowercased() : token)
    }

    /// `AND`, `OR`, `NOT`, `XOR`, `NEAR`, `NEAR/n`, `ADJ`, `ADJ/n`: kept in capitals, as Xapian needs them.
    static func isOperator(_ token: String) -> Bool {
        QueryValidator.isBinaryOperator(token) || token == "NOT"
    }

    private static func rangeNormalised(_ token: String) -> String {
        var sign = ""
        var body = Substring(token)
        if body.first == "+" || body.first == "-" { sign = String(body.removeFirst()) }
        if let range = DateRange(String(body)) {
            let upper = range.upper.map { $0.hasSuffix("~") ? $0 : $0 + "~" } ?? ""
            return sign + (range.lower ?? "") + ".." + upper
        }
        if let colon = body.firstIndex(of: ":"), booleanFields.contains(String(body[..<colon])),
           let first = body[body.index(after: colon)...].first, first != "\"", first != "(" {
            return sign + body.lowercased()
        }
        return token
    }
}

/// A range token: `2018..2025`, `year:2018..2025`, `2019-01-01..2020-06-30`, `2019-06..`, `..2020`.
struct DateRange {
    var lower: String?
    var upper: String?

    /// Whether a bound is a date (`2019-06`, `2019-06-30`) rather than a year.
    var isDate: Bool { [lower, upper].contains { $0?.contains("-") ?? false } }

    private static let bound = try! NSRegularExpression(pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?~?$")

    init?(_ token: String) {
        guard let dots = token.range(of: "..") else { return nil }
        var head = String(token[..<dots.lowerBound])
        let yearMarker = head.hasPrefix("year:")
        if yearMarker { head.removeFirst(5) }
        let tail = String(token[dots.upperBound...])
        func valid(_ s: String) -> Bool {
            DateRange.bound.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
        guard head.isEmpty || valid(head), tail.isEmpty || valid(tail), !(head.isEmpty && tail.isEmpty) else { return nil }
        lower = head.isEmpty ? nil : head
        upper = tail.isEmpty ? nil : tail
        if yearMarker && isDate { return nil }  // year: takes years only
    }
}
