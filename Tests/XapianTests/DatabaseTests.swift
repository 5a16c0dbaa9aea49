import Foundation
import Xapian
import XCTest

final class DatabaseTests: XapianTestCase {
    func testVersion() {
        XCTAssertTrue(xapianVersion.hasPrefix("1.4."), xapianVersion)
    }

    func testCreateAddCommitReopen() throws {
        let writer = try WritableDatabase(path: path("db"), mode: .create)
        let id1 = try writer.add(document("Levering van goederen", unique: "Qa"))
        let id2 = try writer.add(document("Betaling binnen dertig dagen", unique: "Qb"))
        XCTAssertEqual([id1, id2], [1, 2])
        try writer.commit()

        let reader = try Database(path: path("db"))
        XCTAssertEqual(try reader.documentCount, 2)
        XCTAssertEqual(try reader.lastDocumentID, 2)
        XCTAssertGreaterThan(try reader.averageLength, 0)
        XCTAssertEqual(try reader.document(1).data, "Levering van goederen")
        XCTAssertEqual(try reader.document(2).id, 2)
        XCTAssertTrue(try reader.termExists("betaling"))
        XCTAssertEqual(try reader.termFrequency("van"), 1)
        XCTAssertEqual(try reader.postings("qa"), [])
        XCTAssertEqual(try reader.postings("Qa"), [1])

        try writer.add(document("Derde document over levering", unique: "Qc"))
        XCTAssertFalse(try reader.reopen(), "nothing committed yet")
        try writer.commit()
        XCTAssertTrue(try reader.reopen())
        XCTAssertEqual(try reader.documentCount, 3)
        XCTAssertEqual(try reader.termFrequency("levering"), 2)
        XCTAssertEqual(try reader.collectionFrequency("levering"), 2)
        XCTAssertEqual(try reader.postings("levering"), [1, 3])
        try writer.close()
    }

    func testTermPositionsOfANewDocumentAndAddingPostingsAtThem() throws {
        let doc = Document()
        let generator = TermGenerator()
        generator.setDocument(doc)
        generator.indexText("de cliënt en de leverancier")
        doc.addBooleanTerm("XSacme")
        var seen: [String: (wdf: Int, positions: [UInt32])] = [:]
        try doc.visitTermPositions { term, wdf, positions in
            seen[String(decoding: term, as: UTF8.self)] = (wdf, Array(positions))
            return false
        }
        XCTAssertEqual(seen.keys.sorted(), ["XSacme", "cliënt", "de", "en", "leverancier"])
        XCTAssertEqual(seen["de"]?.wdf, 2)
        XCTAssertEqual(seen["de"]?.positions, [1, 4])
        XCTAssertEqual(seen["XSacme"]?.positions, [])

        // A folded variant at the original's positions: a phrase over it matches.
        doc.addPostings("client", positions: seen["cliënt"]!.positions)
        var visited = 0
        try doc.visitTermPositions { _, _, _ in visited += 1; return true }
        XCTAssertEqual(visited, 1, "returning true stops the visit")
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(doc)
        try writer.commit()
        let parser = QueryParser()
        parser.setDatabase(writer)
        let enquire = Enquire(database: writer)
        enquire.setQuery(try parser.parse("\"de client en\""))
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).count, 1)
        enquire.setQuery(try parser.parse("\"client de\""))
        XCTAssertEqual(try enquire.mset(first: 0, maxItems: 10).count, 0)
    }

    func testDocumentTermsDataAndBinaryValues() throws {
        let doc = Document()
        doc.addTerm("beta", wdfIncrement: 2)
        doc.addPosting("alpha", position: 1)
        doc.addBooleanTerm("XSacme")
        doc.addTerm("")  // ignored, Xapian rejects empty terms
        doc.setData([0, 255, 10, 0] as [UInt8])
        let sortable = Serialisation.sortable(42.5)
        doc.setValue(3, sortable)
        doc.setValue(4, "Zoë")
        XCTAssertEqual(try doc.terms, ["XSacme", "alpha", "beta"])
        XCTAssertEqual(try doc.termsWithFrequency.first { $0.term == "beta" }?.wdf, 2)

        let writer = try WritableDatabase(path: path("db"))
        let id = try writer.add(doc)
        try writer.commit()
        let stored = try writer.document(id)
        XCTAssertEqual(try stored.dataBytes, [0, 255, 10, 0])
        XCTAssertEqual(try stored.valueBytes(3), sortable)
        XCTAssertEqual(Serialisation.double(from: try stored.valueBytes(3)), 42.5)
        XCTAssertEqual(try stored.value(4), "Zoë")
        XCTAssertEqual(try stored.value(9), "")
        XCTAssertTrue(Serialisation.sortable(-1).lexicographicallyPrecedes(Serialisation.sortable(2)))
    }

    func testAllTermsWithPrefixAndEarlyStop() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("appel aardbei banaan", unique: "Q1"))
        try writer.add(document("appel citroen", unique: "Q2"))
        var seen: [String: Int] = [:]
        try writer.allTerms(prefix: "a") { seen[$0] = $1 }
        XCTAssertEqual(seen, ["aardbei": 1, "appel": 2])

        struct Stop: Error {}
        var visited = 0
        XCTAssertThrowsError(try writer.allTerms { _, _ in visited += 1; throw Stop() }) {
            XCTAssertTrue($0 is Stop)
        }
        XCTAssertEqual(visited, 1)
    }

    func testMetadata() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.setMetadata("schema", "3")
        try writer.setMetadata("source:a", "x")
        try writer.setMetadata("source:b", "y")
        try writer.commit()
        let reader = try Database(path: path("db"))
        XCTAssertEqual(try reader.metadata("schema"), "3")
        XCTAssertEqual(try reader.metadata("unset"), "")
        XCTAssertEqual(try reader.metadataKeys(prefix: "source:"), ["source:a", "source:b"])
        XCTAssertEqual(try reader.metadataKeys(), ["schema", "source:a", "source:b"])
    }

    func testReplaceByUniqueTermAndDelete() throws {
        let writer = try WritableDatabase(path: path("db"))
        let first = try writer.replace(uniqueTerm: "Qdoc1", with: document("oude tekst", unique: "Qdoc1"))
        try writer.add(document("ander document", unique: "Qdoc2"))
        let again = try writer.replace(uniqueTerm: "Qdoc1", with: document("nieuwe tekst", unique: "Qdoc1"))
        XCTAssertEqual(first, again)
        XCTAssertEqual(try writer.documentCount, 2)
        XCTAssertEqual(try writer.document(first).data, "nieuwe tekst")
        XCTAssertFalse(try writer.termExists("oude"))

        try writer.replace(first, with: document("derde versie", unique: "Qdoc1"))
        XCTAssertEqual(try writer.document(first).data, "derde versie")

        try writer.delete(term: "Qdoc2")
        XCTAssertEqual(try writer.documentCount, 1)
        try writer.delete(term: "Qnothing")  // no error for an absent term
        try writer.delete(first)
        XCTAssertEqual(try writer.documentCount, 0)
        try writer.commit()
    }

    func testTransactions() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.beginTransaction()
        try writer.add(document("weg ermee"))
        try writer.setMetadata("k", "v")
        try writer.cancelTransaction()
        XCTAssertEqual(try writer.documentCount, 0)
        XCTAssertEqual(try writer.metadata("k"), "")

        try writer.beginTransaction(flushed: false)
        try writer.add(document("blijft"))
        try writer.commitTransaction()
        try writer.commit()
        XCTAssertEqual(try Database(path: path("db")).documentCount, 1)
    }

    func testCombinedDatabases() throws {
        for (name, words) in [("a", ["alpha één", "alpha twee"]), ("b", ["beta één", "beta twee"])] {
            let writer = try WritableDatabase(path: path(name))
            for text in words { try writer.add(document(text)) }
            try writer.close()
        }
        let combined = try Database(combining: [Database(path: path("a")), Database(path: path("b"))])
        XCTAssertEqual(try combined.documentCount, 4)
        XCTAssertEqual(try combined.termFrequency("één"), 2)
        // Document ids interleave: shard a has odd ids, shard b even ones.
        XCTAssertEqual(Set(try ids(Query(term: "beta"), in: combined)), [2, 4])
        XCTAssertEqual(try combined.document(3).data, "alpha twee")

        let grown = try Database(path: path("a"))
        try grown.addDatabase(Database(path: path("b")))
        XCTAssertEqual(try grown.documentCount, 4)
    }

    func testCompactAndCheck() throws {
        let writer = try WritableDatabase(path: path("db"))
        for i in 0..<50 { try writer.add(document("document nummer \(i) over leveringsvoorwaarden")) }
        try writer.close()

        let source = try Database(path: path("db"))
        try source.compact(to: path("compact"))
        try source.compact(to: path("multi"), multipass: true)
        try source.compact(to: path("single.glass"), singleFile: true)
        for name in ["compact", "multi", "single.glass"] {
            XCTAssertEqual(try Database(path: path(name)).documentCount, 50, name)
        }

        let (errors, report) = try Database.check(path: path("compact"))
        XCTAssertEqual(errors, 0)
        XCTAssertFalse(report.isEmpty)
        XCTAssertEqual(try Database.check(path: path("db")).errors, 0)
    }

    func testStubFile() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("via een stub"))
        try writer.close()
        try "auto \(path("db"))\n".write(toFile: path("stub"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try Database(path: path("stub")).documentCount, 1)
    }
}
