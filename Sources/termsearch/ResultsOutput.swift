import Foundation
import TermsIndex

/// Search results as JSON: `{"query", "total", "hits": [...], "facets": {}}` (see the README).
enum ResultsJSON {
    static func encode(_ results: SearchResults) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(results), as: UTF8.self)
    }
}

/// Search results for people: one block per clause, the match highlighted on a terminal.
struct ResultsText {
    var results: SearchResults
    var highlight: Bool

    static let bold = "\u{1B}[1m", dim = "\u{1B}[2m", match = "\u{1B}[1;33m", reset = "\u{1B}[0m"

    func render() -> String {
        var out = ""
        let shown = results.hits.isEmpty ? "" : " (showing \(results.hits.first!.rank)–\(results.hits.last!.rank))"
        out += "\(results.total) matching clause\(results.total == 1 ? "" : "s") for \(results.query)\(shown)\n"
        if let suggestion = results.suggestion { out += "Did you mean: \(suggestion)\n" }
        for hit in results.hits {
            out += "\n"
            out += style(Self.bold, "\(hit.rank). \(hit.supplier) — \(location(hit))") + "  [\(hit.language)]\n"
            if let context = [hit.part, hit.articleHeading].compactMap({ $0 }).joined(separator: " › ").nilIfEmpty {
                out += "   " + style(Self.dim, context) + "\n"
            }
            out += "   " + snippet(hit.snippet) + "\n"
            out += "   " + style(Self.dim, hit.id) + "\n"
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
        if let heading = hit.heading { words.append(heading) }
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
