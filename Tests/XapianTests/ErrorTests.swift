import Foundation
import TestSupport
import Xapian
import XCTest

final class ErrorTests: XapianTestCase {
    func testMissingDatabaseIsNotFound() {
        let error = assertXapianError(.notFound) { try Database(path: path("missing")) }
        XCTAssertEqual(error?.type, "DatabaseNotFoundError")
        XCTAssertTrue(error?.description.hasPrefix("DatabaseNotFoundError: ") ?? false)
        assertXapianError(.notFound) { try WritableDatabase(path: path("missing"), mode: .open) }
    }

    func testEmptyDirectoryIsNotFound() throws {
        try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: false)
        let error = assertXapianError(.notFound) { try Database(path: path("empty")) }
        XCTAssertEqual(error?.message, "Couldn't detect type of database")
    }

    func testFileThatIsNoDatabaseIsOpeningError() throws {
        try "not a database\n".write(toFile: path("garbage"), atomically: true, encoding: .utf8)
        let error = assertXapianError(.opening) { try Database(path: path("garbage")) }
        XCTAssertEqual(error?.type, "DatabaseOpeningError")
    }

    func testCreateOverExistingFails() throws {
        try WritableDatabase(path: path("db")).close()
        let error = assertXapianError(.database) { try WritableDatabase(path: path("db"), mode: .create) }
        XCTAssertEqual(error?.type, "DatabaseCreateError")
        XCTAssertEqual(try WritableDatabase(path: path("db"), mode: .overwrite).documentCount, 0)
    }

    func testSecondWriterIsLocked() throws {
        let first = try WritableDatabase(path: path("db"))
        let error = assertXapianError(.lock) { try WritableDatabase(path: path("db")) }
        XCTAssertEqual(error?.type, "DatabaseLockError")
        try first.close()
        XCTAssertNoThrow(try WritableDatabase(path: path("db")).close())
    }

    func testMalformedQueryIsQueryParserError() {
        let parser = QueryParser()
        let error = assertXapianError(.queryParser) { try parser.parse("voorwaarden AND") }
        XCTAssertEqual(error?.type, "QueryParserError")
        XCTAssertEqual(error?.message, "Syntax: <expression> AND <expression>")
    }

    func testMissingDocumentIsDocNotFound() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("een"))
        assertXapianError(.docNotFound) { try writer.document(99) }
        assertXapianError(.docNotFound) { try writer.delete(99) }
    }

    func testInvalidArguments() throws {
        let writer = try WritableDatabase(path: path("db"))
        assertXapianError(.invalidArgument) { try writer.document(0) }
        let error = assertXapianError(.invalidArgument) { try Stem(language: "klingon") }
        XCTAssertEqual(error?.type, "InvalidArgumentError")
        let long = Document()
        long.addTerm(String(repeating: "x", count: 300))
        assertXapianError(.invalidArgument) { try writer.add(long) }
    }

    func testTransactionMisuseIsInvalidOperation() throws {
        let writer = try WritableDatabase(path: path("db"))
        assertXapianError(.invalidOperation) { try writer.commitTransaction() }
        try writer.beginTransaction()
        assertXapianError(.invalidOperation) { try writer.beginTransaction() }
        try writer.cancelTransaction()
    }

    func testClosedDatabaseIsDatabaseError() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("een"))
        try writer.close()
        let error = assertXapianError(.database) { try writer.postings("een") }
        XCTAssertEqual(error?.type, "DatabaseClosedError")
        XCTAssertEqual(try Database(path: path("db")).documentCount, 1, "close() committed")
    }

    func testOverwrittenRevisionIsModified() throws {
        let writer = try WritableDatabase(path: path("db"))
        let filler = String(repeating: "x", count: 200)
        for i in 0..<2000 { try writer.add(document("term\(i) gemeenschappelijk \(filler)")) }
        try writer.commit()
        let reader = try Database(path: path("db"))
        // Later commits free the blocks of the reader's revision, and then reuse them.
        for round in 0..<3 {
            for i in 0..<2000 {
                try writer.replace(DocumentID(i + 1), with: document("ronde\(round) nieuw\(i) \(filler)"))
            }
            try writer.commit()
        }
        let error = assertXapianError(.modified) {
            try reader.allTerms { _, _ in }
            for i in 1...2000 { _ = try reader.document(DocumentID(i)).readData() }
            return try reader.postings("gemeenschappelijk")
        }
        XCTAssertEqual(error?.type, "DatabaseModifiedError")
        XCTAssertTrue(try reader.reopen())
        XCTAssertEqual(try reader.postings("gemeenschappelijk"), [])
    }

    func testConnectionRefusedIsNetworkError() throws {
        let port = try XapianTCPServer.freePort()
        let error = assertXapianError(.network) {
            try Database(remoteHost: "127.0.0.1", port: port, timeout: 1, connectTimeout: 1)
        }
        XCTAssertEqual(error?.type, "NetworkError")
    }
}
