import Foundation

/// A research script that cannot be read.
public struct ResearchScriptError: Error, CustomStringConvertible, Equatable {
    /// What is wrong with it.
    public var reason: String
    public var description: String { "the research script cannot be read: \(reason)" }
}

/// A named query of a research script.
public struct ResearchQuery: Codable, Sendable, Equatable {
    /// The name in the matrix and the hits file (the query itself when the script gives none).
    public var name: String
    public var query: String

    public init(name: String, query: String) {
        self.name = name
        self.query = query
    }

    /// Reads a research script: a JSON list of strings or `{"name": ..., "query": ...}` objects, or
    /// one query a line (blank lines and lines starting with `#` skipped; `name<TAB>query` names it).
    public static func parseScript(_ text: String) throws -> [ResearchQuery] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("[") {
            guard let list = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [Any] else {
                throw ResearchScriptError(reason: "not a JSON list of queries")
            }
            return try list.enumerated().map { index, entry in
                if let query = entry as? String { return ResearchQuery(name: query, query: query) }
                if let object = entry as? [String: Any], let query = object["query"] as? String {
                    return ResearchQuery(name: (object["name"] as? String) ?? query, query: query)
                }
                throw ResearchScriptError(reason: "entry \(index + 1) is neither a string nor {\"name\", \"query\"}")
            }
        }
        return text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            if let tab = line.firstIndex(of: "\t") {
                let name = line[..<tab].trimmingCharacters(in: .whitespaces)
                let query = line[line.index(after: tab)...].trimmingCharacters(in: .whitespaces)
                return ResearchQuery(name: name.isEmpty ? query : name, query: query)
            }
            return ResearchQuery(name: line, query: line)
        }
    }
}

/// The outcome of a research script: the supplier × query matrix of matching clause counts, every
/// hit, and the queries that could not run.
public struct ResearchReport: Sendable {
    /// The queries that ran, in script order.
    public var queries: [String]
    /// Every supplier of the index (also those without hits), sorted.
    public var suppliers: [String]
    /// Supplier → query name → number of matching clauses.
    public var counts: [String: [String: Int]]
    /// Query name with each of its hits.
    public var hits: [(query: String, hit: SearchHit)]
    /// Query name with the reason it failed.
    public var failures: [(query: String, reason: String)]
}

/// One line of a research hits file: the hit's keys plus `query` (the query name).
public struct ResearchHit: Encodable {
    public var query: String
    public var hit: SearchHit

    enum Key: String, CodingKey { case query }

    public init(query: String, hit: SearchHit) {
        self.query = query
        self.hit = hit
    }

    public func encode(to encoder: Encoder) throws {
        try hit.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(query, forKey: .query)
    }
}

extension TermsSearcher {
    /// Runs every query of a research script with the same options (`template`'s filters, near,
    /// per-document and limit; its query is ignored). A query that fails is reported, the rest run.
    public func research(_ queries: [ResearchQuery], template: SearchRequest) throws -> ResearchReport {
        let suppliers = try self.suppliers().keys.sorted()
        // Names label matrix columns: make repeated ones unique ("q", "q (2)").
        var seen: [String: Int] = [:]
        let queries = queries.map { entry -> ResearchQuery in
            seen[entry.name, default: 0] += 1
            let n = seen[entry.name]!
            return n == 1 ? entry : ResearchQuery(name: "\(entry.name) (\(n))", query: entry.query)
        }
        var report = ResearchReport(queries: [], suppliers: suppliers, counts: [:], hits: [], failures: [])
        for entry in queries {
            var request = template
            request.query = entry.query
            request.facets = true  // the matrix counts clauses per supplier exactly
            let results: SearchResults
            do {
                results = try search(request)
            } catch TermsearchError.invalidQuery(_, let reason) {
                report.failures.append((entry.name, reason))
                continue
            }
            report.queries.append(entry.name)
            for supplier in suppliers {
                report.counts[supplier, default: [:]][entry.name] = results.facets?[Facet.supplier.rawValue]?[supplier] ?? 0
            }
            // The hits file lists what the matrix counts: the all-words matches, not the ranked
            // related and partial tiers that follow them.
            let counted = results.hits.filter { $0.match != .related && $0.match != .partial }
            report.hits += counted.map { (entry.name, $0) }
        }
        return report
    }
}
