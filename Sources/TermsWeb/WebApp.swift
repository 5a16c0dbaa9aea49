import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TermsIndex

/// The local web app and JSON API over an index (`termsearch serve`).
///
/// Read-only: it searches and shows what the index holds, and serves a document's original file
/// only by the document's id (the path comes from the index, never from the request).
public struct WebApp: Sendable {
    public var host: String
    public var port: Int
    let pool: SearcherPool

    /// Opens the indexes at `paths` (failing early when they cannot be searched) for serving on `host:port`.
    public init(paths: [String], host: String = "127.0.0.1", port: Int = 8080, searchers: Int = 2) throws {
        self.host = host
        self.port = port
        pool = try SearcherPool(paths: paths, size: searchers)
    }

    /// Serves until the process is stopped; `onRunning` gets the bound URL (with the real port when `port` is 0).
    public func run(onRunning: @escaping @Sendable (String) -> Void) async throws {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: ErrorMiddleware())
        Routes(pool: pool).register(on: router)
        let host = self.host
        var logger = Logger(label: "termsearch.serve")
        logger.logLevel = .error
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(60))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                onRunning("http://\(shown):\(port)/")
            },
            logger: logger)
        try await app.runService()
    }
}

/// JSON the same way as the CLI's `--format json`: sorted keys, slashes unescaped, pretty-printed.
enum WebJSON {
    static func data<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }
}

/// Builds responses with the security headers every answer carries.
enum Reply {
    /// No script, no outside resources, no framing; styles inline only.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func make(status: Int = 200, contentType: String, body: Data, extra: [(HTTPField.Name, String)] = []) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.count)
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.cacheControl] = "no-store"
        for (name, value) in extra { headers[name] = value }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func html(_ page: String, status: Int = 200) -> Response {
        make(status: status, contentType: "text/html; charset=utf-8", body: Data(page.utf8))
    }

    static func json<T: Encodable>(_ value: T, status: Int = 200) throws -> Response {
        make(status: status, contentType: "application/json; charset=utf-8", body: try WebJSON.data(value))
    }

    /// `{"error": {"status": 400, "message": "…"}}`.
    static func jsonError(_ error: WebError) -> Response {
        struct Body: Encodable { var error: Detail }
        struct Detail: Encodable { var status: Int; var message: String }
        let data = (try? WebJSON.data(Body(error: Detail(status: error.status, message: error.message)))) ?? Data("{}".utf8)
        return make(status: error.status, contentType: "application/json; charset=utf-8", body: data)
    }
}

/// Turns every error a handler throws (and the router's not-found) into an answer: JSON under
/// `/api/`, an HTML page elsewhere; a wrong method on a known path is 405.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var webError: WebError
            if let http = error as? HTTPError {
                webError = WebError(status: Int(http.status.code), message: http.body ?? http.status.reasonPhrase)
                if http.status.code == 404 {
                    if let allowed = Routes.methods(for: request.uri.path), !allowed.contains(request.method.rawValue) {
                        webError = WebError(status: 405, message: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: " or "))")
                        var response = answer(webError, request)
                        response.headers[.allow] = allowed.joined(separator: ", ")
                        return response
                    }
                    webError.message = "no such page: \(String(request.uri.path.prefix(200)))"
                }
            } else {
                webError = WebError.from(error)
            }
            if webError.status >= 500 && webError.status != 503 {
                context.logger.error("\(request.method) \(request.uri.path): \(webError.message)")
            }
            return answer(webError, request)
        }
    }

    private func answer(_ error: WebError, _ request: Request) -> Response {
        request.uri.path.hasPrefix("/api/") ? Reply.jsonError(error) : Reply.html(Pages.error(error), status: error.status)
    }
}
