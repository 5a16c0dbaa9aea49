import Foundation
import Xapian
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A real `xapian-tcpsrv` serving one database on 127.0.0.1 for a test; stopped in `stop()` or
/// when released.
public final class XapianTCPServer {
    /// The port it listens on.
    public let port: Int
    private let process: Process

    /// Starts a server for the database at `path` on a free loopback port and waits (up to ten
    /// seconds) until it accepts; throws `XCTSkip` when xapian-tcpsrv is not installed.
    public init(serving path: String) throws {
        guard let binary = ["/usr/bin/xapian-tcpsrv", "/usr/local/bin/xapian-tcpsrv"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw XCTSkip("xapian-tcpsrv is not installed") }
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--interface", "127.0.0.1", "--port", String(port), "--quiet", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if (try? Database(remoteHost: "127.0.0.1", port: port, timeout: 5, connectTimeout: 1)) != nil { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        XCTFail("xapian-tcpsrv did not accept connections within 10 s")
    }

    deinit { stop() }

    /// Stops the server (again is harmless).
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// A TCP port that was free a moment ago (bound to port 0, then released).
    public static func freePort() throws -> Int {
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
}
