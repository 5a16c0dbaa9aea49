import ArgumentParser
import Foundation
import TermsIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index files and folders of terms and conditions.",
        discussion: "Folders are walked recursively. A manifest.json beside the files may give each file's supplier, title, languages, version date and kind."
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: ArgumentHelp("Files or folders to index (default: Corpus/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let paths = self.paths.isEmpty ? ["Corpus"] : self.paths
        let report = try reportingErrors { try CorpusIndexer(indexPath: indexOptions.path).index(paths) }
        for failure in report.failed {
            printError("\(failure.path): \(failure.reason)")
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print(IndexSummary(report: report, indexPath: indexOptions.path).text)
        }
        if !report.failed.isEmpty { throw ExitStatus.partialFailure }
    }
}

/// The one-paragraph summary of an indexing run.
struct IndexSummary {
    var report: IndexingReport
    var indexPath: String

    var text: String {
        let mb = Double(report.bytes) / 1_000_000
        let rate = report.seconds > 0 ? mb / report.seconds : 0
        var parts = ["\(report.added) added", "\(report.updated) updated", "\(report.unchanged) unchanged",
                     "\(report.removed) removed", "\(report.failed.count) failed"]
        if report.failed.isEmpty { parts.removeLast() }
        return "Indexed into \(indexPath): " + parts.joined(separator: ", ")
            + String(format: "; %d clauses, %.1f MB in %.1f s (%.1f MB/s)", report.clauses, mb, report.seconds, rate)
    }
}
