import Foundation
import XCTest

/// Runs the real `termsearch` executable in a temporary directory of its own.
class CLITestCase: XCTestCase {
    /// A fresh folder for this test, removed afterwards.
    var workDirectory: URL!

    /// The repository's root (for Corpus/).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled corpus.
    static var corpus: String { repositoryRoot.appendingPathComponent("Corpus").path }

    override func setUpWithError() throws {
        workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("termsearch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: workDirectory)
    }

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

    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs termsearch with `arguments` in the work directory.
    @discardableResult
    /// `termsearch search --format json` of `query` on the test's index `idx`, as a JSON object.
    func searchJSON(_ query: String, limit: Int, _ extra: [String] = []) throws -> [String: Any] {
        let run = try termsearch(["search", "--index", "idx", "--format", "json", "--limit", String(limit)] + extra + [query])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The hits of a search's JSON object.
    func hits(_ object: [String: Any]) -> [[String: Any]] { object["hits"] as? [[String: Any]] ?? [] }

    func termsearch(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = workDirectory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TERMSEARCH_INDEX")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
        let collected = OutputBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { collected.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = collected.data
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Standard output collected on another thread; read only after the thread is done.
    private final class OutputBox: @unchecked Sendable { var data = Data() }

    /// Indexes the bundled corpus into `index` (relative to the work directory).
    func indexCorpus(into index: String = "idx", force: Bool = false) throws {
        let run = try termsearch(["index", "--index", index, Self.corpus] + (force ? ["--force"] : []))
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
