import Foundation
import XCTest

/// `termsearch documents`: what was read from every file, and which files failed.
final class DocumentsCommandTests: CLITestCase {
    /// A folder with two seed documents and a file that is not a PDF.
    private func folderWithAFailure() throws -> URL {
        let folder = workDirectory.appendingPathComponent("terms")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["klantassistent-algemene-voorwaarden.txt", "easycomp-zeeland-voorwaarden.txt"] {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.corpus).appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        try Data("not a pdf at all".utf8).write(to: folder.appendingPathComponent("broken.pdf"))
        return folder
    }

    func testJSONListsEveryDocumentWithItsMetadataAndTheFailedFile() throws {
        let folder = try folderWithAFailure()
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 1, "one file failed")
        let run = try termsearch(["documents", "--index", "idx", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let documents = try XCTUnwrap(object["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["document"] as? String },
                       ["easycomp-zeeland-voorwaarden", "klantassistent-algemene-voorwaarden"], "sorted by supplier")
        let klant = documents[1]
        XCTAssertEqual(klant["supplier"] as? String, "Klantassistent")
        XCTAssertEqual(klant["version"] as? String, "2025-04-23")
        XCTAssertEqual(klant["kind"] as? String, "general-terms-b2b")
        XCTAssertEqual(klant["languages"] as? [String], ["nl"])
        XCTAssertEqual(documents[0]["languages"] as? [String], ["nl", "en"], "EasyComp has an English module")
        // The clause count is the number of clauses a search can return for the document.
        let search = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", "1",
                                     "document:klantassistent-algemene-voorwaarden"])
        let total = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])["total"]
        XCTAssertEqual(klant["clauses"] as? Int, total as? Int)
        XCTAssertNil(klant["pages"], "a text file has no pages")
        let failed = try XCTUnwrap(object["failed"] as? [[String: Any]])
        XCTAssertEqual(failed.count, 1)
        XCTAssertTrue((failed[0]["path"] as? String)?.hasSuffix("broken.pdf") ?? false)
        XCTAssertTrue((failed[0]["reason"] as? String)?.contains("%PDF") ?? false, "\(failed)")
    }

    func testTextAndCSVNameTheFailedFileAndItsReason() throws {
        let folder = try folderWithAFailure()
        _ = try termsearch(["index", "--index", "idx", folder.path])
        let text = try termsearch(["documents", "--index", "idx"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Klantassistent — Algemene voorwaarden"), text.stdout)
        XCTAssertTrue(text.stdout.contains("version 2025-04-23"), text.stdout)
        XCTAssertTrue(text.stdout.contains("2 documents,"), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 file failed:\n  \(folder.path)/broken.pdf: "), text.stdout)
        let csv = try termsearch(["documents", "--index", "idx", "--format", "csv"])
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 4, csv.stdout)
        XCTAssertTrue(rows[0].hasPrefix("status,document,supplier,title,version"), rows[0])
        XCTAssertTrue(rows[3].hasPrefix("failed,"), rows[3])
    }

    func testAShardedIndexListsTheFailuresOfEveryShard() throws {
        let folder = try folderWithAFailure()
        try Data("also not a pdf".utf8).write(to: folder.appendingPathComponent("other.pdf"))
        _ = try termsearch(["index", "--index", "idx", "--shards", "3", folder.path])
        let run = try termsearch(["documents", "--index", "idx", "--format", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["documents"] as? [Any])?.count, 2)
        XCTAssertEqual((object["failed"] as? [[String: Any]])?.compactMap { ($0["path"] as? String)?.split(separator: "/").last },
                       ["broken.pdf", "other.pdf"])
    }

    func testAnEmptyOrMissingIndexIsReported() throws {
        let run = try termsearch(["documents", "--index", "nowhere"])
        XCTAssertEqual(run.status, 3)
        XCTAssertTrue(run.stderr.contains("no index at nowhere"), run.stderr)
    }
}
