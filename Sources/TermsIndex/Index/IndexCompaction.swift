import Foundation
import Xapian
#if canImport(Glibc)
import Glibc
#endif

/// What a compaction did.
public struct CompactionReport: Codable, Sendable {
    /// The index compacted.
    public var index: String
    /// Where the compacted copy went (the index itself when compacted in place).
    public var output: String
    /// Bytes on disk before and after.
    public var bytesBefore = 0
    public var bytesAfter = 0
    /// Shards compacted (in place, a sharded index keeps its shards).
    public var shards = 1
    /// Wall-clock seconds.
    public var seconds = 0.0
}

/// Compacts an index with Xapian's compactor: smaller, faster to search, no free space left in it.
public enum IndexCompaction {
    /// Compacts the index at `path`. With `output`, writes one merged database there (all shards
    /// combined) and leaves the index as it is; `searchOnly` then leaves out the termlist table,
    /// which only updating needs (Xapian deletes and replaces documents through it): a copy to
    /// search or serve, about a quarter smaller, that `termsearch index` refuses to update.
    /// Without `output`, compacts each database into a new folder beside it and swaps it in
    /// atomically (`renameat2(RENAME_EXCHANGE)`), holding the write lock throughout so no
    /// indexing run can interleave; searches keep working on either version.
    public static func compact(index path: String, output: String? = nil, searchOnly: Bool = false) throws -> CompactionReport {
        let start = Date()
        guard FileManager.default.fileExists(atPath: path) else { throw TermsearchError.indexMissing(path: path) }
        let shards = IndexLayout.shardPaths(of: path) ?? [path]
        var report = CompactionReport(index: path, output: output ?? path, bytesBefore: diskUsage(path), shards: shards.count)

        // Hold every shard's write lock: a concurrent indexing run would be lost by the swap.
        var locks: [WritableDatabase] = []
        defer { for lock in locks { try? lock.close() } }
        for shard in shards {
            do {
                locks.append(try WritableDatabase(path: shard, mode: .open))
            } catch let error as XapianError {
                throw TermsearchError.from(error, index: path, doing: "locking the index")
            }
        }

        if let output {
            guard !FileManager.default.fileExists(atPath: output) else {
                throw TermsearchError.library(context: "compacting \(path)", message: "\(output) already exists")
            }
            try run("compacting \(path) into") { try Database(path: path).compact(to: output) }
            if searchOnly {
                do {
                    try FileManager.default.removeItem(atPath: (output as NSString).appendingPathComponent(termlistTable))
                } catch {
                    throw TermsearchError.library(context: "leaving the termlist table out of \(output)", message: error.localizedDescription)
                }
            }
            report.bytesAfter = diskUsage(output)
        } else {
            for (i, shard) in shards.enumerated() {
                let fresh = shard + ".compact-\(getpid())"
                try? FileManager.default.removeItem(atPath: fresh)
                try run("compacting") { try Database(path: shard).compact(to: fresh) }
                try swap(fresh, shard)
                try? locks[i].close()  // the lock of the old version, now at `fresh`
                try? FileManager.default.removeItem(atPath: fresh)
            }
            report.bytesAfter = diskUsage(path)
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The file of a glass database's termlist table.
    static let termlistTable = "termlist.glass"

    /// Why an index compacted with `searchOnly` cannot be written to.
    static let searchOnlyReason = "it is a search-only copy (compacted with --search-only, without the termlist table that updates need); index into the original index, or build a new one"

    /// Whether `path` holds a search-only copy: a glass database without its termlist table.
    public static func isSearchOnly(_ path: String) -> Bool {
        IndexLayout.isSingleDatabase(path)
            && !FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(termlistTable))
    }

    private static func run(_ context: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XapianError {
            throw TermsearchError.library(context: context, message: error.description)
        }
    }

    /// Exchanges two folders atomically where the kernel can (Linux renameat2), else by two renames.
    static func swap(_ a: String, _ b: String) throws {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        if let symbol = dlsym(nil, "renameat2") {
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0 { return }
        }
        let aside = b + ".old-\(getpid())"
        guard rename(b, aside) == 0, rename(a, b) == 0, rename(aside, a) == 0 else {
            throw TermsearchError.library(context: "replacing \(b) with its compacted copy", message: String(cString: strerror(errno)))
        }
    }

    /// Bytes of the files below `path`.
    public static func diskUsage(_ path: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let relative = walker.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            if let (size, _) = SourceFiles.regularFileStatus(full) { total += Int(size) }
        }
        return total
    }
}
