import Foundation
import XCTest

/// Damaged, missing and unwritable indexes: a one-line error and exit 3, and a failed run never
/// damages the last committed state.
final class DamagedIndexTests: CLITestCase {
    private var index: URL { workDirectory.appendingPathComponent("idx") }

    private func assertIndexProblem(_ run: Run, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 3, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("termsearch: "), run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains(fragment), "expected \(fragment): \(run.stderr)", file: file, line: line)
    }

    private func flipBytes(in table: String) throws {
        let url = index.appendingPathComponent(table)
        var bytes = [UInt8](try Data(contentsOf: url))
        var i = 8192
        while i < bytes.count { bytes[i] ^= 0x5A; i += 997 }
        try Data(bytes).write(to: url)
    }

    func testMissingIndex() throws {
        assertIndexProblem(try termsearch(["search", "--index", "nowhere", "schade"]), "no index at nowhere; build one with: termsearch index --index nowhere DIR")
        assertIndexProblem(try termsearch(["check", "--index", "nowhere"]), "no index at nowhere")
    }

    func testTruncatedTable() throws {
        try indexCorpus()
        let handle = try FileHandle(forWritingTo: index.appendingPathComponent("postlist.glass"))
        try handle.truncate(atOffset: 5000)
        try handle.close()
        assertIndexProblem(try termsearch(["search", "--index", "idx", "schade"]), "run: termsearch check --index idx")
        assertIndexProblem(try termsearch(["check", "--index", "idx"]), "is damaged")
    }

    func testFlippedBytesInEachTable() throws {
        try indexCorpus()
        let pristine = workDirectory.appendingPathComponent("pristine")
        try FileManager.default.copyItem(at: index, to: pristine)
        for table in ["postlist.glass", "docdata.glass", "termlist.glass"] {
            try? FileManager.default.removeItem(at: index)
            try FileManager.default.copyItem(at: pristine, to: index)
            try flipBytes(in: table)
            let search = try termsearch(["search", "--index", "idx", "schade"])
            // A search may not touch the damaged table (termlist); when it does, it says so.
            if search.status != 0 { assertIndexProblem(search, "termsearch check --index idx") }
            let check = try termsearch(["check", "--index", "idx"])
            assertIndexProblem(check, "restore idx from a backup, or rebuild it with: termsearch index --index idx")
            XCTAssertTrue(check.stdout.hasPrefix("DAMAGED: idx"), "\(table): \(check.stdout)")
        }
    }

    func testMissingVersionFile() throws {
        try indexCorpus()
        try FileManager.default.removeItem(at: index.appendingPathComponent("iamglass"))
        assertIndexProblem(try termsearch(["search", "--index", "idx", "schade"]), "its version file iamglass is missing")
        assertIndexProblem(try termsearch(["check", "--index", "idx"]), "iamglass is missing")
    }

    /// A small tmpfs fills up during the commit: exit 3 with a disk-full message, and the index
    /// still holds (and finds) what the previous run committed.
    func testDiskFullDuringCommitKeepsTheLastCommittedState() throws {
        let mount = workDirectory.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=1m tmpfs '\(mount.path)'") == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (needs root): disk-full not tested")
        }
        defer { _ = shell("umount '\(mount.path)'") }
        let small = workDirectory.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n"
            .write(to: small.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        let idx = mount.appendingPathComponent("idx").path
        XCTAssertEqual(try termsearch(["index", "--index", idx, small.path]).status, 0)
        let full = try termsearch(["index", "--index", idx, Self.corpus])
        assertIndexProblem(full, "is the disk full or a file-size limit reached? The index keeps its last committed state")
        XCTAssertTrue(try termsearch(["check", "--index", idx]).stdout.hasPrefix("OK: \(idx): 1 document, 1 clause"))
        XCTAssertTrue(try termsearch(["search", "--index", idx, "garantietermijn"]).stdout.hasPrefix("1 matching clause"))
        XCTAssertEqual(shell("xapian-check '\(idx)' >/dev/null"), 0)
    }

    /// A file-size limit (ulimit -f) kills or fails the writer mid-run; the committed state survives.
    func testFileSizeLimitMidRunKeepsTheLastCommittedState() throws {
        let small = workDirectory.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n"
            .write(to: small.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", small.path]).status, 0)
        let status = shell("cd '\(workDirectory.path)' && ulimit -f 100 && exec '\(Self.executable.path)' index --index idx '\(Self.corpus)' >/dev/null 2>&1")
        // The write fails with EFBIG (termsearch ignores SIGXFSZ) and ends the run as an index problem.
        XCTAssertEqual(status, 3, "a write failure ends the run as an index problem")
        XCTAssertTrue(try termsearch(["check", "--index", "idx"]).stdout.hasPrefix("OK: idx: 1 document, 1 clause"))
        XCTAssertTrue(try termsearch(["search", "--index", "idx", "garantietermijn"]).stdout.hasPrefix("1 matching clause"))
    }

    /// A read-only index (a read-only bind mount: root ignores chmod 555) can be searched and
    /// checked; writing to it is exit 3 with one line.
    func testReadOnlyIndex() throws {
        try indexCorpus()
        let mount = workDirectory.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        guard shell("mount --bind '\(index.path)' '\(mount.path)' && mount -o remount,ro,bind '\(mount.path)'") == 0 else {
            _ = shell("umount '\(mount.path)' 2>/dev/null")
            throw XCTSkip("cannot make a read-only bind mount here (needs root)")
        }
        defer { _ = shell("umount '\(mount.path)'") }
        XCTAssertEqual(try termsearch(["search", "--index", mount.path, "schade"]).status, 0)
        let check = try termsearch(["check", "--index", mount.path])
        XCTAssertTrue(check.stdout.hasPrefix("OK: ") && check.stdout.contains("read-only"), check.stdout + check.stderr)
        let small = workDirectory.appendingPathComponent("one")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        try "Artikel 1\n1.1 Nieuw.\n".write(to: small.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
        let write = try termsearch(["index", "--index", mount.path, small.path])
        XCTAssertEqual(write.status, 3, write.stderr)
        XCTAssertEqual(write.stderr.filter { $0 == "\n" }.count, 1, write.stderr)
        XCTAssertTrue(write.stderr.contains("the index folder is read-only"), write.stderr)
    }

    @discardableResult
    private func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
