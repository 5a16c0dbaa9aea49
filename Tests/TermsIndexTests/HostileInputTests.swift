import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// Files a researcher's folder may hold that were never meant for termsearch: each is read or
/// refused with one IngestError, quickly, and nothing crashes. Rows of docs/robustness.md.
final class HostileInputTests: XCTestCase {
    private let reader = DocumentReader(limits: ReadLimits(toolTimeout: 30))
    private var folder: URL!
    private static let hostile = TestMaterial.fixtures.appendingPathComponent("hostile")

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func refusal(_ body: () throws -> Any, file: StaticString = #filePath, line: UInt = #line) -> IngestError? {
        do {
            _ = try body()
            XCTFail("read, expected a refusal", file: file, line: line)
        } catch let error as IngestError {
            XCTAssertFalse(error.description.contains("\n"), file: file, line: line)
            return error
        } catch {
            XCTFail("not an IngestError: \(error)", file: file, line: line)
        }
        return nil
    }

    private func text(_ bytes: [UInt8], _ ext: String = "txt") throws -> String {
        try reader.read(data: Data(bytes), fileExtension: ext, path: "x.\(ext)").text
    }

    func testEmptyAndBlankFilesHaveNoText() {
        for bytes: [UInt8] in [[], Array(" \n\t\u{0C}\n".utf8), [0xEF, 0xBB, 0xBF]] {
            XCTAssertEqual(refusal { try self.reader.read(data: Data(bytes), fileExtension: "txt", path: "e.txt") }, .noText(path: "e.txt"))
        }
        XCTAssertEqual(IngestError.noText(path: "e.txt").description, "no text found (an empty file, or a scanned PDF without a text layer)")
    }

    func testBinaryWithATextExtensionIsRefused() {
        var rng = SplitMix64(seed: 7)
        for header: [UInt8] in [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01]] {
            let bytes = header + (0..<4000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            for ext in ["txt", "md", "html"] {
                XCTAssertEqual(refusal { try self.reader.read(data: Data(bytes), fileExtension: ext, path: "b") }, .binary(path: "b"))
            }
        }
    }

    func testBrokenEncodingsAreRead() throws {
        XCTAssertTrue(try text(Array("Artikel 1 levering ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" zaken".utf8)).contains("zaken"))
        XCTAssertTrue(try text([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6A, 0x61, 0x94]).contains("café “ja”"))  // Windows-1252
        let sentence = "Artikel 1 Levering\n1.1 De levering geschiedt af fabriek.\n"
        let utf16LE = Array(sentence.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE = Array(sentence.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [[0xFF, 0xFE] + utf16LE, [0xFE, 0xFF] + utf16BE, utf16LE, utf16BE] {
            XCTAssertTrue(try text(bytes).contains("De levering geschiedt af fabriek."))
        }
    }

    func testNamedPipeIsRefusedWithoutBlocking() throws {
        let fifo = folder.appendingPathComponent("pipe.txt")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        let error = refusal { try self.reader.read(fifo) }
        XCTAssertEqual(error, .unreadable(path: fifo.path, reason: "a named pipe (FIFO), not a regular file"))
    }

    func testSymbolicLinkLoopAndDanglingLinkAreRefused() throws {
        let loop = folder.appendingPathComponent("loop.txt")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop.txt")
        XCTAssertEqual(refusal { try self.reader.read(loop) }, .unreadable(path: loop.path, reason: "a loop of symbolic links"))
        let dangling = folder.appendingPathComponent("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.txt")
        XCTAssertEqual(refusal { try self.reader.read(dangling) }, .unreadable(path: dangling.path, reason: "a symbolic link to nothing"))
    }

    func testDirectoryNamedLikeAFileIsRefused() throws {
        let dir = folder.appendingPathComponent("x.txt")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        XCTAssertEqual(refusal { try self.reader.read(dir) }, .unreadable(path: dir.path, reason: "is a directory"))
    }

    /// A text file over maxTextBytes is refused after reading 8 bytes of it, however large.
    func testOversizedTextFileIsRefusedUnread() throws {
        let big = folder.appendingPathComponent("big.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 40 << 20)  // sparse: 40 MB of NULs without writing them
        try handle.close()
        let start = Date()
        let error = refusal { try DocumentReader(limits: ReadLimits(maxTextBytes: 1 << 20)).read(big) }
        XCTAssertEqual(error, .tooMuchText(path: big.path, what: "the file (40 MB)", limit: 1 << 20))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertEqual(error?.description, "the file (40 MB) is over the limit of 1 MB of text (not a document of terms?)")
    }

    func testTruncatedAndEncryptedPDFs() {
        let truncated = Self.hostile.appendingPathComponent("truncated.pdf")
        guard case .malformed(let path, let reason)? = refusal({ try self.reader.read(truncated) }) else { return XCTFail() }
        XCTAssertEqual(path, truncated.path)
        XCTAssertTrue(reason.hasPrefix("pdftotext: "), reason)
        let encrypted = Self.hostile.appendingPathComponent("encrypted.pdf")
        XCTAssertEqual(refusal { try self.reader.read(encrypted) }, .encrypted(path: encrypted.path))
        XCTAssertTrue(try reader.read(Self.hostile.appendingPathComponent("minimal.pdf")).text.contains("Pdfwoord"))
    }

    /// The time limit on pdftotext fires (a tiny limit stands in for a PDF that runs long).
    func testToolTimeoutFires() {
        let pdf = Self.hostile.appendingPathComponent("minimal.pdf")
        let start = Date()
        XCTAssertEqual(refusal { try DocumentReader(limits: ReadLimits(toolTimeout: 0.001)).read(pdf) },
                       .timedOut(tool: "pdftotext", path: pdf.path, seconds: 0.001))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testDocxThatIsNotAZip() {
        let docx = Self.hostile.appendingPathComponent("notzip.docx")
        XCTAssertEqual(refusal { try self.reader.read(docx) }, .malformed(path: docx.path, reason: "not a zip archive"))
    }

    /// A docx whose word/document.xml inflates to 80 MB: unzip is stopped at the 64 MB cap.
    func testZipBombIsStoppedAtTheCap() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zip") else { throw XCTSkip("zip is not installed") }
        let bomb = try HostileTestFiles.makeZipBomb(in: folder, inflatedMB: 80)
        let start = Date()
        XCTAssertEqual(refusal { try self.reader.read(bomb) },
                       .tooMuchText(path: bomb.path, what: "word/document.xml (inflated)", limit: 64 << 20))
        XCTAssertLessThan(Date().timeIntervalSince(start), 30)
    }

    func testDeeplyNestedAndScriptHeavyHTML() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Diepteword staat hier.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        XCTAssertTrue(try text(Array(deep.utf8), "html").contains("Diepteword"))
        let script = "<html><head><script>" + String(repeating: "var x = \"<p>nope</p>\";\n", count: 100_000)
            + "</script></head><body><p>Scriptpagina bevat weinig tekst.</p></body></html>"
        let read = try text(Array(script.utf8), "html")
        XCTAssertTrue(read.contains("Scriptpagina"))
        XCTAssertFalse(read.contains("nope"))
    }

    func testAMillionOneWordLinesStayLinear() throws {
        var text = ""
        text.reserveCapacity(9_000_000)
        for i in 0..<1_000_000 { text += "woord\(i % 997)\n" }
        let start = Date()
        let ingested = try DocumentIngester().ingest(try reader.read(data: Data(text.utf8), fileExtension: "txt", path: "m.txt"),
                                                     path: "m.txt", id: "m")
        XCTAssertNotNil(ingested.document.clauses)
        XCTAssertLessThan(Date().timeIntervalSince(start), 120, "a million lines took minutes: something is quadratic")
    }

    func testQueriesWithControlCharactersAreRefused() {
        for query in ["a\u{0}b", "schade\u{1B}[31m", "schade\u{7F}"] {
            XCTAssertThrowsError(try QueryValidator.validate(query)) {
                XCTAssertTrue(String(describing: $0).contains("control character U+"), "\($0)")
            }
        }
        XCTAssertNoThrow(try QueryValidator.validate("schade\tkosten\n"))
    }

    /// Crashers and near-misses found by `termsearch fuzz`, kept as regressions.
    func testFuzzFindings() {
        // fuzz --target query --seed 1: a query with a newline made a two-line error message.
        for query in ["\n OR", "levering`id`NOT\n(", "foo:bar\n[\t(", "\u{1B}[31m\n\""] {
            XCTAssertThrowsError(try QueryValidator.validate(query)) {
                XCTAssertFalse(String(describing: $0).contains("\n"), query.debugDescription)
            }
        }
    }
}
