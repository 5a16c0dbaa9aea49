import ArgumentParser
import Foundation
import TermsIndex

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure relevance (recall@10, MRR) on a judged query set.",
        discussion: """
            Builds a temporary index of the sources (default: Corpus/ and the shared real-world terms,
            realworld/ and realworld2/files/ of $TERMSEARCH_SHARED, ../shared or ../../shared) with the given matching features, runs every
            judged query and prints recall@10 and MRR@10, overall and per query. --matrix runs the
            comparison table of docs/relevance.md (each feature off, both Dutch stemmers).
            Features: folding, compounds, synonyms, proximity, stemming; 'all', 'none', '-name'.
            """
    )

    @Option(name: .long, help: "The judged query set (JSON).")
    var judged = "Tests/Fixtures/relevance/judged.json"

    @Option(name: .long, help: "Matching features, e.g. 'all', 'none', 'all,-compounds', 'folding,stemming'.")
    var features = "all"

    @Option(name: .long, help: "Dutch stemmer for the index built (kraaij_pohlmann_ge, kraaij_pohlmann or dutch).")
    var stemmer = Language.dutch.defaultStemmerName

    @Option(name: .long, help: ArgumentHelp("Evaluate this existing index instead of building one.", valueName: "dir"))
    var index: String?

    @Flag(name: .long, help: "Run every configuration of the comparison table.")
    var matrix = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Also score plain Xapian over the same files (BM25 over text blocks, no features).")
    var baseline = true

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "Files and folders to index (default: Corpus and the shared real-world terms).")
    var sources: [String] = []

    func run() throws {
        guard let wanted = MatchingFeatures(parsing: features) else {
            printError("unknown feature in '\(features)'; known: \(MatchingFeatures.named.map(\.name).joined(separator: ", ")), all, none")
            throw ExitCode.validationFailure
        }
        let set = try reportingErrors { try JudgedSet.load(URL(fileURLWithPath: judged)) }
        let sources = self.sources.isEmpty ? Self.defaultSources() : self.sources
        var reports: [(label: String, report: RelevanceReport)] = []
        try reportingErrors {
            if let index {
                let report = try RelevanceEvaluation.evaluate(set, searcher: TermsSearcher(paths: [index], features: wanted), dutchStemmer: "(index)")
                reports.append(("index", report))
            } else if matrix {
                for row in RelevanceEvaluation.matrix() {
                    if stdoutIsTerminal { printError("evaluating \(row.label)") }
                    reports.append((row.label, try RelevanceEvaluation.evaluateFresh(set, sources: sources, features: row.features, dutchStemmer: row.stemmer)))
                }
            } else {
                reports.append((wanted == .all ? "all on" : wanted.description,
                                try RelevanceEvaluation.evaluateFresh(set, sources: sources, features: wanted, dutchStemmer: stemmer)))
            }
            if baseline && index == nil {
                if stdoutIsTerminal { printError("evaluating plain Xapian") }
                reports.append((Self.baselineLabel, try RelevanceEvaluation.evaluateBaseline(set, sources: sources)))
            }
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(reports.map { LabelledReport(label: $0.label, report: $0.report) }))
        case .text:
            print(Self.table(reports, sources: sources))
            let configurations = reports.filter { $0.label != Self.baselineLabel }
            if configurations.count == 1 {
                print(Self.perQuery(configurations[0].report, baseline: reports.first { $0.label == Self.baselineLabel }?.report))
            }
        }
    }

    struct LabelledReport: Encodable {
        var label: String
        var report: RelevanceReport
    }

    static func defaultSources() -> [String] {
        let env = ProcessInfo.processInfo.environment["TERMSEARCH_SHARED"].map { [$0] } ?? []
        // ../shared from a checkout in /work/main, ../../shared from a worktree in /work/wt/NAME.
        guard let shared = (env + ["../shared", "../../shared"]).first(where: {
            FileManager.default.fileExists(atPath: $0 + "/realworld")
        }) else { return ["Corpus"] }
        let second = shared + "/realworld2/files"
        return ["Corpus", shared + "/realworld"] + (FileManager.default.fileExists(atPath: second) ? [second] : [])
    }

    /// The label of the plain-Xapian row.
    static let baselineLabel = "plain Xapian"

    static func table(_ reports: [(label: String, report: RelevanceReport)], sources: [String]) -> String {
        let plain = reports.first { $0.label == baselineLabel }?.report
        var lines = ["sources: \(sources.joined(separator: " "))",
                     "hits longer than \(RelevanceEvaluation.longestUsableHit) characters find nothing", "",
                     "| configuration | features | Dutch stemmer | queries | recall@10 | capped recall@10 | MRR@10 | recall ÷ plain | held out: queries, capped recall@10, MRR@10 | index s |",
                     "|---|---|---|---|---|---|---|---|---|---|"]
        for (label, r) in reports {
            let ratio = plain.map { $0.recall > 0 ? String(format: "%.2f", r.recall / $0.recall) : "–" } ?? "–"
            let held = r.subset(heldOut: true)
            let heldOut = held.queries == 0 ? "–" : "\(held.queries), \(fmt(held.cappedRecall)), \(fmt(held.mrr))"
            lines.append("| \(label) | \(r.features) | \(r.dutchStemmer) | \(r.queries) | \(fmt(r.recall)) | \(fmt(r.cappedRecall)) | \(fmt(r.mrr)) | \(ratio) | \(heldOut) | \(r.indexSeconds.map { String(format: "%.2f", $0) } ?? "–") |")
        }
        return lines.joined(separator: "\n")
    }

    static func perQuery(_ r: RelevanceReport, baseline: RelevanceReport?) -> String {
        let plain = Dictionary((baseline?.perQuery ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = ["", "| query | typed | relevant | found@10 | recall@10 | RR | total hits | plain recall@10 | plain RR |",
                     "|---|---|---|---|---|---|---|---|---|"]
        for q in r.perQuery {
            let p = plain[q.id]
            lines.append("| \(q.id)\(q.heldOut ? " (held out)" : "") | `\(q.query)` | \(q.relevant) | \(q.foundAtCutoff) | \(fmt(q.recall)) | \(fmt(q.reciprocalRank)) | \(q.total) | \(p.map { fmt($0.recall) } ?? "–") | \(p.map { fmt($0.reciprocalRank) } ?? "–") |")
        }
        return lines.joined(separator: "\n")
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
}
