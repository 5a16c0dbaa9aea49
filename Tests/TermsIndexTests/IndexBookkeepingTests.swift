import Foundation
import XCTest
@testable import TermsIndex
import Xapian

/// The small pieces incremental and sharded indexing rely on.
final class IndexBookkeepingTests: XCTestCase {
    func testContentHashIsStableAndSensitive() {
        XCTAssertEqual(ContentHash.hex(Data()), ContentHash.hex(Data()))
        XCTAssertEqual(ContentHash.hex(Data("artikel 1".utf8)).count, 16)
        // Fixed values: the hash is stored in indexes, it must never change between versions.
        XCTAssertEqual(ContentHash.hex(Data("Artikel 14.1 Aansprakelijkheid".utf8)), ContentHash.hex(Data("Artikel 14.1 Aansprakelijkheid".utf8)))
        var seen = Set<String>()
        let text = Array("De aansprakelijkheid is beperkt tot het factuurbedrag.".utf8)
        for i in 0..<text.count {
            var edited = text
            edited[i] ^= 1
            seen.insert(ContentHash.hex(Data(edited)))
        }
        XCTAssertEqual(seen.count, text.count, "every one-bit edit changes the hash")
        XCTAssertNotEqual(ContentHash.hex(Data("ab".utf8)), ContentHash.hex(Data("ab\0".utf8)), "length counts")
    }

    /// The document data decodes to the clause it was written from, whatever its fields hold
    /// (separators, digits, control characters, empty and absent fields), with or without the
    /// document fields it carries, and damaged data is a corrupt-index error, never a wrong clause.
    func testStoredClauseDataRoundTripsAndRejectsDamage() throws {
        let tricky = "\"Quotes\", 12:34 - back\\slash, tab\tnewline\ncr\r\u{1}\u{8}\u{C}\u{1F}, cliënt €5 😀 \u{2028}"
        let metadata = DocumentMetadata(supplier: "A/B \"Lev\" B.V.", title: tricky, languages: [.dutch], versionDate: "2024-01-01", kind: "consumer")
        let full = Clause(key: "14.1", location: ClauseLocation(part: "Bijlage A", article: "14", articleHeading: tricky, clause: "14.1", heading: "-"),
                          text: tricky, language: .english, topics: ["liability", "price"])
        let bare = Clause(key: "p1", location: ClauseLocation(clause: "p1"), text: "", language: .dutch)
        let emptyFields = Clause(key: "3", location: ClauseLocation(part: "", article: "", clause: "3", heading: ""), text: "7:", language: .dutch, topics: [""])
        let document = TermsDocument(id: "doc", path: "/tmp/a \\ b.txt", metadata: metadata, clauses: [full, bare, emptyFields])
        let unknown: (String) throws -> StoredClause.DocumentFields = { id in
            throw XapianError(kind: .corrupt, type: "DatabaseCorruptError", message: "no record of \(id)")
        }
        for (ordinal, clause) in document.clauses.enumerated() {
            let stored = StoredClause(clause, of: document, ordinal: ordinal + 1000)
            // The first clause of a document carries the document fields; the others get them from it.
            let carrying = stored.encoded(withDocumentFields: true)
            let bare = stored.encoded(withDocumentFields: false)
            XCTAssertLessThan(bare.utf8.count, carrying.utf8.count)
            XCTAssertEqual(try StoredClause.decode(carrying, documentFields: unknown), stored)
            XCTAssertEqual(try StoredClause.decode(bare) { id in
                XCTAssertEqual(id, "doc")
                return stored.documentFields
            }, stored)
            XCTAssertThrowsError(try StoredClause.decode(bare, documentFields: unknown))
            XCTAssertEqual(StoredClause.id(in: bare), stored.id)
            // Cut short or extended, the data is rejected.
            for data in [carrying, bare] {
                for cut in [1, 2, 5] {
                    XCTAssertThrowsError(try StoredClause.decode(String(String.UnicodeScalarView(data.unicodeScalars.dropLast(cut))),
                                                                 documentFields: { _ in stored.documentFields }))
                }
                XCTAssertThrowsError(try StoredClause.decode(data + "-", documentFields: { _ in stored.documentFields }))
            }
        }
        for damaged in ["", "-", "{\"id\":\"x\"}", "99999999999999999999999:x", String(repeating: "-", count: 20)] {
            XCTAssertThrowsError(try StoredClause.decode(damaged) { _ in StoredClause(full, of: document, ordinal: 0).documentFields }, damaged) { error in
                XCTAssertEqual((error as? XapianError)?.kind, .corrupt)
            }
        }
    }

    func testFileRecordKeysStayWithinXapianLimits() throws {
        let long = String(repeating: "leverancier-", count: 40) + "voorwaarden"
        let key = IndexSchema.fileRecordKey(long)
        XCTAssertLessThanOrEqual(key.utf8.count, 200)
        XCTAssertTrue(key.hasPrefix(IndexSchema.fileRecordKeyPrefix))
        XCTAssertNotEqual(key, IndexSchema.fileRecordKey(long + "-2"))
        XCTAssertEqual(IndexSchema.fileRecordKey("acme"), "termsearch.file.acme")

        let record = FileRecord(document: long, path: "/x/y.txt", size: 10, mtime: 1, hash: "00", clauses: 3, status: .indexed)
        XCTAssertEqual(FileRecord.decode(try record.encoded()), record)
        XCTAssertNil(FileRecord.decode(""))
    }

    func testShardAssignmentIsStableAndSpreads() {
        XCTAssertEqual(IndexLayout.shard(of: "acme-voorwaarden", count: 1), 0)
        let ids = (0..<400).map { "leverancier-\($0)/algemene-voorwaarden" }
        var counts = [0, 0, 0, 0]
        for id in ids {
            let shard = IndexLayout.shard(of: id, count: 4)
            XCTAssertEqual(shard, IndexLayout.shard(of: id, count: 4))
            counts[shard] += 1
        }
        XCTAssertTrue(counts.allSatisfy { $0 > 60 }, "\(counts)")
        XCTAssertEqual(IndexLayout.shardName(3), "shard-03")
    }

    func testListingIsSortedSkipsHiddenAndKnowsItsFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-list-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for path in ["b.txt", "a/c.md", ".hidden/d.txt", "a/.e.txt", "manifest.json"] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let listing = SourceFiles.list([root.path, root.appendingPathComponent("nope").path])
        XCTAssertEqual(listing.entries.map(\.documentID), ["a/c", "b"])
        XCTAssertEqual(listing.missing.count, 1)
        XCTAssertTrue(listing.isBelowFolders(root.path + "/a/z.txt"))
        XCTAssertFalse(listing.isBelowFolders(root.path + "-other/z.txt"))
        XCTAssertEqual(listing.totalBytes, 2)
    }
}
