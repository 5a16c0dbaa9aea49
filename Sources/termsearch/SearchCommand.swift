import ArgumentParser
import Foundation
import TermsIndex

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the clauses of all indexed terms.",
        discussion: """
            Query syntax (Xapian's, see docs/search.md): words (all must match), "exact phrases",
            "phrase"~N (also its words in order within N), AND, OR, NOT, XOR, NEAR/N, ADJ/N, +word,
            -word, (brackets), word* wildcards; text fields title:, heading:, supplier:; exact
            fields article:14, clause:A.8.3, topic:, lang:en, kind:, year:2025, document:; ranges
            2018..2025, year:2018.., 2019-01-01..2020-06-30.
            Filter options repeat: values of one option are ORed, different options ANDed.
            """
    )

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var filterOptions: SearchFilterOptions

    @Argument(help: "The query, e.g. '\"aansprakelijkheid beperkt tot\"'.")
    var query: String

    @Flag(name: .long, help: "Only the current version of each supplier's terms (the latest of documents with the same supplier, kind and language; see termsearch documents).")
    var current = false

    @Option(name: .long, help: ArgumentHelp("Only the version in force on this date of each supplier's terms.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: "Number of hits to show.")
    var limit = 10

    @Option(name: .long, help: "Number of best hits to skip (for paging).")
    var offset = 0

    @Option(name: .long, help: "Output format: text, json, jsonl (one hit a line) or csv.")
    var format: SearchOutputFormat = .text

    @Flag(name: .long, help: "Count every match exactly and show counts per supplier, topic, language, kind and year (in json: \"facets\").")
    var facets = false

    @Flag(name: .long, help: "One hit per document: its best clause and the number of its matching clauses.")
    var perDocument = false

    @Flag(name: .long, help: "Quoted phrases also match their words in order within a window, ranked below exact matches.")
    var near = false

    @Option(name: .long, help: "The window of --near, as Xapian's ADJ/N.")
    var nearWindow = SearchRequest.defaultNearWindow

    @Flag(name: .long, inversion: .prefixedNo,
          help: "Also find clauses that use equivalent expressions from the legal thesaurus, ranked after those with all the words.")
    var expand = true

    @Flag(name: .long, help: "Show how the query was planned: features, thesaurus expansions and each tier's Xapian query.")
    var explain = false

    @Option(name: .long, help: ArgumentHelp("Expand queries with this thesaurus file instead of the bundled one (format: termsearch thesaurus --help).", valueName: "file"))
    var thesaurus: String?

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
        guard nearWindow >= 0 else { throw ValidationError("--near-window must be 0 or more") }
        _ = try filterOptions.filters()
        if let asOf, !(asOf.count == 4 || asOf.count == 7 || asOf.count == 10) || asOf.first.map({ !$0.isNumber }) ?? true {
            throw ValidationError("--as-of takes a date such as 2021, 2021-03 or 2021-03-01, not '\(asOf)'")
        }
    }

    func run() throws {
        try invocation().run()
    }

    /// The search this command line asks for.
    func invocation() throws -> SearchInvocation {
        var invocation = SearchInvocation(indexPaths: indexOptions.paths, usesDefaultIndex: indexOptions.isDefault, query: query)
        invocation.filters = try filterOptions.filters()
        invocation.current = current
        invocation.asOf = asOf
        invocation.limit = limit
        invocation.offset = offset
        invocation.format = format
        invocation.facets = facets
        invocation.perDocument = perDocument
        invocation.near = near
        invocation.nearWindow = nearWindow
        invocation.expand = expand
        invocation.explain = explain
        invocation.thesaurus = thesaurus
        return invocation
    }
}

/// Output formats of search results.
enum SearchOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, csv
}

/// The filter options of `search` and `research`; repeated values of one option are ORed.
struct SearchFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Supplier: a slug (easycomp-zeeland) or words of the name (easycomp).", valueName: "name"))
    var supplier: [String] = []
    @Option(name: .long, help: ArgumentHelp("Topic tag (aansprakelijkheid, see docs/topics.md).", valueName: "topic"))
    var topic: [String] = []
    @Option(name: .long, help: ArgumentHelp("Clause language: nl or en.", valueName: "code"))
    var lang: [String] = []
    @Option(name: .long, help: ArgumentHelp("Document kind (general-terms, general-terms-b2b, ...).", valueName: "kind"))
    var kind: [String] = []
    @Option(name: .long, help: ArgumentHelp("Year of the version date.", valueName: "yyyy"))
    var year: [Int] = []
    @Option(name: .long, help: ArgumentHelp("Article or clause label (14, 14.1, A.8.3), any case.", valueName: "label"))
    var article: [String] = []
    @Option(name: .long, help: ArgumentHelp("Document id.", valueName: "id"))
    var document: [String] = []
    @Option(name: .long, help: ArgumentHelp("Version date on or after (2019, 2019-06, 2019-06-01).", valueName: "date"))
    var since: String?
    @Option(name: .long, help: ArgumentHelp("Version date on or before; a year or month includes all of it.", valueName: "date"))
    var until: String?
    @Option(name: .long, help: ArgumentHelp("Range of version years, e.g. 2018..2025 (or 2018.., ..2025).", valueName: "from..to"))
    var years: String?

    /// The filters, or a ValidationError for a malformed date or range.
    func filters() throws -> SearchFilters {
        var since = self.since, until = self.until
        if let years {
            let bounds = years.components(separatedBy: "..")
            guard bounds.count == 2, bounds.allSatisfy({ $0.isEmpty || ($0.count == 4 && Int($0) != nil) }),
                  !(bounds[0].isEmpty && bounds[1].isEmpty) else {
                throw ValidationError("--years takes a range of years such as 2018..2025, 2018.. or ..2025, not '\(years)'")
            }
            if !bounds[0].isEmpty { since = max(since ?? "", bounds[0]) }
            if !bounds[1].isEmpty { until = until.map { min($0, bounds[1]) } ?? bounds[1] }
        }
        return SearchFilters(suppliers: supplier, topics: topic, languages: lang, kinds: kind, years: year,
                             articles: article, documents: document, since: since, until: until)
    }
}
