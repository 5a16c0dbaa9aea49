import Foundation
import Xapian

/// Refuses filter values that cannot match anything, so a mistyped topic, language, kind, supplier
/// or date is an error naming the values that work, never a silent empty result.
struct FilterCheck {
    let database: Database

    /// Fields of the query language whose values come from a closed list.
    static let checkedQueryFields = ["topic", "lang", "kind"]

    /// Throws `TermsearchError.invalidFilter` for the first value of `filters` or of the query's
    /// `topic:`/`lang:`/`kind:` fields that cannot match.
    func check(_ filters: SearchFilters, query: String) throws {
        var topics = filters.topics.map { ("--topic", $0) }
        var languages = filters.languages.map { ("--lang", $0) }
        var kinds = filters.kinds.map { ("--kind", $0) }
        for (field, value) in Self.fieldValues(in: query, fields: Self.checkedQueryFields) {
            switch field {
            case "topic": topics.append(("topic:", value))
            case "lang": languages.append(("lang:", value))
            default: kinds.append(("kind:", value))
            }
        }
        let knownTopics = Topic.allCases.map(\.rawValue)
        for (field, value) in topics where !knownTopics.contains(value.lowercased()) {
            throw TermsearchError.invalidFilter(field: field, value: value, reason: "no such topic", known: knownTopics)
        }
        let knownLanguages = Language.allCases.map(\.rawValue)
        for (field, value) in languages where !knownLanguages.contains(value.lowercased()) {
            throw TermsearchError.invalidFilter(field: field, value: value, reason: "no such language", known: knownLanguages)
        }
        if !kinds.isEmpty {
            let knownKinds = try values(prefix: IndexSchema.kind)
            for (field, value) in kinds where !knownKinds.contains(value.lowercased()) {
                throw TermsearchError.invalidFilter(field: field, value: value, reason: "no document of this kind in the index", known: knownKinds)
            }
        }
        for (field, value) in [("--since", filters.since), ("--until", filters.until)] {
            if let value, !SearchFilters.isDate(value) {
                throw TermsearchError.invalidFilter(field: field, value: value, reason: "not a date such as 2019, 2019-06 or 2019-06-30", known: [])
            }
        }
    }

    /// Throws when no supplier of the index matches `value` (by slug or by the words of its name).
    func checkSupplier(_ value: String, matched: Bool) throws {
        guard !matched else { return }
        throw TermsearchError.invalidFilter(field: "--supplier", value: value, reason: "no supplier of the index matches",
                                            known: try values(prefix: IndexSchema.supplier))
    }

    /// The values of a boolean prefix in the index, sorted.
    private func values(prefix: String) throws -> [String] {
        var values: [String] = []
        try database.allTerms(prefix: prefix) { term, _ in values.append(String(term.dropFirst(prefix.count))) }
        return values
    }


    /// `field:value` pairs of the query (outside phrases), for the given fields.
    static func fieldValues(in query: String, fields: [String]) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var inPhrase = false
        var token = ""
        func flush() {
            defer { token = "" }
            var t = Substring(token)
            while let first = t.first, "+-(".contains(first) { t = t.dropFirst() }
            while let last = t.last, ")".contains(last) { t = t.dropLast() }
            guard let colon = t.firstIndex(of: ":") else { return }
            let field = String(t[..<colon]), value = String(t[t.index(after: colon)...])
            if fields.contains(field), !value.isEmpty { pairs.append((field, value)) }
        }
        for c in query {
            if c == "\"" || c == "“" || c == "”" { inPhrase.toggle(); token = ""; continue }
            if inPhrase { continue }
            if c.isWhitespace { flush() } else { token.append(c) }
        }
        flush()
        return pairs
    }
}

extension SearchFilters {
    /// `2019`, `2019-06` or `2019-06-30`, with a real month and day.
    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year > 0 else { return false }
        guard parts.count > 1 else { return true }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard parts[2].count == 2, let day = Int(parts[2]) else { return false }
        return (1...days).contains(day)
    }
}
