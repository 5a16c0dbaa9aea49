import ArgumentParser
import Foundation
import TermsIndex
import TermsWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a local web app and JSON API for searching the index.",
        discussion: """
            Pages: search (with facets, paging, per-document), compare (query × supplier, CSV and JSON), \
            clauses, documents and their outlines; the JSON API is in docs/api.md. Read-only: the index \
            is never written, and a document's original file is served only by its document id. An index \
            rebuilt or updated while serving (termsearch index) is picked up by the next request.
            By default only this computer can connect (127.0.0.1). --host 0.0.0.0 opens it to the \
            network: there is no login and no TLS, so anyone who can reach the port can read every \
            indexed document and its original file. Stop with Ctrl-C.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "Port to listen on (0: any free port; the URL printed says which).")
    var port = 8080

    @Option(name: .long, help: ArgumentHelp("Address to listen on. RISK: anything but 127.0.0.1/::1/localhost lets other machines read the index, without login or TLS.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: "Searchers kept open (requests are served by this many at once).")
    var searchers = 2

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (1...16).contains(searchers) else { throw ValidationError("--searchers must be from 1 to 16") }
    }

    func run() async throws {
        let app = try reportingErrors { try WebApp(paths: indexOptions.paths, host: host, port: port, searchers: searchers) }
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            printError("warning: listening on \(host): other machines can read every indexed document (no login, no TLS)")
        }
        let index = indexOptions.paths.joined(separator: ", ")
        do {
            try await app.run { url in
                print("termsearch: serving \(index) at \(url)")
                fflush(stdout)
            }
        } catch {
            printError("cannot serve on \(host):\(port): \(error)")
            throw ExitStatus.badInput
        }
    }
}
