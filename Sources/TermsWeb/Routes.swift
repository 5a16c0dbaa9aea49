import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TermsIndex

/// The pages and the JSON API (docs/api.md).
struct Routes: Sendable {
    let pool: SearcherPool

    static let topics = Topic.allCases.map(\.rawValue)

    /// Paths and the methods they answer, for 405 on a wrong method.
    static let exactPaths: [String: [String]] = [
        "/": ["GET", "HEAD"], "/search": ["GET", "HEAD"], "/compare": ["GET", "HEAD"], "/compare.csv": ["GET", "HEAD"],
        "/clause": ["GET", "HEAD"], "/document": ["GET", "HEAD"], "/documents": ["GET", "HEAD"], "/diff": ["GET", "HEAD"],
        "/api/search": ["GET", "HEAD"], "/api/compare": ["GET", "HEAD"], "/api/documents": ["GET", "HEAD"], "/api/diff": ["GET", "HEAD"],
        "/api/research": ["POST"],
    ]
    static let prefixPaths: [(String, [String])] = [
        ("/api/clauses/", ["GET", "HEAD"]), ("/api/documents/", ["GET", "HEAD"]), ("/files/", ["GET", "HEAD"]),
    ]

    static func methods(for path: String) -> [String]? {
        if let methods = exactPaths[path] { return methods }
        return prefixPaths.first { path.hasPrefix($0.0) }?.1
    }

    func register(on router: Router<BasicRequestContext>) {
        let pool = self.pool
        // MARK: Pages
        router.get("/") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            if params["q"] != nil { return try await Self.searchPage(params, pool: pool) }
            let suppliers = try await pool.withSearcher { try $0.suppliers() }
            return Reply.html(Pages.home(params, supplierClauses: suppliers, topics: Self.topics))
        }
        router.get("/search") { request, _ -> Response in
            try await Self.searchPage(try QueryParameters(request.uri.query), pool: pool)
        }
        router.get("/compare") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            guard !params.all("q").isEmpty || !params.all("topic").isEmpty else {
                return Reply.html(Pages.compare(params, comparison: nil, topics: Self.topics))
            }
            do {
                let comparison = try await Self.comparison(params, pool: pool)
                return Reply.html(Pages.compare(params, comparison: comparison, topics: Self.topics))
            } catch {
                let webError = WebError.from(error)
                return Reply.html(Pages.compare(params, comparison: nil, topics: Self.topics)
                    .replacingOccurrences(of: "</main>", with: "<p class=\"error\" role=\"alert\"><strong>\(webError.status)</strong> \(HTML.escape(webError.message))</p></main>"),
                    status: webError.status)
            }
        }
        router.get("/compare.csv") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            let comparison = try await Self.comparison(params, pool: pool)
            let excel = params.flag("excel")
            return Reply.make(contentType: "text/csv; charset=utf-8", body: Data(comparison.csv(excel: excel).utf8),
                              extra: [(.contentDisposition, "attachment; filename=\"termsearch-compare\(excel ? "-excel" : "").csv\"")])
        }
        router.get("/clause") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            guard let id = params["id"], !id.isEmpty else { throw WebError.badRequest("no clause id: give one as id=…") }
            let query = try params.query()
            let context = try await pool.withSearcher { try $0.context(id: id) }
            return Reply.html(Pages.clause(context, query: query))
        }
        router.get("/document") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            guard let id = params["id"], !id.isEmpty else { throw WebError.badRequest("no document id: give one as id=…") }
            let query = try params.query()
            let clauses = try await pool.withSearcher { try $0.outline(document: id) }
            return Reply.html(Pages.document(clauses, query: query))
        }
        router.get("/documents") { _, _ -> Response in
            let listing = try await pool.withSearcher { try $0.documents() }
            return Reply.html(Pages.documents(listing))
        }
        router.get("/diff") { request, _ -> Response in
            let params = try QueryParameters(request.uri.query)
            let (old, new) = try params.versionPair()
            let pair = try await pool.withSearcher { try $0.compareVersions(old: old, new: new) }
            return Reply.html(Pages.diff(pair, all: params.flag("all")))
        }
        router.get("/files/**") { request, _ -> Response in
            let id = try Self.pathRemainder(request, after: "/files/")
            return try await Self.originalFile(document: id, pool: pool)
        }

        // MARK: API
        router.get("/api/search") { request, _ -> Response in
            let searchRequest = try QueryParameters(request.uri.query).searchRequest()
            return try Reply.json(try await pool.withSearcher { try $0.search(searchRequest) })
        }
        router.get("/api/compare") { request, _ -> Response in
            try Reply.json(try await Self.comparison(try QueryParameters(request.uri.query), pool: pool))
        }
        router.get("/api/diff") { request, _ -> Response in
            let (old, new) = try QueryParameters(request.uri.query).versionPair()
            return try Reply.json(try await pool.withSearcher { try $0.compareVersions(old: old, new: new).comparison })
        }
        router.get("/api/clauses/**") { request, _ -> Response in
            let id = try Self.pathRemainder(request, after: "/api/clauses/")
            return try Reply.json(try await pool.withSearcher { try $0.context(id: id) })
        }
        router.get("/api/documents") { _, _ -> Response in
            try Reply.json(try await pool.withSearcher { try $0.documents() })
        }
        router.get("/api/documents/**") { request, _ -> Response in
            let id = try Self.pathRemainder(request, after: "/api/documents/")
            let clauses = try await pool.withSearcher { try $0.outline(document: id) }
            return try Reply.json(DocumentOutline(clauses))
        }
        router.post("/api/research") { request, _ -> Response in
            var request = request
            if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > WebLimits.bodyBytes {
                throw WebError(status: 413, message: "the request body is over \(WebLimits.bodyBytes) bytes")
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: WebLimits.bodyBytes)
            } catch {
                throw WebError(status: 413, message: "the request body is over \(WebLimits.bodyBytes) bytes")
            }
            let research = try ResearchRequest.parse(Data(buffer.readableBytesView))
            let report = try await pool.withSearcher { try $0.research(research.queries, template: research.template) }
            return try Reply.json(ResearchAnswer(report))
        }
    }

    /// The rest of the raw path after `prefix`, percent-decoded (an id may hold `/` and `#`).
    static func pathRemainder(_ request: Request, after prefix: String) throws -> String {
        let raw = request.uri.path
        guard raw.hasPrefix(prefix) else { throw WebError.notFound("no such page") }
        guard let id = String(raw.dropFirst(prefix.count)).removingPercentEncoding, !id.isEmpty else {
            throw WebError.badRequest("malformed percent-escape or bytes that are not UTF-8 in the path")
        }
        guard id.count <= 1_000 else { throw WebError.badRequest("the id is over 1000 characters") }
        return id
    }

    static func searchPage(_ params: QueryParameters, pool: SearcherPool) async throws -> Response {
        let request: SearchRequest
        do {
            var asked = try params.searchRequest()
            asked.facets = true  // the page shows the facets to narrow by
            request = asked
        } catch let error as WebError where params["q"]?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            _ = error
            let suppliers = try await pool.withSearcher { try $0.suppliers() }
            return Reply.html(Pages.home(params, supplierClauses: suppliers, topics: topics))
        }
        do {
            let results = try await pool.withSearcher { try $0.search(request) }
            return Reply.html(Pages.search(params, request: request, results: results, topics: topics))
        } catch {
            let webError = WebError.from(error)
            guard webError.status == 400 else { throw error }
            // A bad query keeps its form, so it can be corrected.
            return Reply.html(Pages.error(webError, params: params, topics: topics), status: 400)
        }
    }

    static func comparison(_ params: QueryParameters, pool: SearcherPool) async throws -> Comparison {
        let (queries, filters) = try params.comparisonQueries()
        let near = params.flag("near")
        let versions = try params.versionLimit()
        return try await pool.withSearcher { searcher in
            let limited = versions.all ? filters : try searcher.limitingToVersions(filters, asOf: versions.asOf, unlessAllInForce: true)
            return try searcher.compare(queries, filters: limited, near: near)
        }
    }

    /// Largest original file served, in bytes.
    static let maxFileBytes = 256 * 1024 * 1024

    /// The original file of an indexed document, found by its id: the path is the one the index
    /// recorded, so nothing of the request reaches the file system.
    static func originalFile(document id: String, pool: SearcherPool) async throws -> Response {
        let path = try await pool.withSearcher { try $0.outline(document: id)[0].path }
        let url = URL(fileURLWithPath: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            throw WebError.notFound("the original file of \(id) is no longer at \(path)")
        }
        guard let size = attributes[.size] as? Int, size <= maxFileBytes else {
            throw WebError(status: 413, message: "the original file is over \(maxFileBytes / 1024 / 1024) MB")
        }
        guard let data = try? Data(contentsOf: url) else { throw WebError.notFound("the original file \(path) cannot be read") }
        // Only PDFs and plain text display inline; HTML and templates are shown as text, never run
        // on this origin, and office files are downloads. The sandbox policy stops any script.
        let ext = url.pathExtension.lowercased()
        let name = url.lastPathComponent.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline }
        let type: String, disposition: String
        switch ext {
        case "pdf": (type, disposition) = ("application/pdf", "inline")
        case "docx", "odt", "rtf", "doc": (type, disposition) = ("application/octet-stream", "attachment")
        default: (type, disposition) = ("text/plain; charset=utf-8", "inline")
        }
        var response = Reply.make(contentType: type, body: data, extra: [(.contentDisposition, "\(disposition); filename=\"\(name)\"")])
        response.headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; object-src 'self'"
        return response
    }
}

/// `GET /api/documents/{id}`: the document's metadata and every clause in document order.
struct DocumentOutline: Encodable {
    var document: String
    var path: String
    var supplier: String
    var title: String
    var version: String?
    var versionLabel: String?
    var kind: String?
    var clauses: [Entry]

    struct Entry: Encodable {
        var id: String
        var part: String?
        var article: String?
        var articleHeading: String?
        var clause: String
        var heading: String?
        var page: Int?
        var piece: Int?
        var language: String
        var topics: [String]
        var text: String

        func encode(to encoder: Encoder) throws {
            enum K: String, CodingKey { case id, part, article, articleHeading, clause, heading, page, piece, language, topics, text }
            var c = encoder.container(keyedBy: K.self)
            try c.encode(id, forKey: .id)
            try c.encode(part, forKey: .part)
            try c.encode(article, forKey: .article)
            try c.encode(articleHeading, forKey: .articleHeading)
            try c.encode(clause, forKey: .clause)
            try c.encode(heading, forKey: .heading)
            try c.encodeIfPresent(page, forKey: .page)
            try c.encodeIfPresent(piece, forKey: .piece)
            try c.encode(language, forKey: .language)
            try c.encode(topics, forKey: .topics)
            try c.encode(text, forKey: .text)
        }
    }

    init(_ clauses: [StoredClause]) {
        let first = clauses[0]
        document = first.document
        path = first.path
        supplier = first.supplier
        title = first.title
        version = first.versionDate
        versionLabel = first.versionLabel
        kind = first.kind
        self.clauses = clauses.map {
            Entry(id: $0.id, part: $0.part, article: $0.article, articleHeading: $0.articleHeading, clause: $0.clause,
                  heading: $0.heading, page: $0.page, piece: $0.piece, language: $0.language.rawValue, topics: $0.topics, text: $0.text)
        }
    }

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case document, path, supplier, title, version, versionLabel, kind, clauses }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(document, forKey: .document)
        try c.encode(path, forKey: .path)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(title, forKey: .title)
        try c.encode(version, forKey: .version)
        try c.encode(versionLabel, forKey: .versionLabel)
        try c.encode(kind, forKey: .kind)
        try c.encode(clauses, forKey: .clauses)
    }
}

/// The body of `POST /api/research`: a research script (a JSON list of strings or
/// `{"name", "query"}` objects, or text with one query a line), or an object
/// `{"queries": [...], "limit", "perDocument", "near", "supplier", "topic", "lang", "kind", "year", ...}`.
struct ResearchRequest {
    var queries: [ResearchQuery]
    var template: SearchRequest

    static func parse(_ data: Data) throws -> ResearchRequest {
        guard let text = String(data: data, encoding: .utf8) else { throw WebError.badRequest("the body is not UTF-8") }
        var template = SearchRequest(query: "", limit: 100)
        let queries: [ResearchQuery]
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw WebError.badRequest("the body is not a JSON object")
            }
            guard let list = object["queries"] as? [Any],
                  let listData = try? JSONSerialization.data(withJSONObject: list) else {
                throw WebError.badRequest("the body has no \"queries\" list")
            }
            queries = try ResearchQuery.parseScript(String(decoding: listData, as: UTF8.self))
            if let limit = object["limit"] {
                guard let n = limit as? Int, (0...WebLimits.resultLimit).contains(n) else {
                    throw WebError.badRequest("limit must be a whole number from 0 to \(WebLimits.resultLimit)")
                }
                template.limit = n
            }
            template.perDocument = (object["perDocument"] as? Bool) ?? false
            template.near = (object["near"] as? Bool) ?? false
            func strings(_ key: String) throws -> [String] {
                switch object[key] {
                case nil: return []
                case let s as String: return [s]
                case let list as [String] where list.count <= WebLimits.filterValues: return list
                default: throw WebError.badRequest("\(key) must be a string or a list of strings")
                }
            }
            template.filters = SearchFilters(suppliers: try strings("supplier"), topics: try strings("topic"), languages: try strings("lang"),
                                             kinds: try strings("kind"), years: try strings("year").compactMap(Int.init) + ((object["year"] as? [Int]) ?? []) + ((object["year"] as? Int).map { [$0] } ?? []),
                                             articles: try strings("article"), documents: try strings("document"),
                                             since: object["since"] as? String, until: object["until"] as? String)
        } else {
            queries = try ResearchQuery.parseScript(text)
        }
        guard !queries.isEmpty else { throw WebError.badRequest("no queries in the body") }
        guard queries.count <= WebLimits.queries else { throw WebError.badRequest("at most \(WebLimits.queries) queries at once") }
        for q in queries { try QueryParameters.checkQuery(q.query) }
        return ResearchRequest(queries: queries, template: template)
    }
}

/// The answer of `POST /api/research`: `matrix` as `termsearch research --matrix x.json` writes it,
/// `hits` as the lines of its `--hits` file.
struct ResearchAnswer: Encodable {
    struct Row: Encodable { var supplier: String; var counts: [String: Int] }
    struct Failure: Encodable { var query: String; var reason: String }
    struct Matrix: Encodable { var queries: [String]; var suppliers: [Row]; var failed: [Failure] }
    var matrix: Matrix
    var hits: [ResearchHit]

    init(_ report: ResearchReport) {
        matrix = Matrix(queries: report.queries,
                        suppliers: report.suppliers.map { Row(supplier: $0, counts: report.counts[$0] ?? [:]) },
                        failed: report.failures.map { Failure(query: $0.query, reason: $0.reason) })
        hits = report.hits.map { ResearchHit(query: $0.query, hit: $0.hit) }
    }
}
