import Foundation
import TermsIndex
import TestSupport
import Xapian
import XCTest

/// Sharded indexes, several indexes searched as one, remote shards and compaction.
final class ShardTests: CLITestCase {
    private var server: XapianTCPServer?

    override func tearDownWithError() throws {
        server?.stop()
        try super.tearDownWithError()
    }

    func searchIDs(_ index: String, _ query: String, limit: Int = 1000) throws -> [String] {
        let run = try termsearch(["search", "--index", index, "--format", "json", "--limit", String(limit), query])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (object["hits"] as! [[String: Any]]).map { $0["id"] as! String }
    }

    func testShardedIndexSearchesAsOneAndStaysIncremental() throws {
        let folder = try makeFolder(copies: 2)
        XCTAssertEqual(try termsearch(["index", "--index", "single", folder.path]).status, 0)
        let run = try termsearch(["index", "--index", "sharded", "--shards", "3", "--format", "json", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(summary["shards"] as? Int, 3)
        let sharded = workDirectory.appendingPathComponent("sharded").path
        XCTAssertEqual(IndexLayout.shardPaths(of: sharded)?.count, 3)
        for shard in IndexLayout.shardPaths(of: sharded)! {
            XCTAssertGreaterThan(try Database(path: shard).documentCount, 0, "every shard gets files")
            XCTAssertEqual(try xapianCheck(shard).status, 0)
        }
        XCTAssertEqual(try clauseIDs(sharded), try clauseIDs(workDirectory.appendingPathComponent("single").path))
        for query in ["\"aansprakelijkheid beperkt tot\"", "schade NOT indirecte", "lang:en liability"] {
            XCTAssertEqual(Set(try searchIDs("sharded", query)), Set(try searchIDs("single", query)), query)
        }
        // Re-running keeps the layout and finds nothing to do.
        let again = try termsearch(["index", "--index", "sharded", folder.path])
        XCTAssertTrue(again.stdout.contains("0 added, 0 updated, 10 unchanged"), again.stdout)
        let wrong = try termsearch(["index", "--index", "sharded", "--shards", "2", folder.path])
        XCTAssertEqual(wrong.status, 3)
        XCTAssertTrue(wrong.stderr.contains("it has 3 shards"), wrong.stderr)
    }

    func testSeveralIndexesSearchAsOne() throws {
        XCTAssertEqual(try termsearch(["index", "--index", "a", Self.corpus + "/klantassistent-algemene-voorwaarden.txt"]).status, 0)
        XCTAssertEqual(try termsearch(["index", "--index", "b", Self.corpus + "/creaim-reconi-meekijksessie.txt"]).status, 0)
        let a = workDirectory.appendingPathComponent("a").path, b = workDirectory.appendingPathComponent("b").path
        let both = try TermsSearcher(paths: [a, b]).search(SearchRequest(query: "aansprakelijkheid", limit: 200))
        let one = try TermsSearcher(paths: [a]).search(SearchRequest(query: "aansprakelijkheid", limit: 200))
        let other = try TermsSearcher(paths: [b]).search(SearchRequest(query: "aansprakelijkheid", limit: 200))
        XCTAssertEqual(both.total, one.total + other.total)
        XCTAssertEqual(Set(both.hits.map(\.document)), ["klantassistent-algemene-voorwaarden", "creaim-reconi-meekijksessie"])
        // A stub file naming both is the same.
        let stub = workDirectory.appendingPathComponent("both.stub")
        try "auto a\nauto b\n".write(to: stub, atomically: true, encoding: .utf8)
        XCTAssertEqual(Set(try searchIDs(stub.path, "aansprakelijkheid", limit: 200)), Set(both.hits.map(\.id)))
    }

    func testRemoteShardThroughXapianTcpsrv() throws {
        let folder = try makeFolder()
        XCTAssertEqual(try termsearch(["index", "--index", "local", "--shards", "2", folder.path]).status, 0)
        let local = workDirectory.appendingPathComponent("local").path
        let shards = try XCTUnwrap(IndexLayout.shardPaths(of: local))

        // Serve shard 1 over TCP on loopback; the stub combines local shard 0 with the remote shard 1.
        let server = try XapianTCPServer(serving: shards[1])
        self.server = server
        let port = server.port
        let stub = workDirectory.appendingPathComponent("mixed.stub")
        try "auto \(shards[0])\nremote 127.0.0.1:\(port)\n".write(to: stub, atomically: true, encoding: .utf8)

        let query = "\"aansprakelijkheid beperkt tot\""
        let viaRemote = try termsearch(["search", "--index", stub.path, "--format", "json", query])
        XCTAssertEqual(viaRemote.status, 0, viaRemote.stderr)
        let direct = try termsearch(["search", "--index", "local", "--format", "json", query])
        let remoteObject = try JSONSerialization.jsonObject(with: Data(viaRemote.stdout.utf8)) as! [String: Any]
        let directObject = try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(remoteObject["total"] as? Int, directObject["total"] as? Int)
        let remoteHits = remoteObject["hits"] as! [[String: Any]], directHits = directObject["hits"] as! [[String: Any]]
        XCTAssertEqual(remoteHits.map { $0["id"] as! String }, directHits.map { $0["id"] as! String })
        XCTAssertEqual(remoteHits.map { $0["snippet"] as! String }, directHits.map { $0["snippet"] as! String }, "snippets through the remote shard")
        XCTAssertTrue(remoteHits.contains { ($0["snippet"] as! String).contains("<em>") })

        // The same through the command line with --index tcp://, facets included.
        let viaTCP = try termsearch(["search", "--index", shards[0], "--index", "tcp://127.0.0.1:\(port)", "--format", "json", "--facets", "aansprakelijkheid"])
        XCTAssertEqual(viaTCP.status, 0, viaTCP.stderr)
        let directFacets = try termsearch(["search", "--index", "local", "--format", "json", "--facets", "aansprakelijkheid"])
        let tcpObject = try JSONSerialization.jsonObject(with: Data(viaTCP.stdout.utf8)) as! [String: Any]
        let localObject = try JSONSerialization.jsonObject(with: Data(directFacets.stdout.utf8)) as! [String: Any]
        let tcpFacets = try XCTUnwrap(tcpObject["facets"] as? [String: [String: Int]])
        XCTAssertFalse(tcpFacets["supplier"]?.isEmpty ?? true)
        XCTAssertEqual(tcpFacets, localObject["facets"] as? [String: [String: Int]], "facets through the remote shard")
        XCTAssertEqual(tcpObject["total"] as? Int, localObject["total"] as? Int)

        // Facet counts (a ValueCountMatchSpy on the document slot) through the remote shard.
        func supplierCounts(_ database: Database) throws -> (Int, Int) {
            let enquire = Enquire(database: database)
            enquire.setQuery(try QueryParser().parse("aansprakelijkheid"))
            let spy = ValueCountMatchSpy(slot: IndexSchema.documentSlot)
            enquire.addMatchSpy(spy)
            let mset = try enquire.mset(first: 0, maxItems: 1000)
            return (mset.matchesEstimated, spy.total)
        }
        let (remoteMatches, remoteSpy) = try supplierCounts(try Database(path: stub.path))
        let (localMatches, localSpy) = try supplierCounts(try Database(path: local))
        XCTAssertGreaterThan(remoteSpy, 0)
        XCTAssertEqual(remoteSpy, localSpy)
        XCTAssertEqual(remoteMatches, localMatches)
    }

    func testCompactInPlaceAndIntoAnotherFolder() throws {
        let folder = try makeFolder(copies: 2)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", "--shards", "2", folder.path]).status, 0)
        let idx = workDirectory.appendingPathComponent("idx").path
        let ids = try clauseIDs(idx)
        let hits = try searchIDs("idx", "aansprakelijkheid")

        let run = try termsearch(["compact", "--index", "idx", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertLessThan(report["bytesAfter"] as! Int, report["bytesBefore"] as! Int)
        XCTAssertEqual(try clauseIDs(idx), ids)
        // Compaction renumbers documents, so hits of equal weight (the copies) may swap places.
        XCTAssertEqual(Set(try searchIDs("idx", "aansprakelijkheid")), Set(hits))
        for shard in IndexLayout.shardPaths(of: idx)! { XCTAssertEqual(try xapianCheck(shard).status, 0) }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: idx).filter { $0.contains(".compact-") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
        // Still incremental after compaction: the file records survive.
        XCTAssertTrue(try termsearch(["index", "--index", "idx", folder.path]).stdout.contains("10 unchanged"))

        let merged = try termsearch(["compact", "--index", "idx", "--output", "merged"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        let mergedPath = workDirectory.appendingPathComponent("merged").path
        XCTAssertEqual(try clauseIDs(mergedPath), ids)
        XCTAssertEqual(try xapianCheck(mergedPath).status, 0)
        XCTAssertEqual(Set(try searchIDs("merged", "aansprakelijkheid")), Set(hits))
        XCTAssertTrue(try termsearch(["index", "--index", "merged", folder.path]).stdout.contains("10 unchanged"), "records of every shard merged")
    }

    /// A search-only copy leaves out the termlist table: smaller, every search the same, and
    /// `index` refuses to update it rather than fail half-way.
    func testSearchOnlyCopySearchesTheSameAndRefusesUpdates() throws {
        try indexCorpus()
        XCTAssertEqual(try termsearch(["compact", "--index", "idx", "--output", "full"]).status, 0)
        let refused = try termsearch(["compact", "--index", "idx", "--search-only"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("--search-only needs --output"), refused.stderr)
        let run = try termsearch(["compact", "--index", "idx", "--output", "lean", "--search-only"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let full = workDirectory.appendingPathComponent("full").path, lean = workDirectory.appendingPathComponent("lean").path
        XCTAssertFalse(FileManager.default.fileExists(atPath: lean + "/termlist.glass"))
        XCTAssertLessThan(IndexCompaction.diskUsage(lean), IndexCompaction.diskUsage(full) * 9 / 10)
        for query in ["\"aansprakelijkheid beperkt tot\"", "aansprakelijkheid NEAR/6 schade", "supplier:easycomp schade",
                      "heading:aansprakelijkheid", "title:voorwaarden betaling", "lang:en liability", "betaling termijn"] {
            let a = try termsearch(["search", "--index", "full", "--format", "json", "--facets", query])
            let b = try termsearch(["search", "--index", "lean", "--format", "json", "--facets", query])
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertEqual(b.stdout, a.stdout, query)
        }
        let show = try termsearch(["show", "--index", "lean", "easycomp-zeeland-voorwaarden#preamble"])
        XCTAssertEqual(show.status, 0, show.stderr)
        let update = try termsearch(["index", "--index", "lean", Self.corpus])
        XCTAssertNotEqual(update.status, 0)
        XCTAssertTrue(update.stderr.contains("search-only copy"), update.stderr)
        XCTAssertEqual(update.stderr.split(separator: "\n").count, 1, update.stderr)
    }
}
