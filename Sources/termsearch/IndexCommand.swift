import ArgumentParser
import Dispatch
import Foundation
import TermsIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index files and folders of terms and conditions.",
        discussion: """
            Folders are walked recursively. A manifest.json beside the files may give each file's supplier, title, \
            languages, version date and kind, and the document it is a later version of (versionOf: a file name \
            relative to the manifest's folder, or a document id); a versionOf that names nothing is a warning.
            Incremental: files unchanged since the last run (same size and modification time, or same contents) are \
            skipped, changed files replaced, new files added, and documents of files gone from the folders being indexed \
            removed (--no-prune keeps them). A file that failed is remembered with its reason and tried again when it \
            changes (or with --retry-failed). Work is committed in batches: an interrupted run (Ctrl-C, a crash, a power \
            cut) keeps what was committed, and the next run finishes the rest.
            """
    )

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: ArgumentHelp("Files or folders to index (default: Corpus/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format of the summary: text or json.")
    var format: OutputFormat = .text

    @Flag(inversion: .prefixedNo, help: "Remove documents whose files are gone from the folders being indexed.")
    var prune = true

    @Flag(name: .long, help: "Try files that failed before again, even if they have not changed.")
    var retryFailed = false

    @Flag(name: .long, help: "Re-index every file, changed or not (e.g. after editing a manifest.json).")
    var force = false

    @Option(name: .long, help: ArgumentHelp("Write a new index as N shards, each with its own writer (searched as one).", valueName: "n"))
    var shards: Int?

    @Option(name: .long, help: ArgumentHelp("Files read and segmented in parallel (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Commit after this many files…", valueName: "n"))
    var batchFiles = 1000

    @Option(name: .long, help: ArgumentHelp("…or this many megabytes of input.", valueName: "mb"))
    var batchMegabytes = 16

    @Option(name: .long, help: .hidden)
    var debugPauseMs = 0

    @Flag(name: .long, help: .hidden)
    var debugAnnounceCommits = false

    func validate() throws {
        try indexOptions.requireSingle("index")
        if let shards, !(1...64).contains(shards) { throw ValidationError("--shards must be between 1 and 64") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        guard batchFiles >= 1, batchMegabytes >= 1 else { throw ValidationError("batch sizes must be 1 or more") }
    }

    func run() throws {
        // glibc gives every thread that allocates its own arena and rarely returns their memory;
        // a few arenas keep the peak RSS of the worker threads close to what they really hold.
        limitMallocArenas(2)
        // Past a file-size limit (ulimit -f) a write should fail with EFBIG and be reported, not
        // kill the process with SIGXFSZ.
        signal(SIGXFSZ, SIG_IGN)
        let paths = self.paths.isEmpty ? ["Corpus"] : self.paths
        var options = IndexingOptions()
        options.prune = prune
        options.retryFailed = retryFailed
        options.force = force
        options.shards = shards
        if let jobs { options.workers = jobs }
        options.batchFiles = batchFiles
        options.batchBytes = batchMegabytes << 20
        options.pauseAfterEachFile = Double(debugPauseMs) / 1000
        let indexer = CorpusIndexer(indexPath: indexOptions.path, options: options)

        let bar = ProgressBar.onTerminal()
        if let bar { indexer.onProgress = { bar.update($0) } }
        if debugAnnounceCommits {
            indexer.onCommit = { shard, batch in
                FileHandle.standardError.write(Data("termsearch: debug: shard \(shard) committed batch \(batch)\n".utf8))
            }
        }
        let interrupt = InterruptHandler { [control = indexer.control] in
            control.cancel()
            bar?.clear()
            printError("interrupted: finishing the files in flight and committing them (Ctrl-C again to stop at once)")
        }
        defer { interrupt.restore() }

        let report = try reportingErrors { try indexer.index(paths) }
        bar?.clear()
        for failure in report.failed {
            // One line per file, whatever its name holds (a newline in a file name is legal).
            printError("\(failure.path.escapingControlCharacters): \(failure.reason.escapingControlCharacters)")
        }
        for warning in report.warnings {
            printError("warning: \(warning.path.escapingControlCharacters): \(warning.message.escapingControlCharacters)")
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(report))
        case .text:
            print(IndexSummary(report: report, indexPath: indexOptions.path).text)
        }
        if let note = CompoundVocabulary.lexiconNote { printError("note: \(note)") }
        if report.interrupted { throw ExitCode(130) }
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
                     "\(report.removed) removed"]
        if !report.failed.isEmpty { parts.append("\(report.failed.count) failed") }
        if !report.skipped.isEmpty { parts.append("\(report.skipped.count) skipped (not documents: images, archives, …)") }
        if report.failedEarlier > 0 { parts.append("\(report.failedEarlier) failed earlier and unchanged, skipped (--retry-failed to try again)") }
        let head = report.interrupted ? "Interrupted; committed into \(indexPath): " : "Indexed into \(indexPath): "
        var text = head + parts.joined(separator: ", ")
            + String(format: "; %d clauses, %.1f MB in %.1f s (%.1f MB/s)", report.clauses, mb, report.seconds, rate)
        if report.shards > 1 { text += " across \(report.shards) shards" }
        if report.interrupted { text += ". Run the same command again to finish." }
        return text
    }
}

/// Turns SIGINT into a call of `onInterrupt` (once); a second SIGINT exits at once with 130, which
/// is safe: Xapian keeps the last committed batch.
final class InterruptHandler {
    private let source: DispatchSourceSignal

    init(onInterrupt: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let count = Counter()
        source.setEventHandler {
            if count.increment() == 1 { onInterrupt() } else { _exit(130) }
        }
        source.resume()
    }

    /// Puts the default SIGINT behaviour back.
    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}

/// Caps glibc's malloc arenas (`mallopt(M_ARENA_MAX, n)`; malloc.h is not in Swift's Glibc module).
func limitMallocArenas(_ count: Int32) {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(nil, "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: Mallopt.self)(-8 /* M_ARENA_MAX */, count)
}
