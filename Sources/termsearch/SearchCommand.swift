import ArgumentParser
import Foundation
import TermsIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the clauses of all indexed terms.",
        discussion: """
            Query syntax (Xapian's): words (all must match), "exact phrases", AND, OR, NOT, +word,
            -word, (brackets), word* wildcards, and fields such as title:, heading:, supplier:,
            article:14, clause:14.1, topic:, lang:en, kind:, year:2025.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "The query, e.g. '\"aansprakelijkheid beperkt tot\"'.")
    var query: String

    @Option(name: .long, help: "Number of hits to show.")
    var limit = 10

    @Option(name: .long, help: "Number of best hits to skip (for paging).")
    var offset = 0

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
    }

    func run() throws {
        try buildDefaultIndexIfMissing()
        let results = try reportingErrors {
            try TermsSearcher(paths: [indexOptions.path]).search(SearchRequest(query: query, limit: limit, offset: offset))
        }
        switch format {
        case .json:
            print(try ResultsJSON.encode(results))
        case .text:
            print(ResultsText(results: results, highlight: stdoutIsTerminal).render(), terminator: "")
        }
    }

    /// A newcomer's first search should work: when the default index does not exist yet and the
    /// bundled corpus is here, build the index from it first (saying so on stderr).
    private func buildDefaultIndexIfMissing() throws {
        let path = indexOptions.path
        guard indexOptions.isDefault, !FileManager.default.fileExists(atPath: path) || isEmptyFolder(path),
              FileManager.default.fileExists(atPath: "Corpus") else { return }
        printError("no index at \(path) yet; building it from Corpus/ first")
        let report = try reportingErrors { try CorpusIndexer(indexPath: path).index(["Corpus"]) }
        for failure in report.failed { printError("\(failure.path): \(failure.reason)") }
        printError(IndexSummary(report: report, indexPath: path).text)
    }

    private func isEmptyFolder(_ path: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.allSatisfy { $0 == "README.md" || $0.hasPrefix(".") }
    }
}
