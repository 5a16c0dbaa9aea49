import ArgumentParser
import Foundation
import TermsIndex

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare suppliers: for each query, every supplier's best clause and number of matching clauses.",
        discussion: """
            Every supplier of the index is a row, also those where nothing matches ("not found"); each \
            QUERY is a column. With --topic T and no query the column is topic:T; with queries the \
            filter options narrow each of them. csv-excel is CSV that Excel opens correctly in a Dutch \
            locale (UTF-8 byte order mark, ';' between fields).
            """
    )

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var filterOptions: SearchFilterOptions

    @Argument(help: "The queries, e.g. '\"indirecte schade\"' opzegtermijn.")
    var queries: [String] = []

    @Option(name: .long, help: "Output format: text, json, csv or csv-excel.")
    var format: ComparisonFormat = .text

    @Flag(name: .long, help: "Quoted phrases also match their words in order within a window.")
    var near = false

    func validate() throws {
        var filters = try filterOptions.filters()
        if queries.isEmpty {
            guard filters.topics.count == 1 else { throw ValidationError("give a query or one --topic") }
            filters.topics = []
        }
    }

    func run() throws {
        var filters = try filterOptions.filters()
        var columns = queries
        if columns.isEmpty {
            columns = ["topic:" + filters.topics[0]]
            filters.topics = []
        }
        let comparison = try reportingErrors { try TermsSearcher(paths: indexOptions.paths).compare(columns, filters: filters, near: near) }
        switch format {
        case .json: print(try JSONOutput.encode(comparison))
        case .csv: print(comparison.csv(), terminator: "")
        case .csvExcel: print(comparison.csv(excel: true), terminator: "")
        case .text: print(Self.text(comparison), terminator: "")
        }
    }

    /// One block per query: each supplier on a line with its count and best clause, or "not found".
    static func text(_ comparison: Comparison) -> String {
        var out = ""
        let width = comparison.suppliers.map(\.supplier.count).max() ?? 0
        for (column, query) in comparison.queries.enumerated() {
            if column > 0 { out += "\n" }
            out += "\(query)\n"
            for row in comparison.suppliers {
                let cell = row.cells[column]
                let name = row.supplier.padding(toLength: width, withPad: " ", startingAt: 0)
                if let best = cell.best {
                    out += "  \(name)  \(String(cell.matchingClauses).leftPadded(4))  \(best.citation)  \(best.id)\n"
                } else {
                    out += "  \(name)     -  not found\n"
                }
            }
        }
        return out
    }
}

/// Output formats of `compare`.
enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
    case csvExcel = "csv-excel"
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
