import Foundation
import TestSupport
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `termsearch index` over a folder of files nobody checked: good files are indexed, each bad
/// one is one line on stderr with its reason, the run exits 1 and never hangs.
final class HostileFilesTests: CLITestCase {
    private static let hostile = repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile")

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: workDirectory.appendingPathComponent("in/\(name)"), atomically: false, encoding: .utf8)
    }

    /// Creates a file whose name is raw bytes (not necessarily UTF-8), as POSIX allows.
    private func createFile(named bytes: [UInt8], in folder: URL, contents: String) throws {
        var path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + bytes + [0]
        let fd = path.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY | O_TRUNC, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        let data = Array(contents.utf8)
        XCTAssertEqual(Glibc.write(fd, data, data.count), data.count)
        close(fd)
    }

    private func hits(_ query: String, index: String = "idx") throws -> Int {
        let run = try termsearch(["search", "--index", index, "--format", "json", query])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return json?["total"] as? Int ?? -1
    }

    func testMixedFolderIndexesGoodFilesAndNamesEachBadOneOnOneLine() throws {
        let input = workDirectory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try write("good.txt", "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n")
        try write("name with spaces.txt", "Artikel 1 Spaties\n1.1 Spatiesbestand zegt hallo.\n")
        try write("name\nwith newline.txt", "Artikel 1 Regels\n1.1 Regeleindebestand zegt hallo.\n")
        try write("deep.html", "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Dieptebestand zegt hallo.</p></body></html>")
        try Data([0xFF, 0xFE] + Array("Artikel 1\n1.1 Zestienbits zegt hallo.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            .write(to: input.appendingPathComponent("utf16.txt"))
        try Data(Array("Artikel 1\n1.1 Kapotte ".utf8) + [0xFF, 0xC3] + Array(" bytes zeggen hallo.\n".utf8)).write(to: input.appendingPathComponent("badutf8.txt"))
        try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent("minimal.pdf"), to: input.appendingPathComponent("minimal.pdf"))
        // The bad ones, each with the reason the user should see.
        var bad: [String: String] = [:]
        try Data().write(to: input.appendingPathComponent("empty.txt")); bad["empty.txt"] = "no text found"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
            .write(to: input.appendingPathComponent("image.txt")); bad["image.txt"] = "not text and not a supported format"
        for (name, reason) in [("truncated.pdf", "malformed: pdftotext"), ("encrypted.pdf", "encrypted"), ("notzip.docx", "not a zip archive")] {
            try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent(name), to: input.appendingPathComponent(name))
            bad[name] = reason
        }
        try Data("not a pdf".utf8).write(to: input.appendingPathComponent("bad\nname.pdf")); bad["bad\\nname.pdf"] = "does not start with %PDF-"
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/zip") {
            let bomb = try HostileTestFiles.makeZipBomb(in: workDirectory, inflatedMB: 80)
            try FileManager.default.moveItem(at: bomb, to: input.appendingPathComponent("bomb.docx"))
            bad["bomb.docx"] = "word/document.xml (inflated) is over the limit of 64 MB"
        }
        // Not regular files: reported by the folder walk, never opened (a FIFO would block).
        XCTAssertEqual(mkfifo(input.appendingPathComponent("fifo.txt").path, 0o644), 0)
        bad["fifo.txt"] = "cannot read: a named pipe (FIFO), not a file"
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("loop.txt").path, withDestinationPath: "loop.txt")
        bad["loop.txt"] = "cannot read: a loop of symbolic links"
        try FileManager.default.createDirectory(at: input.appendingPathComponent("dir.txt"), withIntermediateDirectories: true)

        let run = try termsearch(["index", "--index", "idx", input.path])
        XCTAssertEqual(run.status, 1, run.stderr)
        recordPeakMemory("index of the hostile folder")
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines {
            XCTAssertTrue(line.hasPrefix("termsearch: \(input.path)/"), String(line))
        }
        for (name, reason) in bad {
            let line = lines.first { $0.hasPrefix("termsearch: \(input.path)/\(name): ") }
            XCTAssertNotNil(line, "no line for \(name) in:\n\(run.stderr)")
            XCTAssertTrue(line?.contains(reason) ?? false, "\(name): \(line ?? "")")
        }
        for word in ["garantietermijn", "Spatiesbestand", "Regeleindebestand", "Dieptebestand", "Zestienbits", "Kapotte", "Pdfwoord"] {
            XCTAssertEqual(try hits(word), 1, word)
        }
        // One line per bad file, even for the one whose name holds a newline.
        XCTAssertEqual(lines.count, bad.count, run.stderr)
    }

    /// A 200 MB file of one line is refused in well under a second, unread.
    func testTwoHundredMegabyteOneLineFileIsRefusedQuickly() throws {
        let input = workDirectory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try write("good.txt", "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n")
        let big = input.appendingPathComponent("oneline.txt")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        let chunk = Data(String(repeating: "aansprakelijkheid beperkt ", count: 40_000).utf8)
        var written = 0
        while written < 200 << 20 { handle.write(chunk); written += chunk.count }
        try handle.close()
        let start = Date()
        let run = try termsearch(["index", "--index", "idx", input.path])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.hasPrefix("termsearch: \(big.path): the file (200."), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix(" MB) is over the limit of 16 MB of text (not a document of terms?)\n"), run.stderr)
        XCTAssertLessThan(seconds, 20)
        XCTAssertEqual(try hits("garantietermijn"), 1)
        recordPeakMemory("index with a 200 MB one-line file")
    }

    /// A file whose name is not UTF-8 cannot be named in the index; it is reported, not dropped.
    func testFileNameThatIsNotUTF8IsIndexedUnderItsEscapedName() throws {
        let input = workDirectory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try createFile(named: Array("latin1-".utf8) + [0xE9, 0xFF] + Array(".txt".utf8), in: input,
                       contents: "Artikel 1 Bytes\n1.1 Bytenaambestand zegt hallo.\n")
        try write("good.txt", "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n")
        let run = try termsearch(["index", "--index", "idx", "--format", "json", input.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try hits("garantietermijn"), 1)
        XCTAssertEqual(try hits("bytenaambestand"), 1, "the file with the Latin-1 name is searchable")
        let search = try termsearch(["search", "--index", "idx", "--format", "json", "bytenaambestand"])
        let hit = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["path"] as? String, input.path + "/latin1-%E9%FF.txt", "shown with the undecodable bytes escaped")
        XCTAssertEqual(hit["document"] as? String, "latin1-e9-ff")
        // The id is stable: a second run finds the file unchanged.
        let again = try termsearch(["index", "--index", "idx", "--format", "json", input.path])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])?["unchanged"] as? Int, 2, again.stdout)
    }

    func testImagesAndArchivesAreSkippedNotFailed() throws {
        try FileManager.default.createDirectory(at: workDirectory.appendingPathComponent("in"), withIntermediateDirectories: true)
        try write("terms.txt", "Artikel 1 Garantie\n1.1 De garantietermijn bedraagt twaalf maanden.\n")
        try write("logo.png", "\u{89}PNG not really")
        try write("bundle.zip", "PK not really")
        let run = try termsearch(["index", "--index", "idx", "--format", "json", workDirectory.appendingPathComponent("in").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["skipped"] as? [[String: Any]])?.count, 2, run.stdout)
        XCTAssertEqual((object["failed"] as? [[String: Any]])?.count, 0, run.stdout)
        let text = try termsearch(["index", "--index", "idx2", workDirectory.appendingPathComponent("in").path])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("2 skipped (not documents"), text.stdout)
    }

    func testFuzzCommandRunsCleanForAFewSeconds() throws {
        for target in ["query", "ingest"] {
            let run = try termsearch(["fuzz", "--target", target, "--seconds", "3", "--seed", "42"])
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            XCTAssertTrue(run.stdout.contains("0 failures"), run.stdout)
        }
    }

    /// Peak resident memory of any child run so far (an upper bound for the last one), in the log.
    private func recordPeakMemory(_ what: String) {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let mb = usage.ru_maxrss / 1024
        print("peak RSS of termsearch children so far (\(what)): \(mb) MB")
        XCTAssertLessThan(mb, 1024, "\(what) used \(mb) MB")
    }
}

/// Big hostile files made on the spot (too large to commit).
