import Foundation

/// A file that could not be indexed, and why.
public struct FileFailure: Codable, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// What an indexing run did.
public struct IndexingReport: Codable, Sendable {
    /// Files indexed for the first time.
    public var added = 0
    /// Files indexed again because they changed.
    public var updated = 0
    /// Files skipped because the index already has them as they are.
    public var unchanged = 0
    /// Documents removed because their files are gone.
    public var removed = 0
    /// Files that could not be indexed.
    public var failed: [FileFailure] = []
    /// Clauses written.
    public var clauses = 0
    /// Bytes of input read.
    public var bytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0

    public init() {}
}

/// Indexes files and folders into a termsearch index.
public final class CorpusIndexer {
    /// The index written to.
    public let indexPath: String
    private let ingester = DocumentIngester()

    /// An indexer writing to the index at `indexPath` (created if missing).
    public init(indexPath: String) {
        self.indexPath = indexPath
    }

    /// Indexes every file below `paths`. A file that fails is reported in the result and the rest
    /// is still indexed; only an unusable index throws.
    public func index(_ paths: [String]) throws -> IndexingReport {
        let start = Date()
        var report = IndexingReport()
        let (files, missing) = SourceFiles.enumerate(paths)
        report.failed += missing.map { FileFailure(path: $0, reason: "no such file or directory") }

        let writer = try IndexWriter(path: indexPath)
        for file in files {
            do {
                let ingested = try ingester.ingest(file.url, id: file.documentID, entry: file.manifestEntry)
                report.clauses += try writer.replace(ingested.document)
                report.added += 1
                report.bytes += (try? file.url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0
            } catch let error as TermsearchError {
                if case .indexLocked = error { throw error }
                report.failed.append(FileFailure(path: file.url.path, reason: error.description))
            } catch {
                report.failed.append(FileFailure(path: file.url.path, reason: String(describing: error)))
            }
        }
        try writer.close()
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
