import Foundation
import TermsIndex

/// One `termsearch search` as its command line asks for it, whichever parser read it: ArgumentParser
/// (`SearchCommand`) or, for the command lines scripts send most, `init?(commonArguments:)`.
struct SearchInvocation: Equatable {
    var indexPaths: [String]
    /// No `--index` and no `TERMSEARCH_INDEX`: the default `./Index`, built from `Corpus/` when missing.
    var usesDefaultIndex: Bool
    var query: String
    var filters = SearchFilters()
    var current = false
    var asOf: String?
    var limit = 10
    var offset = 0
    var format = SearchOutputFormat.text
    var facets = false
    var perDocument = false
    var near = false
    var nearWindow = SearchRequest.defaultNearWindow
    var expand = true
    var explain = false
    var thesaurus: String?

    /// Reads a `search` command line (the arguments after `search`) without ArgumentParser, whose
    /// reflection over the command's options is a sixth of a search's start-up. Takes only the
    /// common forms: one query, `--index`, `--format`, `--limit`, `--offset`, the `--lang`,
    /// `--supplier`, `--topic`, `--kind` filters and the plain flags, each spelled out, every
    /// value valid. Anything else (help, `--opt=value`, a mistake, another option) is nil and
    /// goes to ArgumentParser, so its messages and exit codes stay the only ones.
    /// `SearchInvocationTests` checks that both read the same.
    init?(commonArguments arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        var indexes: [String] = [], query: String?
        var suppliers: [String] = [], topics: [String] = [], languages: [String] = [], kinds: [String] = []
        var rest = arguments[...], seen = Set<String>()
        self.init(indexPaths: [], usesDefaultIndex: true, query: "")
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                guard query == nil else { return nil }
                query = argument
                continue
            }
            let isFlag = ["--facets", "--per-document", "--near", "--explain", "--current", "--expand", "--no-expand"].contains(argument)
            // A flag given twice, or both of --expand and --no-expand, is ArgumentParser's to judge.
            if isFlag { guard seen.insert(argument == "--no-expand" ? "--expand" : argument).inserted else { return nil } }
            switch argument {
            case "--facets": facets = true
            case "--per-document": perDocument = true
            case "--near": near = true
            case "--explain": explain = true
            case "--current": current = true
            case "--expand": expand = true
            case "--no-expand": expand = false
            default:
                guard let value = rest.popFirst(), !value.hasPrefix("-") else { return nil }
                switch argument {
                case "--index": indexes.append(value)
                case "--supplier": suppliers.append(value)
                case "--topic": topics.append(value)
                case "--lang": languages.append(value)
                case "--kind": kinds.append(value)
                case "--format":
                    guard let format = SearchOutputFormat(rawValue: value) else { return nil }
                    self.format = format
                case "--limit", "--offset":
                    guard let number = Int(value), number >= 0, String(number) == value else { return nil }
                    if argument == "--limit" { limit = number } else { offset = number }
                default: return nil
                }
            }
        }
        guard let query else { return nil }
        self.query = query
        filters = SearchFilters(suppliers: suppliers, topics: topics, languages: languages, kinds: kinds)
        let fromEnvironment = environment["TERMSEARCH_INDEX"].flatMap { $0.isEmpty ? nil : $0 }
        usesDefaultIndex = indexes.isEmpty && fromEnvironment == nil
        indexPaths = !indexes.isEmpty ? indexes : [fromEnvironment ?? IndexOptions.defaultPath]
    }

    init(indexPaths: [String], usesDefaultIndex: Bool, query: String) {
        self.indexPaths = indexPaths
        self.usesDefaultIndex = usesDefaultIndex
        self.query = query
    }

    /// Searches and prints the results in `format`; a termsearch error is one line on stderr and
    /// its exit code.
    func run() throws {
        try buildDefaultIndexIfMissing()
        var filters = filters
        if current || asOf != nil {
            filters = try reportingErrors { try TermsSearcher(paths: indexPaths).limitingToVersions(filters, asOf: asOf) }
        }
        let request = SearchRequest(query: query, limit: limit, offset: offset, filters: filters,
                                    perDocument: perDocument, near: near, nearWindow: nearWindow, expand: expand, explain: explain,
                                    facets: facets)
        let results = try reportingErrors {
            // A thesaurus of one's own still has the bundled glossary's translations.
            let thesaurus = try self.thesaurus.map { path in
                let own = try LegalThesaurus.load(path: path)
                return LegalThesaurus.bundledGlossary.map(own.adding) ?? own
            } ?? LegalThesaurus.bundled
            return try TermsSearcher(paths: indexPaths, thesaurus: thesaurus).search(request)
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(results))
        case .jsonl:
            print(try JSONOutput.lines(results.hits), terminator: "")
        case .csv:
            print(ResultsCSV.render(results.hits), terminator: "")
        case .text:
            print(ResultsText(results: results, highlight: stdoutIsTerminal, showFacets: facets).render(), terminator: "")
        }
    }

    /// A newcomer's first search should work: when the default index does not exist yet and the
    /// bundled corpus is here, build the index from it first (saying so on stderr).
    private func buildDefaultIndexIfMissing() throws {
        let path = indexPaths[0]
        guard usesDefaultIndex, !FileManager.default.fileExists(atPath: path) || isEmptyFolder(path),
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
