import ArgumentParser
import Foundation
import TermsIndex

/// Hidden helpers for `Benchmarks/run.py`: the raw-Xapian indexing baseline and in-process query
/// latency. Not part of the documented command line.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark helpers (see Benchmarks/README.md).",
        shouldDisplay: false,
        subcommands: [Baseline.self, Ingest.self, Stages.self, Queries.self]
    )
    // Each subcommand names itself: a derived name costs every start-up of termsearch a
    // `String(describing:)` of the type, several scans of the binary's protocol conformances.

    /// `termsearch bench baseline --index DIR PATH...`: raw Xapian over the same files; JSON report.
    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "baseline")
        @Option(name: .long) var index: String
        @Argument var paths: [String]

        func run() throws {
            try printJSON(IndexingBaseline.run(paths, into: index))
        }
    }

    /// `termsearch bench ingest PATH...`: the ingestion pipeline alone (read, repair, segment,
    /// analyse), one thread, nothing written; JSON report with a digest of everything it produced
    /// (metadata, clauses, repairs), so a speed-up can show that it changed no output.
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ingest")
        @Argument var paths: [String]

        func run() throws {
            let (sources, _) = SourceFiles.enumerate(paths)
            let ingester = DocumentIngester()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var digest = Data()
            var files = 0, failed = 0, clauses = 0, bytes: Int64 = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for source in sources {
                bytes += Int64((try? FileManager.default.attributesOfItem(atPath: source.url.path)[.size] as? Int) ?? 0)
                guard let ingested = try? ingester.ingest(source.url, id: source.documentID, entry: source.manifestEntry) else {
                    failed += 1
                    continue
                }
                files += 1
                clauses += ingested.document.clauses.count
                let document = ingested.document
                let record = try encoder.encode(document.metadata) + encoder.encode(document.clauses)
                    + Data(ingested.repairs.map { "\($0)" }.joined(separator: "\n").utf8)
                digest.append(contentsOf: ContentHash.hex(record).utf8)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let report: [String: Any] = ["files": files, "failed": failed, "clauses": clauses, "bytes": bytes,
                                         "seconds": seconds, "digest": ContentHash.hex(digest)]
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// `termsearch bench stages --index DIR PATH...`: indexing on one thread, CPU seconds per stage.
    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stages")
        @Option(name: .long) var index: String
        @Argument var paths: [String]

        func run() throws {
            try printJSON(IndexingStages.run(paths, into: index))
        }
    }

    /// `termsearch bench queries --index DIR --repeat N [--facets] QUERY...`: latency per query, in process.
    struct Queries: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "queries")
        @OptionGroup var indexOptions: IndexOptions
        @Option(name: .customLong("repeat")) var repetitions = 20
        @Option(name: .long) var limit = 10
        @Flag(name: .long) var facets = false
        @Argument var queries: [String]

        func run() throws {
            let searcher = try reportingErrors { try TermsSearcher(paths: indexOptions.paths) }
            var rows: [[String: Any]] = []
            for query in queries {
                var samples: [Double] = []
                var total = 0
                for _ in 0..<repetitions {
                    let start = DispatchTime.now().uptimeNanoseconds
                    total = try searcher.search(SearchRequest(query: query, limit: limit, facets: facets)).total
                    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
                rows.append(["query": query, "total": total, "ms": samples])
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// Prints `report` as one line of JSON with sorted keys.
private func printJSON<T: Encodable>(_ report: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
}
