import ArgumentParser
import Foundation
import TermsIndex

struct ResearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "research",
        abstract: "Run a list of queries; write a supplier × query matrix of matching clauses and every hit.",
        discussion: """
            FILE holds one query a line (# comments; NAME<TAB>QUERY names it) or a JSON list of
            strings or {"name": ..., "query": ...}. The matrix has a row for every supplier in the
            index, also those without hits. A query that cannot be parsed is reported on stderr
            (name and reason); the others still run and the exit code is 1.
            """
    )

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var filterOptions: SearchFilterOptions

    @Argument(help: "The research script.")
    var file: String

    @Option(name: .long, help: ArgumentHelp("Write the matrix here: .csv or .json (default: CSV on stdout).", valueName: "path"))
    var matrix: String?

    @Option(name: .long, help: ArgumentHelp("Write every hit here as JSON Lines, each with its query name.", valueName: "path"))
    var hits: String?

    @Option(name: .long, help: "Hits per query in the hits file (default: all).")
    var limit: Int?

    @Flag(name: .long, help: "Hits: one per document (its best clause, with matchingClauses).")
    var perDocument = false

    @Flag(name: .long, help: "Quoted phrases also match their words in order within a window.")
    var near = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if let matrix, !(matrix.hasSuffix(".csv") || matrix.hasSuffix(".json")) {
            throw ValidationError("--matrix must end in .csv or .json")
        }
        _ = try filterOptions.filters()
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("\(file): no such file or cannot be read")
            throw ExitStatus.badInput
        }
        let queries: [ResearchQuery]
        do {
            queries = try ResearchQuery.parseScript(String(decoding: data, as: UTF8.self))
        } catch let error as ResearchScriptError {
            printError("\(file): \(error.description)")
            throw ExitStatus.badInput
        }
        let template = SearchRequest(query: "", limit: limit ?? Int(UInt32.max >> 1), filters: try filterOptions.filters(),
                                     perDocument: perDocument, near: near)
        let report = try reportingErrors {
            try TermsSearcher(paths: indexOptions.paths).research(queries, template: template)
        }
        for failure in report.failures { printError("query '\(failure.query)' failed: \(failure.reason)") }

        let matrixText = matrix?.hasSuffix(".json") == true ? try matrixJSON(report) : matrixCSV(report)
        if let matrix {
            try write(matrixText, to: matrix)
        } else {
            print(matrixText, terminator: "")
        }
        if let hits {
            try write(try JSONOutput.lines(report.hits.map { ResearchHit(query: $0.query, hit: $0.hit) }), to: hits)
        }
        if !report.failures.isEmpty { throw ExitStatus.partialFailure }
    }

    func matrixCSV(_ report: ResearchReport) -> String {
        var out = ResultsCSV.row(["supplier"] + report.queries)
        for supplier in report.suppliers {
            out += ResultsCSV.row([supplier] + report.queries.map { String(report.counts[supplier]?[$0] ?? 0) })
        }
        return out
    }

    /// `{"queries": [names], "suppliers": [{"supplier": name, "counts": {query: n}}], "failed": [{"query", "reason"}]}`.
    func matrixJSON(_ report: ResearchReport) throws -> String {
        struct Row: Encodable { var supplier: String; var counts: [String: Int] }
        struct Failure: Encodable { var query: String; var reason: String }
        struct Matrix: Encodable { var queries: [String]; var suppliers: [Row]; var failed: [Failure] }
        return try JSONOutput.encode(Matrix(
            queries: report.queries,
            suppliers: report.suppliers.map { Row(supplier: $0, counts: report.counts[$0] ?? [:]) },
            failed: report.failures.map { Failure(query: $0.query, reason: $0.reason) })) + "\n"
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            printError("\(path): cannot write: \(error.localizedDescription)")
            throw ExitStatus.badInput
        }
    }
}
