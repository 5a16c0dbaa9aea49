import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A running `termsearch serve` (the real executable, on a free port) over an index of the bundled
/// corpus plus a hostile document, shared by the tests of one class and removed afterwards.
class ServerTestCase: XCTestCase {
    /// The folder of the class's files: `terms/` (the indexed documents) and `idx/` (the index).
    static var folder: URL!
    static var server: ServerProcess?
    static var setupError: String?

    /// The hostile document: clause text with markup that must show as text.
    static let hostileName = "xss-test-voorwaarden.txt"
    static let hostileText = """
        Algemene voorwaarden XSS Proef B.V.

        Artikel 1 Toepasselijkheid
        1.1 Deze voorwaarden gelden voor <script>document.title='pwned'</script> alle leveringen van XSS Proef en de zeldzaamheidsproef.
        1.2 Onze aansprakelijkheid <img src=x onerror="document.title='pwned'"> is beperkt tot het factuurbedrag & "niet meer" bij de zeldzaamheidsproef.

        Artikel 2 Betaling
        2.1 Betaling geschiedt binnen dertig dagen na factuurdatum.

        """

    var port: Int { Self.server!.port }

    override class func setUp() {
        super.setUp()
        do {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-web-\(UUID().uuidString)")
            let terms = folder.appendingPathComponent("terms")
            try FileManager.default.createDirectory(at: terms, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: TestMaterial.corpus.path) where !file.hasPrefix(".") {
                try FileManager.default.copyItem(at: TestMaterial.corpus.appendingPathComponent(file), to: terms.appendingPathComponent(file))
            }
            try Data(hostileText.utf8).write(to: terms.appendingPathComponent(hostileName))
            try Data("not a pdf at all".utf8).write(to: terms.appendingPathComponent("broken.pdf"))
            try addDocuments(to: terms)
            let run = try runTermsearch(["index", "--index", "idx", terms.path])
            guard run.status == 1 else { setupError = "index exit \(run.status): \(run.stderr)"; return }
            server = try ServerProcess(arguments: ["serve", "--index", "idx", "--port", "0"], in: folder)
        } catch {
            setupError = "\(error)"
        }
    }

    /// More documents for a subclass's index, written into `terms` (which holds the corpus and its manifest) before indexing.
    class func addDocuments(to terms: URL) throws {}

    override class func tearDown() {
        server?.stop()
        server = nil
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    override func setUpWithError() throws {
        if let error = Self.setupError { XCTFail("server setup failed: \(error)") ; throw XCTSkip(error) }
        XCTAssertTrue(Self.server?.isRunning ?? false, "the server is running")
    }

    // MARK: The CLI

    /// The built executable, beside the test bundle.
    static var executable: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("termsearch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("termsearch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("termsearch executable not found near \(Bundle.main.bundleURL.path)")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs termsearch with `arguments` in the class's folder.
    @discardableResult
    static func runTermsearch(_ arguments: [String], in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TERMSEARCH_INDEX")
        process.environment = env
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ts-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("ts-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    func termsearch(_ arguments: [String]) throws -> Run { try Self.runTermsearch(arguments) }

    /// The JSON a CLI command prints, parsed.
    func cliJSON(_ arguments: [String]) throws -> Any {
        let run = try termsearch(arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    // MARK: HTTP

    func get(_ target: String) throws -> HTTPAnswer { try HTTPAnswer.request(port: port, method: "GET", target: target) }

    /// The JSON of `GET target`, which must answer `status`.
    func getJSON(_ target: String, status: Int = 200, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        let answer = try get(target)
        XCTAssertEqual(answer.status, status, "\(target): \(answer.text.prefix(300))", file: file, line: line)
        XCTAssertTrue(answer.header("content-type")?.hasPrefix("application/json") ?? false, target, file: file, line: line)
        return try JSONSerialization.jsonObject(with: answer.body)
    }

    /// `s` percent-encoded for a query component.
    func q(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed)!
    }
}

/// `termsearch serve` running as a child process; its port read from the URL it prints.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let output: URL

    init(arguments: [String], in directory: URL) throws {
        output = directory.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = ServerTestCase.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while Date() < deadline, process.isRunning {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
                break
            }
            usleep(50_000)
        }
        guard let found else {
            process.terminate()
            throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "termsearch serve printed no URL: \((try? String(contentsOf: output, encoding: .utf8)) ?? "")"])
        }
        port = found
    }

    var isRunning: Bool { process.isRunning }
    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    func stop() {
        guard process.isRunning else { return }
        process.interrupt()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// One HTTP/1.1 exchange over a raw socket: the bytes sent are exactly the ones given, so hostile
/// request lines reach the server unnormalised.
struct HTTPAnswer {
    var status: Int
    var headers: [(String, String)]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    enum Failure: Error { case connect(Int32), noAnswer(String) }

    static func request(port: Int, method: String, target: String, headers: [String: String] = [:], body: Data = Data()) throws -> HTTPAnswer {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        let raw = try exchange(port: port, bytes: Data(head.utf8) + body)
        guard let answer = parse(raw) else { throw Failure.noAnswer(String(decoding: raw.prefix(200), as: UTF8.self)) }
        return answer
    }

    /// Sends `bytes` and reads until the server closes the connection (waiting at most `seconds` for each read).
    static func exchange(port: Int, bytes: Data, timeout seconds: Int = 30) throws -> Data {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.connect(errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure.connect(errno) }
        var sent = 0
        try bytes.withUnsafeBytes { buffer in
            while sent < buffer.count {
                let n = send(fd, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { if sent > 0 { return }; throw Failure.connect(errno) }
                sent += n
            }
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: chunk[0..<n])
        }
        return received
    }

    static func parse(_ raw: Data) -> HTTPAnswer? {
        guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Data(raw[end.upperBound...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            body = dechunk(body)
        }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let stop = rest.index(start, offsetBy: size)
            out.append(rest[start..<stop])
            rest = rest[min(rest.endIndex, rest.index(stop, offsetBy: 2))...]
        }
        return out
    }
}
