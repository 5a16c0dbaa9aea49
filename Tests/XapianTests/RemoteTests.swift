import Foundation
import Xapian
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Searches a database served by a real `xapian-tcpsrv` on 127.0.0.1.
final class RemoteTests: XapianTestCase {
    private var server: Process?

    override func tearDownWithError() throws {
        if let server, server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
        try super.tearDownWithError()
    }

    /// A TCP port that was free a moment ago (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw XCTSkip("no sockets") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw XCTSkip("cannot bind a local port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func tcpsrvPath() -> String? {
        ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testRemoteSearch() throws {
        guard let tcpsrv = Self.tcpsrvPath() else { throw XCTSkip("xapian-tcpsrv is not installed") }
        let writer = try WritableDatabase(path: path("db"))
        try writer.add(document("leveringsvoorwaarden op afstand", values: [0: "acme"]))
        try writer.add(document("betaling op afstand", values: [0: "globex"]))
        try writer.setMetadata("schema", "1")
        try writer.close()

        let port = try Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tcpsrv)
        process.arguments = ["--interface", "127.0.0.1", "--port", String(port), "--quiet", path("db")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        server = process

        // Wait until the server accepts: retry opening for up to ten seconds.
        var remote: Database?
        for _ in 0..<100 where remote == nil {
            remote = try? Database(remoteHost: "127.0.0.1", port: port, timeout: 5, connectTimeout: 1)
            if remote == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let database = try XCTUnwrap(remote, "xapian-tcpsrv did not accept connections")

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
