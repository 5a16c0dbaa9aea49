import Foundation
import Xapian

/// The `title:` and `supplier:` fields of the query language, and the `--supplier` filter by
/// words: properties of a document, matched against each document's title and supplier name
/// (stored once per document, on its first clause) instead of terms on every clause (schema 6:
/// those were 7 % of the index). A field value becomes a filter of the documents (`XDOC`) or
/// suppliers (`XS`) whose words match it.
///
/// A value matches when its words occur in the name one after the other (`title:"algemene
/// voorwaarden"`, `supplier:easycomp-zeeland`), each word as written or by its Dutch or English
/// stem, with diacritics folded; a final `*` matches any word starting so (`supplier:easy*`).
/// Reads the documents' fields on first use; `invalidate()` after the database is reopened.
final class DocumentFieldSearch {
    /// The query fields matched per document: `title:` against the title, `supplier:` the supplier name.
    enum Field: String, CaseIterable {
        case title, supplier
    }

    private struct Entry {
        var document: String
        var supplierSlug: String
        var title: [Word]
        var supplier: [Word]
    }

    /// A word of a name or value: its folded form and its stems.
    private struct Word {
        var form: String
        var stems: [String]
    }

    /// The words of a field value, and whether its last word ends in `*`.
    private struct Pattern {
        var words: [Word]
        var wildcard: Bool
    }

    private let database: Database
    private let stemmers: [Stem]
    private var entries: [Entry]?

    init(database: Database, stemmers: [Stem]) {
        self.database = database
        self.stemmers = stemmers
    }

    /// Forgets what was read, so the next use reads the documents again.
    func invalidate() { entries = nil }

    /// The filter for `field:value`: the documents (title) or suppliers (supplier) it matches, or
    /// nothing.
    func filter(_ field: Field, _ value: String) throws -> Query {
        let pattern = self.pattern(value)
        guard !pattern.words.isEmpty else { return .matchNothing }
        let matched = try load().filter { Self.matches(pattern, field == .title ? $0.title : $0.supplier) }
        let terms: [String]
        switch field {
        case .title: terms = matched.map { IndexSchema.booleanTerm(IndexSchema.document, $0.document) }
        case .supplier: terms = Array(Set(matched.map { IndexSchema.booleanTerm(IndexSchema.supplier, $0.supplierSlug) })).sorted()
        }
        return terms.isEmpty ? .matchNothing : Query(.or, terms.map { Query(term: $0) })
    }

    /// Whether any supplier's name matches `value` (for the `--supplier` filter's check).
    func hasSupplier(matching value: String) throws -> Bool {
        let pattern = self.pattern(value)
        guard !pattern.words.isEmpty else { return false }
        return try load().contains { Self.matches(pattern, $0.supplier) }
    }

    private func load() throws -> [Entry] {
        if let entries { return entries }
        var recordTerms: [String] = []
        try database.allTerms(prefix: IndexSchema.documentRecord) { term, _ in recordTerms.append(term) }
        var loaded: [Entry] = []
        loaded.reserveCapacity(recordTerms.count)
        for term in recordTerms {
            guard let docid = try database.postings(term).first else { continue }
            guard let (document, fields) = try StoredClause.record(in: try database.document(docid).data) else { continue }
            loaded.append(Entry(document: document, supplierSlug: slug(fields.supplier),
                                title: pattern(fields.title).words, supplier: pattern(fields.supplier).words))
        }
        entries = loaded
        return loaded
    }

    /// The lowercase, folded words of `text` with their stems, and whether it ends in `*`.
    private func pattern(_ text: String) -> Pattern {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let words = DiacriticFolding.fold(trimmed.lowercased())
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { word in Word(form: String(word), stems: stemmers.map { $0(String(word)) }) }
        return Pattern(words: words, wildcard: trimmed.hasSuffix("*"))
    }

    /// Whether the words of `pattern` occur in `name` one after the other.
    private static func matches(_ pattern: Pattern, _ name: [Word]) -> Bool {
        let count = pattern.words.count
        guard name.count >= count else { return false }
        return (0...(name.count - count)).contains { start in
            pattern.words.indices.allSatisfy { k in
                let word = name[start + k], wanted = pattern.words[k]
                if k == count - 1 && pattern.wildcard { return word.form.hasPrefix(wanted.form) }
                return word.form == wanted.form || zip(word.stems, wanted.stems).contains { $0 == $1 }
            }
        }
    }
}
