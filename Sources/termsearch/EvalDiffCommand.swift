import ArgumentParser
import Foundation
import TermsIndex

struct EvalDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-diff",
        abstract: "Measure `diff`'s clause alignment against a truth file: precision and recall per pair.",
        discussion: """
            Reads Tests/Fixtures/versions/alignment.json (or FILE), diffs every pair whose files exist and prints \
            precision and recall of the links (old clause → new clause, added, removed), per pair and overall, and the \
            time the diffs took. Pairs naming realworld2:NAME are read from --realworld; missing ones are skipped.
            """,
        shouldDisplay: false
    )

    @Argument(help: "The truth file.")
    var truth = "Tests/Fixtures/versions/alignment.json"

    @Option(name: .long, help: "Folder of the real-world files the truth names as realworld2:NAME.")
    var realworld = "/work/shared/realworld2/files"

    @Option(name: .long, help: "Folder relative paths of the truth file are read from (default: the current folder).")
    var root = "."

    @Flag(name: .long, help: "List every wrong and missed link.")
    var verbose = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let truthFile = try reportingErrors { try AlignmentTruth.load(URL(fileURLWithPath: truth)) }
        var scores: [AlignmentScore] = []
        var skipped: [String] = []
        var seconds = 0.0
        func resolve(_ path: String) -> String {
            path.hasPrefix("realworld2:") ? (realworld as NSString).appendingPathComponent(String(path.dropFirst("realworld2:".count)))
                : path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
        }
        for pair in truthFile.pairs {
            let oldPath = resolve(pair.old), newPath = resolve(pair.new)
            guard FileManager.default.fileExists(atPath: oldPath), FileManager.default.fileExists(atPath: newPath) else {
                skipped.append(pair.name)
                continue
            }
            let start = Date()
            let comparison = try reportingErrors { try Self.compare(oldPath, newPath) }
            seconds += Date().timeIntervalSince(start)
            scores.append(AlignmentScore(name: pair.name, truth: pair.links, predicted: comparison.links))
        }
        let total = AlignmentScore(name: "all", summing: scores)
        if format == .json {
            struct Report: Encodable { var pairs: [AlignmentScore]; var total: AlignmentScore; var skipped: [String]; var seconds: Double }
            print(try JSONOutput.encode(Report(pairs: scores, total: total, skipped: skipped, seconds: seconds)))
            return
        }
        var out = "| pair | true links | predicted | correct | precision | recall |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
        for s in scores + [total] {
            out += String(format: "| %@ | %d | %d | %d | %.3f | %.3f |\n", s.name, s.truth, s.predicted, s.correct, s.precision, s.recall)
        }
        out += String(format: "\n%d pairs diffed in %.2f s", scores.count, seconds)
        out += skipped.isEmpty ? "\n" : "; skipped (files missing): \(skipped.joined(separator: ", "))\n"
        if verbose {
            func show(_ l: AlignmentTruth.Link) -> String { "\(l.old ?? "∅") → \(l.new ?? "∅")" }
            for s in scores where !s.wrong.isEmpty || !s.missed.isEmpty {
                out += "\n\(s.name)\n"
                for l in s.wrong { out += "  wrong   \(show(l))\n" }
                for l in s.missed { out += "  missed  \(show(l))\n" }
            }
        }
        print(out, terminator: "")
    }

    /// Ingests two files and compares them.
    static func compare(_ oldPath: String, _ newPath: String) throws -> VersionComparison {
        func read(_ path: String) throws -> TermsDocument {
            guard let source = SourceFiles.enumerate([path]).files.first else {
                throw TermsearchError.library(context: path, message: "not a regular file")
            }
            return try DocumentIngester().ingest(source.url, shownAs: path, id: source.documentID, entry: source.manifestEntry).document
        }
        let old = try read(oldPath), new = try read(newPath)
        return VersionComparison(old: .init(old), oldClauses: old.clauses.map(VersionClause.init),
                                 new: .init(new), newClauses: new.clauses.map(VersionClause.init))
    }
}
