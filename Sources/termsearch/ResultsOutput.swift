import Foundation
import TermsIndex

/// JSON for scripts, the same style everywhere: sorted keys, slashes unescaped; pretty-printed
/// objects (search results: `{"query", "total", "documents", "hits": [...], "facets": {...}}`, see
/// the README) or one compact object a line.
enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self)
    }

    /// One compact JSON object a line (JSON Lines), each ending in a newline.
    static func lines<T: Encodable>(_ values: [T]) throws -> String {
        let encoder = encoder(pretty: false)
        return try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }
}

/// Search hits as CSV (RFC 4180): a header row, then one hit a line.
enum ResultsCSV {
    static let header = ["rank", "score", "id", "supplier", "document", "article", "clause", "heading", "language",
                         "version", "topics", "snippet", "text"]

    static func render(_ hits: [SearchHit]) -> String {
        var out = row(header)
        for hit in hits {
            let snippet = hit.snippet.replacingOccurrences(of: SearchHit.highlightStart, with: "")
                .replacingOccurrences(of: SearchHit.highlightEnd, with: "")
            out += row([String(hit.rank), String(format: "%.4f", hit.score), hit.id, hit.supplier, hit.document,
                        hit.article ?? "", hit.clause, hit.heading ?? "", hit.language, hit.version ?? "",
                        hit.topics.joined(separator: ";"), snippet, hit.text])
        }
        return out
    }

    /// One record: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF ends it.
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Search results for people: one block per clause, the match highlighted on a terminal.
struct ResultsText {
    var results: SearchResults
    var highlight: Bool
    var showFacets = false

    static let bold = "\u{1B}[1m", dim = "\u{1B}[2m", match = "\u{1B}[1;33m", reset = "\u{1B}[0m"

    func render() -> String {
        var out = ""
        let shown = results.hits.isEmpty ? "" : " (showing \(results.hits.first!.rank)–\(results.hits.last!.rank))"
        let perDocument = results.hits.first?.matchingClauses != nil
        out += "\(results.totalText) matching clause\(results.total == 1 ? "" : "s")"
        if let documents = results.documents, perDocument || showFacets { out += " in \(documents) document\(documents == 1 ? "" : "s")" }
        out += " for \(results.query)"
        if let related = results.relatedTotal, related > 0 {
            out += ", about \(related) more with equivalent expressions"
        }
        if let partial = results.partialTotal, partial > 0 {
            out += ", and about \(partial) with some of its words"
        }
        out += "\(shown)\n"
        if let suggestion = results.suggestion { out += "Did you mean: \(suggestion)\n" }
        if let expansion = results.expansion { out += style(Self.dim, Self.describe(expansion)) + "\n" }
        if let explanation = results.explanation { out += Self.describe(explanation) }
        if showFacets { out += facets() }
        for hit in results.hits {
            out += "\n"
            var line = style(Self.bold, "\(hit.rank). \(hit.supplier) — \(location(hit))") + "  [\(hit.language)]"
            switch hit.match {
            case .exact: line += "  exact"
            case .near: line += "  " + style(Self.dim, "near")
            case .related: line += "  " + style(Self.dim, "related")
            case .partial: line += "  " + style(Self.dim, "some of the words")
            case .all, nil: break
            }
            if let n = hit.matchingClauses { line += "  (\(n) matching clause\(n == 1 ? "" : "s"))" }
            out += line + "\n"
            if let context = [hit.part, hit.articleHeading].compactMap({ $0 }).joined(separator: " › ").nilIfEmpty {
                out += "   " + style(Self.dim, context) + "\n"
            }
            out += "   " + snippet(hit.snippet) + "\n"
            out += "   " + style(Self.dim, hit.id) + "\n"
        }
        return out
    }

    /// "Also searched: overmacht → force majeure: niet-toerekenbare tekortkoming, …; other language: act of god, … |
    /// vervalt → other language: expire, lapse"
    static func describe(_ expansion: QueryExpansion) -> String {
        "Also searched: " + expansion.matches.map { match in
            // A glossary line (translations only) has no same-language words: its name would read as if it had.
            var parts: [String] = []
            if !match.sameLanguage.isEmpty { parts.append("\(match.concept): " + match.sameLanguage.joined(separator: ", ")) }
            if !match.otherLanguage.isEmpty { parts.append("other language: " + match.otherLanguage.joined(separator: ", ")) }
            return "\(match.words) → " + parts.joined(separator: "; ")
        }.joined(separator: " | ") + " (--no-expand turns this off)"
    }

    /// The query plan of `--explain`: features, thesaurus and each tier's Xapian query.
    static func describe(_ explanation: SearchExplanation) -> String {
        var out = "Query as parsed: \(explanation.rewritten)\nFeatures: \(explanation.features)\nThesaurus: \(explanation.thesaurus)\n"
        for (index, tier) in explanation.tiers.enumerated() {
            out += "Tier \(index + 1) (\(tier.match?.rawValue ?? "matches")): \(tier.query)\n"
        }
        return out
    }

    /// One line per facet: "supplier: Klantassistent 4, Matteman ICT 2".
    func facets() -> String {
        var out = ""
        for facet in Facet.allCases {
            guard let counts = results.facets?[facet.rawValue], !counts.isEmpty else { continue }
            let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            out += style(Self.dim, "\(facet.rawValue):") + " " + sorted.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// "artikel 14.1 Directe en Indirecte Schade", "preamble".
    func location(_ hit: SearchHit) -> String {
        var words: [String] = []
        if hit.article != nil {
            words.append((hit.language == "en" ? "article " : "artikel ") + hit.clause)
        } else {
            words.append(hit.clause)
        }
        if let piece = hit.piece { words.append("(part \(piece))") }
        if let heading = hit.heading { words.append(heading) }
        if let page = hit.page { words.append("· p. \(page)") }
        return words.joined(separator: " ")
    }

    func snippet(_ s: String) -> String {
        let oneLine = s.replacingOccurrences(of: "\n", with: " ")
        return oneLine.replacingOccurrences(of: SearchHit.highlightStart, with: highlight ? Self.match : "")
            .replacingOccurrences(of: SearchHit.highlightEnd, with: highlight ? Self.reset : "")
    }

    func style(_ code: String, _ s: String) -> String { highlight ? code + s + Self.reset : s }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
