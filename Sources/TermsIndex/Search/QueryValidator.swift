import Foundation

/// Checks a query's syntax before Xapian sees it. Xapian's QueryParser quietly re-parses a query it
/// cannot parse with its operators switched off, which returns surprising results; a researcher is
/// better served by an error that says where the query is broken.
public enum QueryValidator {
    static let binaryOperators: Set<String> = ["AND", "OR", "XOR"]
    static let proximityPrefixes = ["NEAR", "ADJ"]

    /// Throws `TermsearchError.invalidQuery` when `query` is malformed.
    public static func validate(_ query: String) throws {
        func fail(_ reason: String) -> TermsearchError { .invalidQuery(query: query, reason: reason) }

        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw fail("the query is empty") }
        if query.unicodeScalars.count > maxLength {
            throw fail("it is \(query.unicodeScalars.count) characters long; the limit is \(maxLength)")
        }
        // NUL, ESC, DEL and friends: pasted terminal escapes or binary junk, never meant as words.
        if let control = query.unicodeScalars.first(where: isControl) {
            throw fail("it contains the control character U+\(String(format: "%04X", control.value)); remove it")
        }
        var quotes = 0
        var depth = 0
        var inPhrase = false
        for c in query {
            switch c {
            case "\"", "“", "”": quotes += 1; inPhrase.toggle()
            case "(" where !inPhrase: depth += 1
            case ")" where !inPhrase:
                depth -= 1
                if depth < 0 { throw fail("a closing bracket ')' has no opening bracket") }
            default: break
            }
        }
        if quotes % 2 != 0 { throw fail("a double quote is not closed: phrases need a quote at both ends") }
        if depth > 0 { throw fail("\(depth) opening bracket\(depth > 1 ? "s" : "") '(' not closed") }

        // Operators need an operand on each side.
        let tokens = tokenize(query)
        for (i, token) in tokens.enumerated() where isBinaryOperator(token) {
            let before = i > 0 ? tokens[i - 1] : nil
            let after = i + 1 < tokens.count ? tokens[i + 1] : nil
            if before == nil || before == "(" || isBinaryOperator(before!) || before == "NOT" {
                throw fail("'\(token)' needs a word or phrase before it")
            }
            if after == nil || after == ")" || isBinaryOperator(after!) {
                throw fail("'\(token)' needs a word or phrase after it")
            }
        }
        for (i, token) in tokens.enumerated() {
            let bare = token.hasPrefix("+") || token.hasPrefix("-") ? String(token.dropFirst()) : token
            let isPhrase = token.contains("\"") || token.contains("“") || token.contains("”")
            if let slash = token.firstIndex(of: "/"), proximityPrefixes.contains(String(token[..<slash])) {
                let n = token[token.index(after: slash)...]
                if n.isEmpty || !n.allSatisfy(\.isASCII) || Int(n) == nil {
                    throw fail("'\(token)' needs a number of words, as in NEAR/5 or ADJ/3")
                }
            }
            if proximityPrefixes.contains(where: { token == $0 || token.hasPrefix($0 + "/") }) {
                let neighbours = [i > 0 ? tokens[i - 1] : "", i + 1 < tokens.count ? tokens[i + 1] : ""]
                if neighbours.contains(where: { $0.contains("\"") || $0.contains("“") || $0.contains("”") || $0 == "(" || $0 == ")" }) {
                    throw fail("'\(token)' joins words, not phrases or brackets; for a phrase near its words use \"…\"~N")
                }
            }
            if QueryRewriter.nearSuffix(token) != nil {
                let previous = i > 0 ? tokens[i - 1] : ""
                if !(previous.contains("\"") || previous.contains("“") || previous.contains("”")) {
                    throw fail("'\(token)' must follow a quoted phrase, as in \"beperkt tot\"~5")
                }
            }
            if !isPhrase, bare.contains(".."), DateRange(bare) == nil {
                throw fail("'\(token)' is not a range termsearch knows: use years (2018..2025, year:2018..2025) or version dates (2019-01-01..2020-06-30, 2019-06..)")
            }
        }
        if let last = tokens.last, last == "NOT" || last == "+" || last == "-" {
            throw fail("'\(last)' needs a word or phrase after it")
        }
        // "*", "()", '""', "&&": Xapian parses these to an empty query that matches nothing.
        if !query.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            throw fail("it has no words to search for")
        }
        // "foo:bar" with a field termsearch does not have would silently search for the words.
        for token in tokens {
            if let field = unknownField(token) {
                let known = (TermsSearcher.textFields.map(\.field) + TermsSearcher.documentFields + TermsSearcher.filterFields.map(\.field))
                    .map { "\($0):" }.joined(separator: ", ")
                throw fail("unknown field '\(field):'; the fields are \(known)")
            }
        }
        // A document field takes one value: Xapian would read `title:(a b)` as `title:(a` and `b)`.
        for (token, next) in zip(tokens, tokens.dropFirst()) where next == "(" {
            let name = token.drop(while: { $0 == "+" || $0 == "-" })
            if let field = TermsSearcher.documentFields.first(where: { name == $0 + ":" }) {
                throw fail("'\(field):' takes a word or a quoted phrase, not brackets: write \(field):a OR \(field):b")
            }
        }
    }

    /// Longest query accepted, in Unicode scalars (a query is typed or pasted, not a document).
    public static let maxLength = 10_000

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s != "\t" && s != "\n" && s != "\r" && s.properties.generalCategory == .control
    }

    /// The field name of `name:value` when `name` is not a field termsearch knows, else nil.
    /// Only letters before the colon and a word, phrase or bracket after it count as a field:
    /// "12:30", "http://…" and "let op: schade" are not fields.
    static func unknownField(_ token: String) -> String? {
        var t = Substring(token)
        while let first = t.first, first == "+" || first == "-" { t = t.dropFirst() }
        guard let colon = t.firstIndex(of: ":") else { return nil }
        let name = t[..<colon]
        let value = t[t.index(after: colon)...]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }),
              let next = value.first, next.isLetter || next.isNumber || next == "\"" || next == "(" else { return nil }
        let known = TermsSearcher.textFields.contains { $0.field == name } || TermsSearcher.documentFields.contains(String(name))
            || TermsSearcher.filterFields.contains { $0.field == name }
        return known ? nil : String(name)
    }

    static func isBinaryOperator(_ token: String) -> Bool {
        binaryOperators.contains(token) || proximityPrefixes.contains { token == $0 || token.hasPrefix($0 + "/") }
    }

    /// Splits a query into words, phrases (one token each) and brackets.
    static func tokenize(_ query: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inPhrase = false
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        for c in query {
            if c == "\"" || c == "“" || c == "”" {
                current.append(c)
                if inPhrase { flush() }
                inPhrase.toggle()
            } else if inPhrase {
                current.append(c)
            } else if c.isWhitespace {
                flush()
            } else if c == "(" || c == ")" {
                flush(); tokens.append(String(c))
            } else {
                current.append(c)
            }
        }
        flush()
        return tokens
    }
}
