import Foundation

/// A file that could not be indexed, and why.
public struct FileFailure: Codable, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// Something an indexing run noticed that did not stop a file from being indexed.
public struct IndexingWarning: Codable, Sendable, Equatable {
    /// The file the warning is about (a manifest for a bad `versionOf`).
    public var path: String
    /// What is wrong and what was done about it, on one line.
    public var message: String
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
    /// Files that are not documents (images, archives, …): skipped, not failed.
    public var skipped: [FileFailure] = []
    /// What was indexed anyway but should be looked at: manifest `versionOf` entries that name no document.
    public var warnings: [IndexingWarning] = []
    /// Clauses written.
    public var clauses = 0
    /// Bytes of input read.
    public var bytes = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Files that failed in an earlier run and have not changed since: skipped (`--retry-failed`
    /// tries them again).
    public var failedEarlier = 0
    /// Files found below the paths given.
    public var files = 0
    /// Bytes of all files found (indexed or not).
    public var totalBytes = 0
    /// Batches (transactions) committed.
    public var batches = 0
    /// Shards written (1 for an unsharded index).
    public var shards = 1
    /// True when the run was interrupted (SIGINT): what was committed stays, the next run finishes.
    public var interrupted = false

    public init() {}

    mutating func merge(_ other: IndexingReport) {
        added += other.added; updated += other.updated; unchanged += other.unchanged
        removed += other.removed; failed += other.failed; clauses += other.clauses; bytes += other.bytes
        failedEarlier += other.failedEarlier; batches += other.batches
    }
}

/// How an indexing run behaves.
public struct IndexingOptions: Sendable {
    /// Remove documents whose files are gone from the folders being indexed.
    public var prune = true
    /// Try files again that failed before even if they have not changed.
    public var retryFailed = false
    /// Re-index every file even if unchanged (e.g. after editing a manifest).
    public var force = false
    /// Number of shards for a new index; nil keeps an existing index's layout (1 for a new one).
    public var shards: Int?
    /// Ingest workers reading, repairing and segmenting files in parallel.
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// A batch (one transaction) is committed after this many files…
    public var batchFiles = 1000
    /// …or this many bytes of input, whichever comes first. Xapian buffers a batch in memory, so
    /// this sets the peak memory of a run (split between shards).
    public var batchBytes = 16 << 20
    /// Test hook: sleep this long after writing each file inside a batch.
    public var pauseAfterEachFile = 0.0

    public init() {}
}

/// Where an indexing run is, for a progress display.
public struct IndexingProgress: Sendable {
    public var filesDone = 0
    public var filesTotal = 0
    public var bytesDone: Int64 = 0
    public var bytesTotal: Int64 = 0
    /// The file handled last.
    public var currentFile = ""
    /// Seconds since the run started.
    public var seconds = 0.0
}

/// Lets another thread (a signal handler) stop an indexing run between files.
public final class IndexingControl: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the run to stop: it finishes the files in flight, commits them and returns.
    public func cancel() { lock.lock(); cancelled = true; lock.unlock() }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }
}

/// Indexes files and folders into a termsearch index, incrementally, in parallel and crash-safely.
///
/// Reading, repair and segmentation run on `options.workers` threads; each shard has one writer
/// thread (Xapian handles are not thread-safe) that feeds Xapian in batches, one transaction per
/// batch, each file's record committed with its clauses. A run holds at most a few documents per
/// worker in memory, whatever the size of the corpus.
public final class CorpusIndexer {
    /// The index written to.
    public let indexPath: String
    /// How the run behaves.
    public var options: IndexingOptions
    /// Stops the run early when cancelled.
    public let control = IndexingControl()
    /// Called on a writer thread after every file (and once at the end); keep it quick.
    public var onProgress: (@Sendable (IndexingProgress) -> Void)?
    /// Called on a writer thread after each batch is committed, with the shard and the batch number.
    public var onCommit: (@Sendable (Int, Int) -> Void)?

    private let ingester = DocumentIngester()

    /// An indexer writing to the index at `indexPath` (created if missing).
    public init(indexPath: String, options: IndexingOptions = IndexingOptions()) {
        self.indexPath = indexPath
        self.options = options
    }

    /// Indexes every file below `paths`. A file that fails is reported in the result and the rest
    /// is still indexed; only an unusable index throws.
    public func index(_ paths: [String]) throws -> IndexingReport {
        let start = Date()
        var listing = SourceFiles.list(paths)
        // Nothing given exists: a typo, not a run; no index is created for it.
        if listing.entries.isEmpty, listing.folders.isEmpty, let first = listing.missing.first {
            throw TermsearchError.pathNotFound(path: first)
        }
        var report = IndexingReport()
        report.files = listing.entries.count
        report.totalBytes = Int(listing.totalBytes)

        let shardPaths = try prepareShards()
        report.shards = shardPaths.count
        var writers: [IndexWriter] = []
        do {
            for shard in shardPaths { writers.append(try IndexWriter(path: shard)) }
        } catch TermsearchError.indexLocked {
            for writer in writers { try? writer.close() }
            throw TermsearchError.indexLocked(path: indexPath)
        }
        let manifests = ManifestCache()
        let declarations: VersionDeclarations
        do {
            let records = try writers.flatMap { try $0.fileRecords() }
            var identity = DocumentIdentity(records: records)
            identity.assign(&listing)
            declarations = VersionDeclarations(listing: listing, records: records, manifests: manifests, prune: options.prune)
        } catch {
            for writer in writers { try? writer.close() }
            throw error
        }

        let progress = ProgressCounter(total: listing.entries.count, bytes: listing.totalBytes, start: start, sink: onProgress)
        let jobs = WorkQueue<IngestJob>()
        let workerGroup = DispatchGroup()
        // Every shard is created with the same settings; each worker builds Xapian documents with its own preparer.
        let settings = writers[0].settings
        for _ in 0..<max(1, options.workers) {
            let thread = Thread { [ingester] in
                Self.yieldToWriters()
                let preparer = Result { try DocumentPreparer(settings: settings) }
                while var job = jobs.pop() {
                    job.written = []  // freed here, off the writer thread
                    job.reply.push(Self.ingest(job, ingester: ingester, preparer: preparer, manifests: manifests))
                }
                workerGroup.leave()
            }
            thread.stackSize = 8 << 20
            #if !os(Linux)
            thread.qualityOfService = .utility
            #endif
            workerGroup.enter()
            thread.start()
        }
        defer {
            jobs.close()
            workerGroup.wait()
        }

        // Assign files to shards by a stable hash of their document id.
        var assigned = Array(repeating: [Int](), count: writers.count)
        for (i, entry) in listing.entries.enumerated() {
            assigned[IndexLayout.shard(of: entry.documentID, count: writers.count)].append(i)
        }
        // The batch limits are for the whole run: each of N shard writers buffers 1/N of them, so
        // memory does not grow with the number of shards.
        var shardOptions = options
        shardOptions.batchBytes = max(1 << 20, options.batchBytes / writers.count)
        shardOptions.batchFiles = max(1, options.batchFiles / writers.count)
        let runs = writers.indices.map { shard in
            ShardRun(shard: shard, writer: writers[shard], listing: listing, entries: assigned[shard], versionOf: declarations.targets,
                     options: shardOptions, control: control, jobs: jobs, progress: progress, onCommit: onCommit)
        }
        if runs.count == 1 {
            runs[0].run()
        } else {
            let group = DispatchGroup()
            for run in runs {
                group.enter()
                let thread = Thread { run.run(); group.leave() }
                thread.stackSize = 8 << 20
                thread.start()
            }
            group.wait()
        }
        var firstError: Error?
        for run in runs {
            report.merge(run.report)
            if firstError == nil, let error = run.error { firstError = error }
        }
        for writer in writers {
            do { try writer.close() } catch { if firstError == nil { firstError = error } }
        }
        if let firstError { throw firstError }

        report.failed = listing.missing.map { FileFailure(path: $0, reason: "no such file or directory") }
            + (report.failed + listing.unreadable).sorted { $0.path < $1.path }
        report.skipped = listing.skipped
        report.warnings = declarations.warnings
        report.interrupted = control.isCancelled
        report.seconds = Date().timeIntervalSince(start)
        progress.finish()
        return report
    }

    /// The shard folders to write, creating a sharded layout for a new index when asked.
    private func prepareShards() throws -> [String] {
        if let existing = IndexLayout.shardPaths(of: indexPath) {
            if let wanted = options.shards, wanted != existing.count {
                throw TermsearchError.indexUnusable(
                    path: indexPath, reason: "it has \(existing.count) shards, not \(wanted); index into a new folder to change the number of shards")
            }
            return existing
        }
        let wanted = options.shards ?? 1
        if wanted <= 1 { return [indexPath] }
        if IndexLayout.isSingleDatabase(indexPath) {
            throw TermsearchError.indexUnusable(
                path: indexPath, reason: "it is a single index, not \(wanted) shards; index into a new folder to shard")
        }
        do {
            try IndexLayout.writeStub(at: indexPath, count: wanted)
        } catch {
            throw TermsearchError.library(context: "creating \(indexPath)", message: error.localizedDescription)
        }
        return (0..<wanted).map { (indexPath as NSString).appendingPathComponent(IndexLayout.shardName($0)) }
    }

    /// Lowers the calling worker thread's priority 10 nice levels below the writers'. A writer thread
    /// is the bottleneck of a run: with the workers at the same priority the scheduler shares its
    /// core with them and it waits while they fill the queue; at a lower one the workers use
    /// what the writers leave (on 2 cores a 10 MB run went from 0.74 to 0.94 of the baseline's
    /// speed, see Benchmarks/README.md). On Linux `setpriority` with `who` 0 sets the calling thread.
    private static func yieldToWriters() {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        _ = setpriority(which, 0, min(19, getpriority(which, 0) + 10))
        #endif
    }

    /// Reads, hashes, ingests and prepares one file (on a worker thread).
    private static func ingest(_ job: IngestJob, ingester: DocumentIngester, preparer: Result<DocumentPreparer, Error>,
                               manifests: ManifestCache) -> IngestResult {
        let url = URL(fileURLWithPath: job.entry.openPath)
        let shown = URL(fileURLWithPath: job.entry.path)
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            return IngestResult(entry: job.entry, record: job.record, hash: "", outcome: .failed("cannot read the file: \((error as NSError).localizedDescription)"))
        }
        let hash = ContentHash.hex(data)
        if let known = job.knownHash, known == hash {
            return IngestResult(entry: job.entry, record: job.record, hash: hash, outcome: .sameContent)
        }
        do {
            let ingested = try ingester.ingest(url, shownAs: shown.path, id: job.entry.documentID, entry: manifests.entry(for: shown))
            let prepared = try preparer.get().prepare(ingested.document)
            return IngestResult(entry: job.entry, record: job.record, hash: hash, outcome: .document(prepared))
        } catch let error as TermsearchError {
            return IngestResult(entry: job.entry, record: job.record, hash: hash, outcome: .failed(error.description))
        } catch {
            return IngestResult(entry: job.entry, record: job.record, hash: hash, outcome: .failed(String(describing: error)))
        }
    }
}

/// A file sent to an ingest worker, and where to send the result.
struct IngestJob: @unchecked Sendable {
    var entry: SourceListing.Entry
    var record: FileRecord?
    /// Skip ingesting when the contents still have this hash.
    var knownHash: String?
    var reply: WorkQueue<IngestResult>
    /// Documents the writer has added, handed over for the worker to free: freeing thousands of
    /// Xapian terms and positions is work the single writer thread need not do.
    var written: [PreparedDocument] = []
}

/// What a worker made of a file.
struct IngestResult: @unchecked Sendable {
    enum Outcome {
        case document(PreparedDocument)
        case sameContent
        case failed(String)
    }
    var entry: SourceListing.Entry
    var record: FileRecord?
    var hash: String
    var outcome: Outcome
}

/// Counts files done across shards and reports progress.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var state: IndexingProgress
    private let start: Date
    private let sink: (@Sendable (IndexingProgress) -> Void)?

    init(total: Int, bytes: Int64, start: Date, sink: (@Sendable (IndexingProgress) -> Void)?) {
        state = IndexingProgress(filesTotal: total, bytesTotal: bytes)
        self.start = start
        self.sink = sink
    }

    func done(_ entry: SourceListing.Entry) {
        guard let sink else { return }
        lock.lock()
        state.filesDone += 1
        state.bytesDone += entry.size
        state.currentFile = entry.path
        state.seconds = Date().timeIntervalSince(start)
        let snapshot = state
        lock.unlock()
        sink(snapshot)
    }

    func finish() {
        guard let sink else { return }
        lock.lock()
        state.seconds = Date().timeIntervalSince(start)
        let snapshot = state
        lock.unlock()
        sink(snapshot)
    }
}

/// One shard's writer: decides per file whether it changed, hands changed files to the workers and
/// writes what they return, in batches. Runs on one thread; owns its IndexWriter while it runs.
final class ShardRun: @unchecked Sendable {
    let shard: Int
    let writer: IndexWriter
    let listing: SourceListing
    let entries: [Int]
    /// The declared `versionOf` target of each document that has one, for its file record.
    let versionOf: [String: String]
    let options: IndexingOptions
    let control: IndexingControl
    let jobs: WorkQueue<IngestJob>
    let progress: ProgressCounter
    let onCommit: (@Sendable (Int, Int) -> Void)?
    var report = IndexingReport()
    var error: Error?

    private let results = WorkQueue<IngestResult>()
    /// Documents added since the last job was handed out (see `IngestJob.written`).
    private var written: [PreparedDocument] = []
    private var batchOpen = false
    private var batchFiles = 0
    private var batchBytes = 0

    init(shard: Int, writer: IndexWriter, listing: SourceListing, entries: [Int], versionOf: [String: String],
         options: IndexingOptions, control: IndexingControl, jobs: WorkQueue<IngestJob>, progress: ProgressCounter,
         onCommit: (@Sendable (Int, Int) -> Void)?) {
        self.shard = shard; self.writer = writer; self.listing = listing; self.entries = entries; self.versionOf = versionOf
        self.options = options; self.control = control; self.jobs = jobs; self.progress = progress
        self.onCommit = onCommit
    }

    func run() {
        var inflight = 0
        do {
            defer {
                // Let the workers finish what they were given, so none writes to a queue nobody reads.
                while inflight > 0, results.pop() != nil { inflight -= 1 }
            }
            // Enough finished files queued that the writer need not wait when a worker is on a large one.
            let limit = max(4, options.workers * 4)
            var next = 0
            var seen = Set<String>()
            while true {
                while inflight < limit, next < entries.count, !control.isCancelled {
                    let entry = listing.entries[entries[next]]
                    next += 1
                    if options.prune { seen.insert(entry.documentID) }
                    if var job = try job(for: entry) {
                        swap(&job.written, &written)
                        jobs.push(job)
                        inflight += 1
                    }
                }
                if inflight == 0 { break }
                guard let result = results.pop() else { break }
                inflight -= 1
                try write(result)
                if batchFiles >= options.batchFiles || batchBytes >= options.batchBytes { try commitBatch() }
            }
            if options.prune && !control.isCancelled && next == entries.count {
                try prune(keeping: seen)
            }
            try commitBatch()
        } catch {
            if batchOpen { try? writer.cancelBatch() }
            self.error = error
            control.cancel()
        }
    }

    /// A job for `entry`, or nil when the record shows it unchanged.
    private func job(for entry: SourceListing.Entry) throws -> IngestJob? {
        let record = try writer.fileRecord(documentID: entry.documentID)
        if let record, !options.force, record.path == entry.path, record.size == entry.size, record.mtime == entry.mtime {
            if record.status == .indexed {
                report.unchanged += 1
                // A versionOf added to or taken from the manifest needs no re-reading of the file.
                if record.versionOf != versionOf[entry.documentID] {
                    var declared = record
                    declared.versionOf = versionOf[entry.documentID]
                    try openBatch()
                    try writer.setFileRecord(declared)
                    batchFiles += 1
                }
                progress.done(entry)
                return nil
            }
            if !options.retryFailed {
                report.failedEarlier += 1
                progress.done(entry)
                return nil
            }
        }
        // Size or time changed: the worker compares the contents' hash before doing any work.
        var known: String?
        if let record, !options.force, record.path == entry.path,
           record.status == .indexed || !options.retryFailed {
            known = record.hash
        }
        return IngestJob(entry: entry, record: record, knownHash: known, reply: results)
    }

    private func write(_ result: IngestResult) throws {
        let entry = result.entry
        defer { progress.done(entry) }
        switch result.outcome {
        case .sameContent:
            // Touched, not changed: remember the new time so the next run does not read it again.
            guard var record = result.record else { return }
            if record.status == .indexed { report.unchanged += 1 } else { report.failedEarlier += 1 }
            record.size = entry.size
            record.mtime = entry.mtime
            record.versionOf = versionOf[entry.documentID]
            try openBatch()
            try writer.setFileRecord(record)
        case .document(let prepared):
            try openBatch()
            let clauses = try writer.write(prepared, replacing: result.record != nil)
            written.append(prepared)
            try writer.setFileRecord(FileRecord(document: entry.documentID, path: entry.path, size: entry.size,
                                                mtime: entry.mtime, hash: result.hash, clauses: clauses, status: .indexed,
                                                versionOf: versionOf[entry.documentID]))
            if result.record?.status == .indexed { report.updated += 1 } else { report.added += 1 }
            report.clauses += clauses
            report.bytes += Int(entry.size)
            batchFiles += 1
            batchBytes += Int(entry.size)
        case .failed(let reason):
            try openBatch()
            // The index reflects the files: a file that no longer reads loses its old clauses.
            if result.record?.status == .indexed { try writer.remove(documentID: entry.documentID) }
            try writer.setFileRecord(FileRecord(document: entry.documentID, path: entry.path, size: entry.size,
                                                mtime: entry.mtime, hash: result.hash, clauses: 0, status: .failed, reason: reason))
            report.failed.append(FileFailure(path: entry.path, reason: reason))
            batchFiles += 1
        }
        if options.pauseAfterEachFile > 0 { Thread.sleep(forTimeInterval: options.pauseAfterEachFile) }
    }

    /// Removes documents whose files were below a folder being indexed and were not found this run
    /// (deleted, renamed, hidden, or now indexed under another id because a different folder was given).
    private func prune(keeping seen: Set<String>) throws {
        guard !listing.folders.isEmpty else { return }
        for record in try writer.fileRecords() where !seen.contains(record.document) && listing.isBelowFolders(record.path) {
            try openBatch()
            try writer.remove(documentID: record.document)
            try writer.removeFileRecord(documentID: record.document)
            if record.status == .indexed { report.removed += 1 }
            batchFiles += 1
            if batchFiles >= options.batchFiles { try commitBatch() }
        }
    }

    private func openBatch() throws {
        guard !batchOpen else { return }
        try writer.beginBatch()
        batchOpen = true
    }

    private func commitBatch() throws {
        guard batchOpen else { return }
        try writer.commitBatch()
        batchOpen = false
        batchFiles = 0
        batchBytes = 0
        report.batches += 1
        onCommit?(shard, report.batches)
    }
}
