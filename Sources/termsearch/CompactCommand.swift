import ArgumentParser
import Foundation
import TermsIndex

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Compact an index: smaller and faster to search.",
        discussion: """
            In place (the default), each database of the index is compacted into a new folder which then replaces it \
            atomically; a sharded index keeps its shards. With --output, one merged database is written there and the \
            index is left as it is; --search-only then also leaves out the termlist table, which only updating needs: a \
            copy about a quarter smaller to search or serve, which `termsearch index` refuses to update. Holds the write \
            lock while it works; searches keep working.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: ArgumentHelp("Write the compacted (merged) index into this new folder instead.", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "With --output: a copy for searching only, without the tables updates need (smaller).")
    var searchOnly = false

    @Option(name: .long, help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        try indexOptions.requireSingle("compact")
        if searchOnly && output == nil {
            throw ValidationError("--search-only needs --output: the index itself stays updatable")
        }
    }

    func run() throws {
        let report = try reportingErrors { try IndexCompaction.compact(index: indexOptions.path, output: output, searchOnly: searchOnly) }
        switch format {
        case .json:
            print(try JSONOutput.encode(report))
        case .text:
            let before = Double(report.bytesBefore) / 1_000_000, after = Double(report.bytesAfter) / 1_000_000
            let percent = report.bytesBefore > 0 ? 100 * Double(report.bytesAfter) / Double(report.bytesBefore) : 100
            print("Compacted \(report.index)" + (report.output == report.index ? "" : " into \(report.output)")
                  + String(format: ": %.1f MB → %.1f MB (%.0f%%) in %.1f s", before, after, percent, report.seconds))
        }
    }
}
