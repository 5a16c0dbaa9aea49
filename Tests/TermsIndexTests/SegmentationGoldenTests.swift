import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// The full list of article and clause labels with headings of each seed document, checked in and
/// compared. Regenerate after a deliberate change with TERMSEARCH_UPDATE_GOLDEN=1 and review the diff.
final class SegmentationGoldenTests: XCTestCase {
    static let update = ProcessInfo.processInfo.environment["TERMSEARCH_UPDATE_GOLDEN"] != nil

    /// One line per clause: key, part, article, article heading, clause heading (tab-separated).
    static func outline(of document: TermsDocument) -> String {
        document.clauses.map { clause in
            let l = clause.location
            return [clause.key, l.part ?? "-", l.article ?? "-", l.articleHeading ?? "-", l.heading ?? "-", clause.language.rawValue]
                .joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
    }

    func testSeedOutlinesMatchTheGoldenFiles() throws {
        let manifest = try Manifest.load(in: TestMaterial.corpus)
        XCTAssertEqual(TestMaterial.seedFiles.count, 5)
        for file in TestMaterial.seedFiles {
            let id = file.deletingPathExtension().lastPathComponent
            let document = try DocumentIngester().ingest(file, id: id, entry: manifest?.entry(for: file)).document
            let actual = Self.outline(of: document)
            let golden = TestMaterial.fixtures.appendingPathComponent("golden/\(id).tsv")
            if Self.update {
                try actual.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            if actual != expected {
                let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
                let firstDifference = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
                XCTFail("""
                    \(id): outline differs from \(golden.lastPathComponent) at line \(firstDifference + 1)
                      expected: \(firstDifference < e.count ? String(e[firstDifference]) : "<end>")
                      actual:   \(firstDifference < a.count ? String(a[firstDifference]) : "<end>")
                    """)
            }
        }
    }

    func testClauseKeysAreUniqueWithinEachDocument() throws {
        for file in TestMaterial.seedFiles {
            let document = try DocumentIngester().ingest(file, id: "x").document
            let keys = document.clauses.map(\.key)
            XCTAssertEqual(Set(keys).count, keys.count, "duplicate keys in \(file.lastPathComponent)")
        }
    }
}
