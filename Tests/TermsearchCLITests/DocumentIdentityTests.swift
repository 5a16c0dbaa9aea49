import Foundation
import XCTest

/// Files of the same name in different folders each keep their own document, whatever is indexed
/// together, alone, renamed or deleted.
final class DocumentIdentityTests: CLITestCase {
    /// Writes `text` to `relativePath` below the work directory.
    func write(_ relativePath: String, _ text: String) throws {
        let url = workDirectory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func terms(_ supplier: String, _ word: String) -> String {
        "Algemene voorwaarden \(supplier)\n\nArtikel 1 Toepasselijkheid\n1.1 Deze voorwaarden van \(supplier) gelden voor elke \(word).\n\nArtikel 2 Betaling\n2.1 Betaling geschiedt binnen dertig dagen na de \(word).\n"
    }

    func index(_ paths: [String], _ extra: [String] = []) throws -> [String: Any] {
        let run = try termsearch(["index", "--index", "idx", "--format", "json"] + extra + paths.map { workDirectory.appendingPathComponent($0).path })
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
    }

    /// Documents of the index with the paths their records name.
    func documents() throws -> [String: String] {
        var out: [String: String] = [:]
        for record in try assertConsistent(workDirectory.appendingPathComponent("idx").path) where record["status"] as? String == "indexed" {
            out[record["document"] as! String] = (record["path"] as! String).replacingOccurrences(of: workDirectory.path + "/", with: "")
        }
        return out
    }

    func hits(_ query: String) throws -> [String] {
        let run = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", "50", query])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return ((object["hits"] as? [[String: Any]]) ?? []).map { $0["document"] as! String }.sorted()
    }

    func testSameNameInTwoFoldersKeepsBothAndEachReindexAloneTouchesOnlyItsOwn() throws {
        try write("a/terms.txt", terms("Alfa", "bestelling"))
        try write("b/terms.txt", terms("Bravo", "opdracht"))
        let first = try index(["a", "b"])
        XCTAssertEqual(first["added"] as? Int, 2)
        XCTAssertEqual(try documents(), ["terms": "a/terms.txt", "b/terms": "b/terms.txt"])

        // Indexing each folder alone changes nothing: neither replaces nor prunes the other.
        for folder in ["a", "b"] {
            let again = try index([folder])
            XCTAssertEqual(again["unchanged"] as? Int, 1)
            XCTAssertEqual(again["updated"] as? Int, 0)
            XCTAssertEqual(again["removed"] as? Int, 0)
        }
        XCTAssertEqual(try documents().count, 2)
        XCTAssertEqual(try hits("bestelling"), ["terms", "terms"], "Alfa's two clauses")
        XCTAssertEqual(try hits("opdracht"), ["b/terms", "b/terms"], "Bravo's two clauses")

        // A change in b updates b's document only.
        try write("b/terms.txt", terms("Bravo", "levering"))
        let changed = try index(["b"])
        XCTAssertEqual(changed["updated"] as? Int, 1)
        XCTAssertEqual(try hits("opdracht"), [])
        XCTAssertEqual(try hits("levering"), ["b/terms", "b/terms"])
        XCTAssertEqual(try hits("bestelling"), ["terms", "terms"])
    }

    func testNestedFoldersWithTheSameNames() throws {
        try write("x/terms.txt", terms("Een", "bestelling"))
        try write("x/sub/terms.txt", terms("Twee", "opdracht"))
        try write("y/sub/terms.txt", terms("Drie", "levering"))
        _ = try index(["x", "y"])
        XCTAssertEqual(try documents(), ["terms": "x/terms.txt", "sub/terms": "x/sub/terms.txt", "y/sub/terms": "y/sub/terms.txt"])
        // The ids stay when the folders are indexed again, in the other order.
        let again = try index(["y", "x"])
        XCTAssertEqual(again["unchanged"] as? Int, 3)
        XCTAssertEqual(try documents(), ["terms": "x/terms.txt", "sub/terms": "x/sub/terms.txt", "y/sub/terms": "y/sub/terms.txt"])
    }

    func testRenamedFolderAndPruneAfterDelete() throws {
        try write("a/terms.txt", terms("Alfa", "bestelling"))
        try write("a/extra.txt", terms("Alfa", "aanbieding"))
        try write("b/terms.txt", terms("Bravo", "opdracht"))
        _ = try index(["a", "b"])

        // Deleting a file of a removes its document when a is indexed, and never touches b.
        try FileManager.default.removeItem(at: workDirectory.appendingPathComponent("a/extra.txt"))
        let pruned = try index(["a"])
        XCTAssertEqual(pruned["removed"] as? Int, 1)
        XCTAssertEqual(try documents(), ["terms": "a/terms.txt", "b/terms": "b/terms.txt"])

        // Renaming b to c: its file is a new file with its own id; b's record is left alone (b is
        // not being indexed) and a's document is untouched.
        try FileManager.default.moveItem(at: workDirectory.appendingPathComponent("b"), to: workDirectory.appendingPathComponent("c"))
        let renamed = try index(["c"])
        XCTAssertEqual(renamed["added"] as? Int, 1)
        XCTAssertEqual(renamed["removed"] as? Int, 0)
        XCTAssertEqual(try documents(), ["terms": "a/terms.txt", "b/terms": "b/terms.txt", "c/terms": "c/terms.txt"])
        XCTAssertEqual(try hits("bestelling"), ["terms", "terms"])
    }

    func testIdsSurviveMovingTheIndex() throws {
        try write("a/terms.txt", terms("Alfa", "bestelling"))
        try write("b/terms.txt", terms("Bravo", "opdracht"))
        _ = try index(["a", "b"])
        try FileManager.default.moveItem(at: workDirectory.appendingPathComponent("idx"), to: workDirectory.appendingPathComponent("moved"))
        try FileManager.default.moveItem(at: workDirectory.appendingPathComponent("moved"), to: workDirectory.appendingPathComponent("idx"))
        let again = try index(["b", "a"])
        XCTAssertEqual(again["unchanged"] as? Int, 2)
        XCTAssertEqual(try documents(), ["terms": "a/terms.txt", "b/terms": "b/terms.txt"])
    }
}
