import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command-line tool with a time limit, reading stdout and stderr fully while it runs
/// (so a full pipe never blocks the child), and capping how much output is kept.
struct ExternalTool {
    let name: String
    /// How to install it, for `IngestError.toolMissing`.
    let installHint: String

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var truncated: Bool
    }

    /// The executable's path on `PATH`, or nil.
    func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    func run(_ arguments: [String], path: String, limits: ReadLimits) throws -> Output {
        guard let executable = locate() else {
            throw IngestError.toolMissing(tool: "\(name) (\(installHint))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice

        let collected = Collected(limit: limits.maxExtractedBytes)
        let group = DispatchGroup()
        for (handle, isOut) in [(out.fileHandleForReading, true), (err.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    collected.append(chunk, toStdout: isOut)
                }
                group.leave()
            }
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw IngestError.toolFailed(tool: name, path: path, reason: "\(error)")
        }
        // Wait for the tool, stopping it early when its output passes the cap (a zip bomb keeps
        // inflating long after the bytes we keep) or when its time is up.
        let deadline = DispatchTime.now() + limits.toolTimeout
        var timedOut = false
        while finished.wait(timeout: min(deadline, .now() + 0.05)) == .timedOut {
            if collected.isTruncated { stop(process, finished); break }
            if DispatchTime.now() >= deadline { timedOut = true; stop(process, finished); break }
        }
        if timedOut {
            _ = group.wait(timeout: .now() + 2)
            throw IngestError.timedOut(tool: name, path: path, seconds: limits.toolTimeout)
        }
        _ = group.wait(timeout: .now() + 10)
        let (stdout, stderr, truncated) = collected.snapshot()
        return Output(status: process.terminationStatus, stdout: stdout,
                      stderr: String(decoding: stderr, as: UTF8.self), truncated: truncated)
    }
}

extension ExternalTool {
    /// SIGTERM, then SIGKILL if the tool has not gone within two seconds.
    fileprivate func stop(_ process: Process, _ finished: DispatchSemaphore) {
        process.terminate()
        if finished.wait(timeout: .now() + 2) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = finished.wait(timeout: .now() + 2)
        }
    }
}

/// Output gathered from two reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data()
    private var stderr = Data()
    private var truncated = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func append(_ chunk: Data, toStdout: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if toStdout {
            if stdout.count + chunk.count > limit {
                truncated = true
                stdout.append(chunk.prefix(max(0, limit - stdout.count)))
            } else {
                stdout.append(chunk)
            }
        } else if stderr.count < 64 * 1024 {
            stderr.append(chunk)
        }
    }

    var isTruncated: Bool {
        lock.lock()
        defer { lock.unlock() }
        return truncated
    }

    func snapshot() -> (Data, Data, Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (stdout, stderr, truncated)
    }
}
