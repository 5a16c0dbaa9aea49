import ArgumentParser
import Foundation
import TermsIndex

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print what the index holds: documents, clauses, suppliers, languages, terms, size."
    )

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let stats = try reportingErrors { try TermsSearcher(paths: indexOptions.paths).statistics() }
        switch format {
        case .json: print(try JSONOutput.encode(stats))
        case .text: print(render(stats), terminator: "")
        }
    }

    func render(_ s: IndexStatistics) -> String {
        func sorted(_ d: [String: Int]) -> String {
            d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ")
        }
        return """
            index:      \(s.paths.joined(separator: ", "))
            documents:  \(s.documents)
            clauses:    \(s.clauses)
            suppliers:  \(s.suppliers.count) (\(sorted(s.suppliers)))
            languages:  \(sorted(s.languages))
            terms:      \(s.terms) distinct (\(s.words) words)
            size:       \(String(format: "%.1f", Double(s.bytes) / 1_000_000)) MB (\(s.bytes) bytes)

            """
    }
}
