import Foundation
import XCTest
@testable import TermsIndex

/// The manifest's `versionOf`: how declared links shape version groups, how the indexer resolves
/// and stores them, and that file records written before them still read.
final class VersionOfTests: XCTestCase {
    var directory: URL!
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus").path

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-versionof-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func member(_ id: String, _ supplier: String, _ date: String?, versionOf: String? = nil, kind: String = "general-terms") -> VersionGroups.Member {
        VersionGroups.Member(document: id, supplier: supplier, kind: kind, language: "nl", versionDate: date, versionLabel: nil, versionOf: versionOf)
    }

    func testLinksJoinSuppliersAndKindsTransitivelyOrderedByDate() {
        let members = [
            member("acme-2019", "Acme", "2019-01-01"),
            member("acme-2020", "Acme", "2020-01-01"),
            member("acmebv-2022", "Acme B.V.", "2022-06-01", versionOf: "acme-2020"),
            member("acme-group-2024", "Acme Group", "2024", versionOf: "acmebv-2022", kind: "general-terms-b2b"),
            member("other", "Other", "2021"),
        ]
        let placed = VersionGroups.placements(members)
        XCTAssertEqual(Set(["acme-2019", "acme-2020", "acmebv-2022", "acme-group-2024"].compactMap { placed[$0]?.group }), ["acme/general-terms/nl"],
                       "one group, named after its oldest version")
        XCTAssertEqual(placed["acme-group-2024"]?.current, true)
        XCTAssertEqual(placed["acme-group-2024"]?.previous, "acmebv-2022")
        XCTAssertEqual(placed["acmebv-2022"]?.previous, "acme-2020")
        XCTAssertEqual(placed["acme-2020"]?.previous, "acme-2019")
        XCTAssertNil(placed["other"])
        XCTAssertEqual(VersionGroups.currentDocuments(members), ["acme-group-2024", "other"])
        XCTAssertEqual(VersionGroups.documents(asOf: "2023", members), ["acmebv-2022", "other"])
        XCTAssertEqual(VersionGroups.documents(asOf: "2019-06", members), ["acme-2019", "other"])
    }

    func testUndatedDocumentsAreOrderedByTheirLinks() {
        // An undated declarer comes right after its target and is in force from the target's date.
        let after = [member("a", "A", "2020-01-01"), member("b", "B", nil, versionOf: "a"), member("c", "C", "2023-01-01", versionOf: "b")]
        var placed = VersionGroups.placements(after)
        XCTAssertEqual(placed["b"]?.previous, "a")
        XCTAssertEqual(placed["c"]?.previous, "b")
        XCTAssertEqual(placed["c"]?.current, true)
        XCTAssertEqual(VersionGroups.documents(asOf: "2021", after), ["b"])
        XCTAssertEqual(VersionGroups.documents(asOf: "2019", after), [], "no version of the group was in force yet")

        // An undated target of a dated declarer comes before it and counts as in force since always.
        let before = [member("old", "A", nil), member("new", "B", "2020-01-01", versionOf: "old")]
        placed = VersionGroups.placements(before)
        XCTAssertEqual(placed["new"]?.current, true)
        XCTAssertEqual(placed["old"]?.current, false)
        XCTAssertEqual(VersionGroups.documents(asOf: "2019", before), ["old"])

        // Where both dates are known they decide, whatever the declaration says.
        let contrary = [member("x", "X", "2021"), member("y", "Y", "2020", versionOf: "x")]
        XCTAssertEqual(VersionGroups.placements(contrary)["x"]?.current, true)

        // A link to a document that is not there, or to itself, or a cycle, groups nothing wrongly.
        XCTAssertTrue(VersionGroups.placements([member("p", "P", nil, versionOf: "gone"), member("q", "Q", nil, versionOf: "q")]).isEmpty)
        let cycle = VersionGroups.placements([member("r", "R", nil, versionOf: "s"), member("s", "S", nil, versionOf: "r")])
        XCTAssertEqual(cycle.values.filter(\.current).count, 1)
    }

    func testFileRecordWrittenBeforeVersionOfDecodes() throws {
        let old = #"{"clauses":49,"document":"klant","hash":"0f1e","mtime":1700000000000000000,"path":"/x/klant.txt","size":23000,"status":"indexed"}"#
        let record = try XCTUnwrap(FileRecord.decode(old))
        XCTAssertEqual(record.document, "klant")
        XCTAssertEqual(record.clauses, 49)
        XCTAssertNil(record.versionOf)
        // And a record without a declaration is written as before, so older readers still read it.
        XCTAssertEqual(try record.encoded(), old)
        var declared = record
        declared.versionOf = "klant-2024"
        XCTAssertEqual(FileRecord.decode(try declared.encoded())?.versionOf, "klant-2024")
    }

    func testIndexerResolvesFileNamesAndDocumentIDsOfEarlierRunsAndWarnsOfTheRest() throws {
        let text = try String(contentsOfFile: Self.corpus + "/klantassistent-algemene-voorwaarden.txt", encoding: .utf8)
        let first = directory.appendingPathComponent("2025"), second = directory.appendingPathComponent("2026")
        for folder in [first, second] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try text.write(to: first.appendingPathComponent("klant.txt"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "Klantassistent", with: "Klanthulp")
            .write(to: second.appendingPathComponent("klanthulp.txt"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "Klantassistent", with: "Klantmaat")
            .write(to: second.appendingPathComponent("klantmaat.txt"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "Klantassistent", with: "Zwerfdienst")
            .write(to: second.appendingPathComponent("stray.txt"), atomically: true, encoding: .utf8)
        try """
            {"documents": {"klanthulp.txt": {"versionDate": "2026-01-01", "versionOf": "klant"},
                           "klantmaat.txt": {"versionDate": "2027-01-01", "versionOf": "./klanthulp.txt"},
                           "stray.txt": {"versionDate": "2028-01-01", "versionOf": "nowhere.txt"}}}
            """.write(to: second.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)

        let index = directory.appendingPathComponent("idx").path
        _ = try CorpusIndexer(indexPath: index).index([first.path])
        // The second folder in a run of its own: "klant" is a document id of the index, not a file of the run.
        let report = try CorpusIndexer(indexPath: index).index([second.path])
        XCTAssertEqual(report.added, 3)
        XCTAssertEqual(report.warnings.count, 1)
        XCTAssertEqual(report.warnings.first?.path, second.appendingPathComponent("manifest.json").path)
        XCTAssertTrue(report.warnings.first?.message.contains("\"stray.txt\": versionOf \"nowhere.txt\"") ?? false, "\(report.warnings)")

        let writer = try IndexWriter(path: index)
        XCTAssertEqual(try writer.fileRecord(documentID: "klanthulp")?.versionOf, "klant")
        XCTAssertEqual(try writer.fileRecord(documentID: "klantmaat")?.versionOf, "klanthulp")
        XCTAssertNil(try writer.fileRecord(documentID: "stray")?.versionOf)
        try writer.close()

        let searcher = try TermsSearcher(paths: [index])
        let documents = Dictionary(uniqueKeysWithValues: try searcher.documents().documents.map { ($0.document, $0) })
        XCTAssertEqual(Set(["klant", "klanthulp", "klantmaat"].map { documents[$0]?.supplier }), ["Klantassistent", "Klanthulp", "Klantmaat"])
        XCTAssertEqual(documents["klantmaat"]?.current, true)
        XCTAssertEqual(documents["klantmaat"]?.previousVersion, "klanthulp")
        XCTAssertEqual(documents["klanthulp"]?.previousVersion, "klant")
        XCTAssertEqual(documents["klant"]?.current, false)
        XCTAssertNil(documents["stray"]?.versionGroup)
        let current = try searcher.limitingToVersions(SearchFilters(), asOf: nil).documents
        XCTAssertEqual(Set(current), ["klantmaat", "stray"])
    }
}
