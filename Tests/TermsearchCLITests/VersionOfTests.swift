import Foundation
import TestSupport
import XCTest

/// A manifest's `versionOf`: documents declared versions of each other are one version group
/// through the command line, whatever supplier their text names.
final class VersionOfTests: CLITestCase {
    /// A folder with Klantassistent's terms of 2025 and the same terms in 2026 under another name
    /// (so the supplier extracted from the text differs), and a manifest `entries` as JSON;
    /// `undated` takes the lines with dates out of both texts.
    func makeFolder(manifest entries: String, undated: Bool = false) throws -> URL {
        let folder = workDirectory.appendingPathComponent("terms")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var original = try String(contentsOfFile: Self.corpus + "/klantassistent-algemene-voorwaarden.txt", encoding: .utf8)
        if undated {
            original = original.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("Bijgewerkt") && !$0.hasPrefix("Laatst gewijzigd") }.joined(separator: "\n")
        }
        try original.write(to: folder.appendingPathComponent("klant.txt"), atomically: true, encoding: .utf8)
        try original.replacingOccurrences(of: "Klantassistent", with: "Klanthulp")
            .replacingOccurrences(of: "Klanthulp biedt een platform", with: "Klanthulp levert een platform")
            .write(to: folder.appendingPathComponent("klanthulp.txt"), atomically: true, encoding: .utf8)
        try "{\"documents\": {\(entries)}}".write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        return folder
    }

    func listing() throws -> [String: [String: Any]] {
        let run = try termsearch(["documents", "--index", "idx", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let documents = (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: documents.map { ($0["document"] as? String ?? "", $0) })
    }

    func documentsFound(_ extra: [String]) throws -> Set<String> {
        let search = try termsearch(["search", "--index", "idx", "platform klantcontact", "--format", "json"] + extra)
        XCTAssertEqual(search.status, 0, search.stderr)
        return Set(hits(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any] ?? [:])
            .compactMap { $0["document"] as? String })
    }

    func testDeclaredVersionOfAnotherSupplierIsOneGroupAndCurrentKeepsTheNewer() throws {
        let folder = try makeFolder(manifest: """
            "klant.txt": {"versionDate": "2025-04-23"},
            "klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant.txt"}
            """)
        let index = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(index.status, 0, index.stderr)
        XCTAssertFalse(index.stderr.contains("warning"), index.stderr)

        let byID = try listing()
        let old = try XCTUnwrap(byID["klant"]), new = try XCTUnwrap(byID["klanthulp"])
        XCTAssertEqual(old["supplier"] as? String, "Klantassistent", "the suppliers as read from the text differ")
        XCTAssertEqual(new["supplier"] as? String, "Klanthulp")
        XCTAssertEqual(new["versionOf"] as? String, "klant")
        XCTAssertNotNil(new["versionGroup"] as? String)
        XCTAssertEqual(new["versionGroup"] as? String, old["versionGroup"] as? String)
        XCTAssertEqual(new["current"] as? Bool, true)
        XCTAssertEqual(old["current"] as? Bool, false)
        XCTAssertEqual(new["previousVersion"] as? String, "klant")

        XCTAssertEqual(try documentsFound([]), ["klant", "klanthulp"])
        XCTAssertEqual(try documentsFound(["--current"]), ["klanthulp"])
        XCTAssertEqual(try documentsFound(["--as-of", "2025-12-31"]), ["klant"])

        let text = try termsearch(["documents", "--index", "idx"])
        XCTAssertTrue(text.stdout.contains("declared a version of klant"), text.stdout)
        let csv = try termsearch(["documents", "--index", "idx", "--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        XCTAssertEqual(rows.first?.last, "version_of")
        XCTAssertEqual(rows.first { $0.count > 1 && $0[1] == "klanthulp" }?.last, "klant")
    }

    func testVersionOfByDocumentIDWithoutDatesPutsTheDeclaredOneLast() throws {
        let folder = try makeFolder(manifest: """
            "klanthulp.txt": {"versionOf": "klant"}
            """, undated: true)
        let index = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(index.status, 0, index.stderr)
        XCTAssertFalse(index.stderr.contains("warning"), index.stderr)
        let byID = try listing()
        XCTAssertNil(byID["klant"]?["version"] as? String, "no version date")
        XCTAssertNil(byID["klanthulp"]?["version"] as? String, "no version date")
        XCTAssertEqual(byID["klanthulp"]?["versionOf"] as? String, "klant")
        XCTAssertEqual(byID["klanthulp"]?["current"] as? Bool, true)
        XCTAssertEqual(byID["klant"]?["current"] as? Bool, false)
        XCTAssertEqual(try documentsFound(["--current"]), ["klanthulp"])
        XCTAssertEqual(try documentsFound(["--as-of", "2020"]), ["klanthulp"], "without dates the latest is the one in force")
    }

    func testTheSameDateWithVersionOfMakesVersionsNotCopies() throws {
        // Both texts say 23-4-2025: without versionOf they would be two copies, not versions.
        let folder = try makeFolder(manifest: """
            "klanthulp.txt": {"versionOf": "klant.txt"}
            """)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 0)
        let byID = try listing()
        XCTAssertEqual(byID["klant"]?["version"] as? String, "2025-04-23")
        XCTAssertEqual(byID["klanthulp"]?["version"] as? String, "2025-04-23")
        XCTAssertEqual(byID["klanthulp"]?["current"] as? Bool, true)
        XCTAssertEqual(byID["klant"]?["current"] as? Bool, false)
        XCTAssertEqual(try documentsFound(["--as-of", "2025-05"]), ["klanthulp"])
    }

    func testDanglingVersionOfWarnsAndStillIndexes() throws {
        let folder = try makeFolder(manifest: """
            "klant.txt": {"versionDate": "2025-04-23"},
            "klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant-2019.txt"}
            """)
        let index = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(index.status, 0, index.stderr)
        let warnings = index.stderr.split(separator: "\n").filter { $0.contains("warning") }
        XCTAssertEqual(warnings.count, 1, index.stderr)
        let warning = String(warnings.first ?? "")
        XCTAssertTrue(warning.contains(folder.appendingPathComponent("manifest.json").path), warning)
        XCTAssertTrue(warning.contains("klanthulp.txt"), warning)
        XCTAssertTrue(warning.contains("klant-2019.txt"), warning)
        XCTAssertTrue(index.stdout.contains("2 added"), index.stdout)

        let byID = try listing()
        XCTAssertNil(byID["klanthulp"]?["versionOf"] as? String)
        XCTAssertNil(byID["klanthulp"]?["versionGroup"] as? String)
        XCTAssertEqual(try documentsFound(["--current"]), ["klant", "klanthulp"])

        let json = try termsearch(["index", "--index", "idx", "--format", "json", folder.path])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((report["warnings"] as? [[String: Any]])?.count, 1, "warned again while the manifest is wrong")
    }

    func testDeclarationsAreReadFromAnIndexServedOverTCP() throws {
        let folder = try makeFolder(manifest: """
            "klant.txt": {"versionDate": "2025-04-23"},
            "klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant.txt"}
            """)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 0)
        let server = try XapianTCPServer(serving: workDirectory.appendingPathComponent("idx").path)
        defer { server.stop() }
        let search = try termsearch(["search", "--index", "tcp://127.0.0.1:\(server.port)", "platform klantcontact", "--format", "json", "--current"])
        XCTAssertEqual(search.status, 0, search.stderr)
        let found = Set(hits(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any] ?? [:])
            .compactMap { $0["document"] as? String })
        XCTAssertEqual(found, ["klanthulp"])
    }

    func testCorrectingTheManifestNeedsNoForce() throws {
        let folder = try makeFolder(manifest: """
            "klant.txt": {"versionDate": "2025-04-23"},
            "klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant-2019.txt"}
            """)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 0)
        try """
            {"documents": {"klant.txt": {"versionDate": "2025-04-23"},
                           "klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant.txt"}}}
            """.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let again = try termsearch(["index", "--index", "idx", folder.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("2 unchanged"), again.stdout)
        XCTAssertEqual(try listing()["klanthulp"]?["versionOf"] as? String, "klant")
        XCTAssertEqual(try documentsFound(["--current"]), ["klanthulp"])
    }
}
