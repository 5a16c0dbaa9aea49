import Foundation
import TermsIndex

/// The limits of what one request may ask for.
public enum WebLimits {
    /// Longest query accepted, in characters (the CLI's validator stops at 10 000; a URL is shorter).
    public static let queryLength = 2_000
    /// Most hits one page or API call returns.
    public static let resultLimit = 200
    /// Highest offset for paging.
    public static let offset = 10_000
    /// Most queries of one compare or research request.
    public static let queries = 20
    /// Largest request body (research), in bytes.
    public static let bodyBytes = 256 * 1024
    /// Largest URL query string, in bytes.
    public static let queryStringBytes = 16 * 1024
    /// Most values of one filter parameter.
    public static let filterValues = 50
}

/// A request the server refuses, with the HTTP status to answer.
public struct WebError: Error, Sendable {
    public var status: Int
    public var message: String

    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    static func badRequest(_ message: String) -> WebError { WebError(status: 400, message: message) }
    static func notFound(_ message: String) -> WebError { WebError(status: 404, message: message) }

    /// The status and message for any error a handler throws.
    static func from(_ error: Error) -> WebError {
        if let error = error as? WebError { return error }
        if let error = error as? TermsearchError {
            switch error {
            case .invalidQuery, .invalidFilter: return WebError(status: 400, message: error.description)
            case .clauseNotFound, .documentNotFound: return WebError(status: 404, message: error.description)
            case .indexMissing, .indexLocked, .indexUnusable, .library, .pathNotFound, .invalidThesaurus:
                return WebError(status: 503, message: error.description)
            }
        }
        if let error = error as? ResearchScriptError { return .badRequest(error.description) }
        return WebError(status: 500, message: "internal error: \(error)")
    }
}

/// The parameters of a URL's query string, decoded strictly: `+` is a space, a malformed
/// percent-escape or bytes that are not UTF-8 are a 400, never a guess.
public struct QueryParameters: Sendable {
    private var pairs: [(String, String)]

    /// Parses `query` (the part after `?`, still percent-encoded).
    public init(_ query: String?) throws {
        pairs = []
        guard let query, !query.isEmpty else { return }
        guard query.utf8.count <= WebLimits.queryStringBytes else {
            throw WebError(status: 414, message: "the query string is over \(WebLimits.queryStringBytes) bytes")
        }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let (rawKey, rawValue) = part.firstIndex(of: "=").map { (part[..<$0], part[part.index(after: $0)...]) } ?? (part, "")
            pairs.append((try Self.decode(rawKey), try Self.decode(rawValue)))
        }
    }

    /// Decodes one component of `application/x-www-form-urlencoded`.
    static func decode(_ raw: Substring) throws -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw WebError.badRequest("malformed percent-escape or bytes that are not UTF-8 in '\(String(raw.prefix(80)))'")
        }
        return decoded
    }

    /// The first value of `name` (nil when absent).
    public subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    /// Every non-empty value of `name`, in order.
    public func all(_ name: String) -> [String] { pairs.filter { $0.0 == name && !$0.1.isEmpty }.map(\.1) }

    /// Every (name, value) pair in order.
    public var items: [(String, String)] { pairs }

    /// A whole number in `range`, or `defaultValue` when absent or empty.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = self[name], !text.isEmpty else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw WebError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(String(text.prefix(40)))'")
        }
        return value
    }

    /// A flag: present and not `0`/`false`/`no`/`off`.
    func flag(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return !["0", "false", "no", "off"].contains(value.lowercased())
    }

    /// The query `q`, checked for length; nil when absent or blank.
    func query(_ name: String = "q") throws -> String? {
        guard let q = self[name], !q.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        try Self.checkQuery(q)
        return q
    }

    static func checkQuery(_ q: String) throws {
        guard q.count <= WebLimits.queryLength else {
            throw WebError.badRequest("the query is \(q.count) characters long; at most \(WebLimits.queryLength) are accepted")
        }
    }

    /// The filters of the CLI's filter options, by the same names: supplier, topic, lang, kind,
    /// year, article, document, since, until, years (`2018..2025`).
    func filters() throws -> SearchFilters {
        func values(_ name: String) throws -> [String] {
            let v = all(name)
            guard v.count <= WebLimits.filterValues, v.allSatisfy({ $0.count <= 200 }) else {
                throw WebError.badRequest("too many or too long values of \(name)")
            }
            return v
        }
        var years: [Int] = []
        for text in try values("year") {
            guard let year = Int(text), (0...9999).contains(year) else { throw WebError.badRequest("year must be a year such as 2025, not '\(text.prefix(40))'") }
            years.append(year)
        }
        var since = self["since"].flatMap { $0.isEmpty ? nil : $0 }, until = self["until"].flatMap { $0.isEmpty ? nil : $0 }
        for date in [since, until].compactMap({ $0 }) {
            guard date.count <= 10, date.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
                throw WebError.badRequest("since and until take an ISO date or prefix (2019, 2019-06, 2019-06-01), not '\(date.prefix(40))'")
            }
        }
        if let range = self["years"], !range.isEmpty {
            let bounds = range.components(separatedBy: "..")
            guard bounds.count == 2, bounds.allSatisfy({ $0.isEmpty || ($0.count == 4 && Int($0) != nil) }),
                  !(bounds[0].isEmpty && bounds[1].isEmpty) else {
                throw WebError.badRequest("years takes a range of years such as 2018..2025, 2018.. or ..2025, not '\(range.prefix(40))'")
            }
            if !bounds[0].isEmpty { since = max(since ?? "", bounds[0]) }
            if !bounds[1].isEmpty { until = until.map { min($0, bounds[1]) } ?? bounds[1] }
        }
        return SearchFilters(suppliers: try values("supplier"), topics: try values("topic"), languages: try values("lang"),
                             kinds: try values("kind"), years: years, articles: try values("article"),
                             documents: try values("document"), since: since, until: until)
    }

    /// The search request these parameters describe (`q` required).
    func searchRequest(defaultLimit: Int = 10) throws -> SearchRequest {
        guard let q = try query() else { throw WebError.badRequest("no query: give one as q=…") }
        return SearchRequest(query: q, limit: try integer("limit", default: defaultLimit, in: 0...WebLimits.resultLimit),
                             offset: try integer("offset", default: 0, in: 0...WebLimits.offset),
                             filters: try filters(), perDocument: flag("per-document") || flag("perDocument"),
                             near: flag("near"),
                             nearWindow: try integer("near-window", default: SearchRequest.defaultNearWindow, in: 0...100),
                             expand: self["expand"] == nil || flag("expand"), explain: flag("explain"), facets: flag("facets"))
    }

    /// The queries of a compare request: every `q`, or `topic:T` for a lone `topic`.
    func comparisonQueries() throws -> (queries: [String], filters: SearchFilters) {
        var queries = all("q").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        var filters = try self.filters()
        if queries.isEmpty, filters.topics.count == 1 {
            queries = ["topic:" + filters.topics[0]]
            filters.topics = []
        }
        guard !queries.isEmpty else { throw WebError.badRequest("no query: give one or more as q=… (or a topic=…)") }
        guard queries.count <= WebLimits.queries else { throw WebError.badRequest("at most \(WebLimits.queries) queries at once") }
        for q in queries { try Self.checkQuery(q) }
        return (queries, filters)
    }

    /// The two document ids of a diff: `old` and `new`, both required.
    func versionPair() throws -> (old: String, new: String) {
        var ids: [String] = []
        for name in ["old", "new"] {
            guard let id = self[name], !id.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw WebError.badRequest("no \(name) version: give two document ids as old=…&new=…")
            }
            guard id.count <= 1_000 else { throw WebError.badRequest("the \(name) id is over 1000 characters") }
            ids.append(id)
        }
        return (ids[0], ids[1])
    }

    /// Which versions a compare counts: `versions=current` (the default: the current version of each
    /// supplier's terms), `versions=all`, or `as-of=DATE` (the version in force on DATE).
    func versionLimit() throws -> (all: Bool, asOf: String?) {
        let versions = (self["versions"] ?? "").lowercased()
        guard ["", "current", "all"].contains(versions) else {
            throw WebError.badRequest("versions takes current or all, not '\(String(versions.prefix(40)))'")
        }
        guard let asOf = self["as-of"], !asOf.isEmpty else { return (versions == "all", nil) }
        guard [4, 7, 10].contains(asOf.count), asOf.first?.isNumber ?? false,
              asOf.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
            throw WebError.badRequest("as-of takes a date such as 2021, 2021-03 or 2021-03-01, not '\(String(asOf.prefix(40)))'")
        }
        guard versions != "all" else { throw WebError.badRequest("give versions=all or as-of=…, not both") }
        return (false, asOf)
    }
}
