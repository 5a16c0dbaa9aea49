import Foundation
import Xapian
import XCTest

extension CLITestCase {
    /// A folder of terms: copies of the bundled corpus files (`copies` times each, under new names),
    /// half of them in a sub-folder.
    func makeFolder(_ name: String = "terms", copies: Int = 1) throws -> URL {
        let folder = workDirectory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        var n = 0
        for copy in 0..<copies {
            for file in files {
                let name = copy == 0 ? file : "kopie\(copy)-" + file
                // The Klantassistent terms (with the clause tests look for) stay at the top.
                let top = n % 2 == 0 || file.hasPrefix("klantassistent")
                let target = top ? folder.appendingPathComponent(name) : folder.appendingPathComponent("sub/" + name)
                try FileManager.default.copyItem(atPath: Self.corpus + "/" + file, toPath: target.path)
                n += 1
            }
        }
        return folder
    }

    /// Checks that every committed file is complete: each indexed file record's clause count equals
    /// the documents carrying its document term, and no document lacks a record. Returns the records.
    @discardableResult
    func assertConsistent(_ index: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let database = try Database(path: index)
        var records: [[String: Any]] = []
        var total = 0
        for key in try database.metadataKeys(prefix: "termsearch.file.") {
            let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try database.metadata(key).utf8)) as? [String: Any])
            records.append(record)
            guard record["status"] as? String == "indexed" else { continue }
            let clauses = record["clauses"] as! Int
            let document = record["document"] as! String
            XCTAssertEqual(try database.termFrequency("XDOC" + document), clauses, "document \(document) is complete", file: file, line: line)
            total += clauses
        }
        XCTAssertEqual(try database.documentCount, total, "no clause without its file record", file: file, line: line)
        return records
    }

    /// Every clause id in the index (the `Q` terms), sorted.
    func clauseIDs(_ index: String) throws -> [String] {
        var ids: [String] = []
        try Database(path: index).allTerms(prefix: "Q") { term, _ in ids.append(term) }
        return ids
    }

    /// Runs xapian-check on a database folder; skips when it is not installed.
    func xapianCheck(_ path: String) throws -> (status: Int32, output: String) {
        guard let tool = ["/usr/bin/xapian-check", "/usr/local/bin/xapian-check"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw XCTSkip("xapian-check is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A running termsearch whose stderr lines can be awaited.
    final class RunningTermsearch: @unchecked Sendable {
        let process = Process()
        private let lock = NSCondition()
        private var stderrText = ""
        private var finished = false

        init(_ arguments: [String], in directory: URL) throws {
            process.executableURL = CLITestCase.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "TERMSEARCH_INDEX")
            process.environment = env
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let handle = err.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let data = handle.availableData
                    lock.lock()
                    if data.isEmpty { finished = true } else { stderrText += String(decoding: data, as: UTF8.self) }
                    lock.broadcast()
                    lock.unlock()
                    if data.isEmpty { break }
                }
            }
        }

        /// Waits (at most `timeout` seconds) until stderr contains `text`; false on timeout or exit.
        func waitFor(_ text: String, timeout: TimeInterval = 60) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            lock.lock()
            defer { lock.unlock() }
            while !stderrText.contains(text) {
                if finished || !lock.wait(until: deadline) { return stderrText.contains(text) }
            }
            return true
        }

        var stderr: String { lock.lock(); defer { lock.unlock() }; return stderrText }

        func kill(_ signal: Int32) {
            Foundation.kill(process.processIdentifier, signal)
        }

        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }
    }
}
