import Foundation
import Xapian

/// A query × supplier table: for every supplier of the index, each query's best clause and number
/// of matching clauses, or nothing found (`termsearch compare`, the web app's compare page).
///
/// The JSON keys are a public contract, as for search results: later versions add keys, never rename them.
public struct Comparison: Codable, Sendable, Equatable {
    /// The column labels: the queries as given, in order.
    public var queries: [String]
    /// The filters applied to every query.
    public var filters: SearchFilters
    /// One row per supplier of the index (also those without any match), sorted by name.
    public var suppliers: [Row]

    /// One supplier's answers.
    public struct Row: Codable, Sendable, Equatable {
        public var supplier: String
        /// One cell per query, in the order of `queries`.
        public var cells: [Cell]
    }

    /// One supplier's answer to one query.
    public struct Cell: Codable, Sendable, Equatable {
        /// The query (the column label).
        public var query: String
        /// Number of the supplier's clauses that match (0: not found).
        public var matchingClauses: Int
        /// The supplier's best matching clause, or null when none matches.
        public var best: BestClause?

        /// Writes `best` as null when nothing was found (a documented key, always present).
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(query, forKey: .query)
            try c.encode(matchingClauses, forKey: .matchingClauses)
            try c.encode(best, forKey: .best)
        }
    }

    /// The best clause of a cell: enough to cite it and to open it.
    public struct BestClause: Codable, Sendable, Equatable {
        /// Clause id (`termsearch show ID`).
        public var id: String
        public var document: String
        public var title: String
        /// How a reader cites it: "artikel 14.1 Directe en Indirecte Schade".
        public var citation: String
        public var article: String?
        public var clause: String
        public var heading: String?
        public var page: Int?
        /// An excerpt around the matches; matched words wrapped in `<em>` and `</em>`.
        public var snippet: String
        /// The tier of the match (`exact`, `near`, `all`, `partial`, ...), when the query has tiers.
        public var match: MatchKind?
    }

    /// The table as CSV: a header row `supplier`, then per query `Q: clauses`, `Q: best clause`,
    /// `Q: id`, `Q: snippet`; "not found" where a supplier has no match.
    ///
    /// `excel` gives what Excel opens correctly in a Dutch (or any comma-decimal) locale: a UTF-8
    /// byte order mark and `;` between fields; otherwise RFC 4180 with `,`. Rows end in CRLF.
    public func csv(excel: Bool = false) -> String {
        let separator: Character = excel ? ";" : ","
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func row(_ fields: [String]) -> String { fields.map(field).joined(separator: String(separator)) + "\r\n" }
        var out = excel ? "\u{FEFF}" : ""
        out += row(["supplier"] + queries.flatMap { ["\($0): clauses", "\($0): best clause", "\($0): id", "\($0): snippet"] })
        for supplier in suppliers {
            out += row([supplier.supplier] + supplier.cells.flatMap { cell -> [String] in
                guard let best = cell.best else { return [String(cell.matchingClauses), "not found", "", ""] }
                let snippet = best.snippet.replacingOccurrences(of: SearchHit.highlightStart, with: "")
                    .replacingOccurrences(of: SearchHit.highlightEnd, with: "")
                return [String(cell.matchingClauses), best.citation, best.id, snippet]
            })
        }
        return out
    }
}

extension SearchHit {
    /// How a reader cites the clause: "artikel 14.1 Heading" ("article" for English clauses), the
    /// clause label alone for a preamble, "(part N)" for a piece, "p. N" for a page.
    public var citation: String {
        var words: [String] = []
        words.append(article != nil ? (language == "en" ? "article " : "artikel ") + clause : clause)
        if let piece { words.append("(part \(piece))") }
        if let heading { words.append(heading) }
        if let page { words.append("· p. \(page)") }
        return words.joined(separator: " ")
    }
}

extension TermsSearcher {
    /// The comparison table of `queries` (each searched with `filters`, `near` as in search):
    /// every supplier of the index a row, each query a column.
    ///
    /// Throws `invalidQuery` or `invalidFilter` for the first query or filter that cannot run.
    public func compare(_ queries: [String], filters: SearchFilters = SearchFilters(), near: Bool = false) throws -> Comparison {
        let suppliers = try self.suppliers().keys.sorted { $0.lowercased() != $1.lowercased() ? $0.lowercased() < $1.lowercased() : $0 < $1 }
        var columns: [[String: Comparison.Cell]] = []
        for query in queries {
            // One hit per document, every document: the first hit of a supplier is its best clause.
            let request = SearchRequest(query: query, limit: Int(Int32.max), filters: filters, perDocument: true, near: near, facets: true)
            let results = try search(request)
            let counts = results.facets?[Facet.supplier.rawValue] ?? [:]
            var cells: [String: Comparison.Cell] = [:]
            for hit in results.hits where cells[hit.supplier] == nil {
                cells[hit.supplier] = Comparison.Cell(
                    query: query, matchingClauses: counts[hit.supplier] ?? hit.matchingClauses ?? 1,
                    best: Comparison.BestClause(id: hit.id, document: hit.document, title: hit.title, citation: hit.citation,
                                                article: hit.article, clause: hit.clause, heading: hit.heading, page: hit.page,
                                                snippet: hit.snippet, match: hit.match))
            }
            columns.append(cells)
        }
        return Comparison(queries: queries, filters: filters, suppliers: suppliers.map { supplier in
            Comparison.Row(supplier: supplier, cells: zip(queries, columns).map { query, cells in
                cells[supplier] ?? Comparison.Cell(query: query, matchingClauses: 0, best: nil)
            })
        })
    }

    /// Moves the searcher to the latest committed state of its indexes, so a long-lived searcher
    /// (the web app) sees what `termsearch index` has committed since it opened them; true when
    /// anything changed.
    @discardableResult
    public func refresh() throws -> Bool {
        do {
            let changed = try database.reopen()
            if changed { documentFieldSearch.invalidate() }
            return changed
        } catch let error as XapianError {
            throw TermsearchError.from(error, index: paths[0], doing: "reopening the index")
        }
    }
}
