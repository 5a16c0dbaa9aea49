import Foundation

/// Where indexing CPU time goes: the stages of `termsearch index` run one after the other on one
/// thread, each timed with the thread's CPU clock (steadier than wall time on a shared machine).
/// Only for benchmarks.
public enum IndexingStages {
    /// CPU seconds per stage, and what was done.
    public struct Report: Codable, Sendable {
        public var files = 0
        public var bytes = 0
        public var clauses = 0
        /// Reading, repair, segmentation, language, topics and metadata (`DocumentIngester`).
        public var ingestSeconds = 0.0
        /// Terms, values and data of every clause (`DocumentPreparer`).
        public var prepareSeconds = 0.0
        /// Adding the prepared documents to Xapian and committing (the writer thread's work).
        public var writeSeconds = 0.0
    }

    /// Indexes every file below `paths` into a new index at `index` (replacing it), stage by stage.
    public static func run(_ paths: [String], into index: String) throws -> Report {
        try? FileManager.default.removeItem(atPath: index)
        let writer = try IndexWriter(path: index)
        let preparer = try DocumentPreparer(settings: writer.settings)
        let ingester = DocumentIngester()
        var report = Report()
        let batch = IndexingOptions()
        var batchFiles = 0, batchBytes = 0
        try time(&report.writeSeconds) { try writer.beginBatch() }
        for source in SourceFiles.enumerate(paths).files {
            var ingested: IngestedDocument?
            time(&report.ingestSeconds) {
                ingested = try? ingester.ingest(source.url, id: source.documentID, entry: source.manifestEntry)
            }
            guard let document = ingested?.document else { continue }
            var prepared: PreparedDocument?
            try time(&report.prepareSeconds) { prepared = try preparer.prepare(document) }
            try time(&report.writeSeconds) {
                report.clauses += try writer.write(prepared!, replacing: false)
                if batchFiles >= batch.batchFiles || batchBytes >= batch.batchBytes {
                    try writer.commitBatch()
                    try writer.beginBatch()
                    batchFiles = 0
                    batchBytes = 0
                }
            }
            // `index` frees written documents on the workers.
            time(&report.prepareSeconds) { prepared = nil }
            let size = Int((try? FileManager.default.attributesOfItem(atPath: source.url.path)[.size] as? Int) ?? 0)
            report.files += 1
            report.bytes += size
            batchFiles += 1
            batchBytes += size
        }
        try time(&report.writeSeconds) {
            try writer.commitBatch()
            try writer.close()
        }
        return report
    }

    /// Runs `body`, adding the CPU time this thread spent in it to `seconds`.
    private static func time(_ seconds: inout Double, _ body: () throws -> Void) rethrows {
        let start = threadCPUSeconds()
        defer { seconds += threadCPUSeconds() - start }
        try body()
    }

    private static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
