import Foundation
import XCTest

/// Re-running `termsearch index` does only the work that changed on disk.
final class IndexIncrementalTests: CLITestCase {
    func summary(_ run: Run) throws -> [String: Any] {
        XCTAssertTrue([0, 1].contains(run.status), run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
    }

    func index(_ folder: URL, _ extra: [String] = []) throws -> [String: Any] {
        try summary(try termsearch(["index", "--index", "idx", "--format", "json"] + extra + [folder.path]))
    }

    func testUnchangedCorpusIsNotReindexed() throws {
        let folder = try makeFolder()
        let first = try index(folder)
        let files = first["files"] as? Int ?? 0
        XCTAssertGreaterThan(files, 2)
        XCTAssertEqual(first["added"] as? Int, files)
        let second = try index(folder)
        XCTAssertEqual(second["unchanged"] as? Int, files)
        XCTAssertEqual(second["added"] as? Int, 0)
        XCTAssertEqual(second["clauses"] as? Int, 0)
        XCTAssertEqual(second["batches"] as? Int, 0, "nothing written")

        // Touching a file (new time, same contents) is confirmed unchanged by its hash.
        let some = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path)?.allObjects.compactMap { $0 as? String }.first { $0.hasSuffix(".txt") })
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: folder.path + "/" + some)
        let third = try index(folder)
        XCTAssertEqual(third["unchanged"] as? Int, files)
        XCTAssertEqual(third["clauses"] as? Int, 0)
    }

    func testChangedFilesAreReplacedNewAddedGoneRemoved() throws {
        let folder = try makeFolder()
        let first = try index(folder)
        let files = first["files"] as! Int
        let klant = folder.appendingPathComponent("klantassistent-algemene-voorwaarden.txt")
        let original = try String(contentsOf: klant, encoding: .utf8)
        try (original.replacingOccurrences(of: "aansprakelijkheid beperkt tot", with: "aansprakelijkheid begrensd tot"))
            .write(to: klant, atomically: true, encoding: .utf8)
        try original.write(to: folder.appendingPathComponent("sub/nieuw-leverancier.txt"), atomically: true, encoding: .utf8)
        let gone = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/sub").first { $0 != "nieuw-leverancier.txt" })
        try FileManager.default.removeItem(atPath: folder.path + "/sub/" + gone)

        let second = try index(folder)
        XCTAssertEqual(second["updated"] as? Int, 1)
        XCTAssertEqual(second["added"] as? Int, 1)
        XCTAssertEqual(second["removed"] as? Int, 1)
        XCTAssertEqual(second["unchanged"] as? Int, files - 2)

        let old = try termsearch(["search", "--index", "idx", "--format", "json", "\"aansprakelijkheid beperkt tot\""])
        let hits = (try JSONSerialization.jsonObject(with: Data(old.stdout.utf8)) as! [String: Any])["hits"] as! [[String: Any]]
        XCTAssertEqual(hits.map { $0["document"] as! String }, ["sub/nieuw-leverancier"], "the edited file lost the phrase, the new one has it")
        let edited = try termsearch(["search", "--index", "idx", "\"aansprakelijkheid begrensd tot\""])
        XCTAssertTrue(edited.stdout.contains("klantassistent-algemene-voorwaarden#14.1"), edited.stdout)
        let removed = try termsearch(["search", "--index", "idx", "--format", "json", "document:sub/" + (gone as NSString).deletingPathExtension])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(removed.stdout.utf8)) as! [String: Any])["total"] as? Int, 0)
    }

    func testNoPruneKeepsDocumentsOfDeletedFiles() throws {
        let folder = try makeFolder()
        _ = try index(folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("klantassistent-algemene-voorwaarden.txt"))
        let kept = try index(folder, ["--no-prune"])
        XCTAssertEqual(kept["removed"] as? Int, 0)
        XCTAssertTrue(try termsearch(["search", "--index", "idx", "\"aansprakelijkheid beperkt tot\""]).stdout.contains("14.1"))
        let pruned = try index(folder)
        XCTAssertEqual(pruned["removed"] as? Int, 1)
        XCTAssertEqual(try termsearch(["search", "--index", "idx", "\"aansprakelijkheid beperkt tot\""]).stdout.hasPrefix("0 matching"), true)
    }

    func testFailedFileIsRememberedAndRetriedWhenItChanges() throws {
        let folder = try makeFolder()
        let bad = folder.appendingPathComponent("kapot.txt")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) }).write(to: bad)
        let first = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(first.status, 1)
        XCTAssertTrue(first.stderr.contains("kapot.txt"), first.stderr)

        let second = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(second.status, 0, "nothing failed in this run: \(second.stderr)")
        XCTAssertTrue(second.stdout.contains("1 failed earlier and unchanged, skipped"), second.stdout)
        XCTAssertTrue(second.stderr.isEmpty, second.stderr)

        let forced = try termsearch(["index", "--index", "idx", "--retry-failed", folder.path])
        XCTAssertEqual(forced.status, 1)
        XCTAssertTrue(forced.stderr.contains("kapot.txt"), forced.stderr)

        try "Artikel 1 Toepasselijkheid\n1.1 Deze voorwaarden zijn van toepassing op elke kapotte offerte.\n".write(to: bad, atomically: true, encoding: .utf8)
        let fixed = try summary(try termsearch(["index", "--index", "idx", "--format", "json", folder.path]))
        XCTAssertEqual(fixed["added"] as? Int, 1)
        XCTAssertEqual((fixed["failed"] as? [Any])?.count, 0)
        XCTAssertTrue(try termsearch(["search", "--index", "idx", "kapotte"]).stdout.contains("kapot#"))
    }

    func testPipedOutputIsOnlyTheSummary() throws {
        let folder = try makeFolder()
        let run = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.isEmpty, "no progress bar when piped: \(run.stderr)")
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 1, run.stdout)
    }
}
