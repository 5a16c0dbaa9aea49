import Foundation

/// How an index folder is laid out: one Xapian database, or shards listed in a stub file.
///
/// A sharded index is a folder holding `shard-00`, `shard-01`, … (each a Xapian database with its
/// own writer) and a Xapian stub file `XAPIANDB` listing them (`auto shard-00`, …). Xapian opens a
/// folder containing `XAPIANDB` as the combination of the databases it lists, so searching the
/// folder searches every shard; a stub may also list `remote HOST:PORT` lines (TCP; Xapian 1.4 reads `remote :…` as a program to run) for shards served by
/// `xapian-tcpsrv`.
public enum IndexLayout {
    /// Name of the stub file inside a sharded index's folder.
    public static let stubName = "XAPIANDB"

    /// The folder name of shard `number`.
    public static func shardName(_ number: Int) -> String {
        number < 10 ? "shard-0\(number)" : "shard-\(number)"
    }

    /// The local shard folders of the sharded index at `path`, or nil if it is not sharded.
    public static func shardPaths(of path: String) -> [String]? {
        let stub = (path as NSString).appendingPathComponent(stubName)
        guard let text = try? String(contentsOfFile: stub, encoding: .utf8) else { return nil }
        var shards: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "auto" || parts[0] == "glass" else { continue }
            let target = parts[1].trimmingCharacters(in: .whitespaces)
            shards.append(target.hasPrefix("/") ? target : (path as NSString).appendingPathComponent(target))
        }
        return shards
    }

    /// Whether `path` holds a plain (unsharded) Xapian database.
    public static func isSingleDatabase(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("iamglass"))
    }

    /// Writes the stub of a sharded index with `count` shards at `path` (atomically).
    public static func writeStub(at path: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let text = (0..<count).map { "auto \(shardName($0))\n" }.joined()
        let stub = (path as NSString).appendingPathComponent(stubName)
        try Data(text.utf8).write(to: URL(fileURLWithPath: stub), options: .atomic)
    }

    /// The shard (0..<count) a document belongs to: a stable hash of its id, the same on every run
    /// and machine, so a file is always replaced in the shard that holds it.
    public static func shard(of documentID: String, count: Int) -> Int {
        count <= 1 ? 0 : Int(ContentHash.hash(Data(documentID.utf8)) % UInt64(count))
    }
}
