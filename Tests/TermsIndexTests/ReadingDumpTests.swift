import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// Writes every seed and real-world document's extraction to $TERMSEARCH_DUMP (when set) for review.
final class ReadingDumpTests: XCTestCase {
    func testDumpWhenAsked() throws {
        guard let dir = ProcessInfo.processInfo.environment["TERMSEARCH_DUMP"] else { throw XCTSkip("TERMSEARCH_DUMP not set") }
        let reader = DocumentReader()
        for folder in [TestMaterial.corpus.path] + [TestMaterial.realworld?.path].compactMap({ $0 }) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != "SOURCES.md" && name != "manifest.json" {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
                var out = ""
                do {
                    let x = try reader.read(url)
                    out += "format: \(x.format) title: \(x.title ?? "-")\n"
                    for r in x.repairs { out += "repair \(r.kind) ×\(r.count): \(r.example)\n" }
                    for b in x.blocks { out += "[\(b.kind)] \(b.text)\n" }
                } catch {
                    out = "ERROR \(error)"
                }
                try out.write(toFile: "\(dir)/\(name).out", atomically: true, encoding: .utf8)
            }
        }
    }
}
