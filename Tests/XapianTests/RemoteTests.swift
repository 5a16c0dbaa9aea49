import Foundation
import TestSupport
import Xapian
import XCTest

/// Searches a database served by a real `xapian-tcpsrv` on 127.0.0.1.
final class RemoteTests: XapianTestCase {
    private var server: XapianTCPServer?

    override func tearDownWithError() throws {
        server?.stop()
        try super.tearDownWithError()
    }

    func testRemoteSearch() throws {
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("leveringsvoorwaarden op afstand", values: [0: "acme"]))
        try writer.add(document("betaling op afstand", values: [0: "globex"]))
        try writer.setMetadata("schema", "1")
        try writer.close()

        let server = try XapianTCPServer(serving: path("db"))
        self.server = server
        let database = try Database(remoteHost: "127.0.0.1", port: server.port, timeout: 5, connectTimeout: 1)

        XCTAssertEqual(try database.documentCount, 2)
        XCTAssertEqual(try database.metadata("schema"), "1")
        let enquire = Enquire(database: database)
        enquire.setQuery(try QueryParser().parse("afstand"))
        let spy = ValueCountMatchSpy(slot: 0)
        enquire.addMatchSpy(spy)
        let mset = try enquire.mset(first: 0, maxItems: 10)
        XCTAssertEqual(Set(mset.map(\.id)), [1, 2])
        XCTAssertEqual(try mset[0].document().data.hasSuffix("op afstand"), true)
        XCTAssertEqual(spy.total, 2)

        // A remote shard combines with a local one.
        let local = try WritableDatabase(path: path("local"))
        try local.add(document("lokaal op afstand"))
        try local.commit()
        let combined = try Database(combining: [database, local])
        XCTAssertEqual(try ids(Query(term: "afstand"), in: combined).count, 3)
    }
}
