import Foundation
import XCTest
import Xapian
@testable import TermsIndex

/// Each Dutch matching feature, shown on concrete clauses of the bundled corpus: an index built
/// with every feature finds them, one built without (where it matters) does not.
final class MatchingFeatureTests: XCTestCase {
    /// Indexes of `Corpus/`, built once per feature set for the whole class.
    nonisolated(unsafe) private static var indexes: [MatchingFeatures: String] = [:]

    private static func index(_ features: MatchingFeatures) throws -> String {
        if let path = indexes[features] { return path }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-matching-\(UUID().uuidString)").path
        try IndexWriter.create(path: path, features: features)
        let report = try CorpusIndexer(indexPath: path).index([CompoundTestCorpus.packageRoot.appendingPathComponent("Corpus").path])
        XCTAssertTrue(report.failed.isEmpty)
        indexes[features] = path
        return path
    }

    override class func tearDown() {
        for path in indexes.values { try? FileManager.default.removeItem(atPath: path) }
        indexes = [:]
        super.tearDown()
    }

    /// The clauses that match `query` (all its words: the partial tier of clauses with only some of
    /// them is left out, as these tests are about what each feature makes match).
    private func ids(_ query: String, features: MatchingFeatures = .all, limit: Int = 200) throws -> [String] {
        let searcher = try TermsSearcher(paths: [try Self.index(features)], features: features)
        return try searcher.search(SearchRequest(query: query, limit: limit, offset: 0)).hits.filter { $0.match != .partial }.map(\.id)
    }

    // MARK: Diacritics

    func testFoldedWordsFindWordsWithDiacriticsAndBack() throws {
        // Spijkerman 15.6: "... cliënt heeft ..."
        let clause = "spijkerman-computerservice-voorwaarden#15.6"
        XCTAssertTrue(try ids("\"client heeft\"").contains(clause))
        XCTAssertTrue(try ids("\"cliënt heeft\"").contains(clause))
        XCTAssertFalse(try ids("\"client heeft\"", features: [.stemming]).contains(clause), "without folding the phrase needs the diaeresis")
        // Klantassistent 3.4 is about "beëindiging".
        XCTAssertTrue(try ids("beeindiging").contains("klantassistent-algemene-voorwaarden#3.4"))
        XCTAssertTrue(try ids("\"beeindiging van de overeenkomst\"").count >= 1)
    }

    func testQueryFoldingLeavesFilterValuesAlone() {
        let folded = QueryAnalysis.prepare("cliënt document:café", features: .all, filterFields: ["document"])
        XCTAssertEqual(folded, "client document:café")
        XCTAssertEqual(QueryAnalysis.prepare("cliënt", features: [], filterFields: []), "cliënt")
    }

    // MARK: Compounds

    func testCompoundPartsFindTheCompound() throws {
        // Matteman 8.2: "... de aansprakelijkheidsverzekering van leverancier ..."
        let clause = "ict-leverancier-matteman-voorwaarden#8.2"
        XCTAssertTrue(try ids("verzekering").contains(clause))
        XCTAssertFalse(try ids("verzekering", features: [.stemming]).contains(clause))
        // The parts sit at the compound's position, so they work in phrases too.
        XCTAssertTrue(try ids("\"verzekering van leverancier\"").contains(clause))
    }

    // MARK: Party synonyms

    func testPartySynonymsAreKeyedOnZStems() throws {
        let database = try Database(path: try Self.index(.all))
        let stem = try Stem(language: Language.dutch.defaultStemmerName)
        let synonyms = try database.synonyms(of: "Z" + stem("klant"))
        XCTAssertTrue(synonyms.contains("Z" + stem("opdrachtgever")), "\(synonyms)")
        XCTAssertTrue(synonyms.contains("Z" + stem("client")))
        XCTAssertTrue(try database.synonyms(of: "Z" + stem("consument")).isEmpty, "consument is narrower: it does not expand")
    }

    func testSupplierNamesFindEachOther() throws {
        // Spijkerman 29.18 says "leverancier"; EasyComp A.8.2 says "Opdrachtnemer".
        XCTAssertTrue(try ids("opdrachtnemer verzekeraar").contains("spijkerman-computerservice-voorwaarden#29.18"))
        XCTAssertFalse(try ids("opdrachtnemer verzekeraar", features: .all.subtracting(.partySynonyms)).contains("spijkerman-computerservice-voorwaarden#29.18"))
        XCTAssertTrue(try ids("totale aansprakelijkheid leverancier").contains("easycomp-zeeland-voorwaarden#A.8.2"))
    }

    // MARK: Stopwords in phrases

    func testPhrasesWithStopwordsMatch() throws {
        let hits = try ids("\"de aansprakelijkheid van leverancier\"")
        XCTAssertTrue(hits.contains("ict-leverancier-matteman-voorwaarden#8.4"), "\(hits)")
        XCTAssertTrue(hits.contains("spijkerman-computerservice-voorwaarden#29.3"), "\(hits)")
        XCTAssertTrue(try ids("\"is steeds beperkt tot\"").contains("ict-leverancier-matteman-voorwaarden#8.1"))
    }

    // MARK: English

    func testEnglishClausesAreFoundByEnglishQueries() throws {
        XCTAssertTrue(try ids("\"right of withdrawal\"").contains("easycomp-zeeland-voorwaarden#10c.1"))
        XCTAssertTrue(try ids("liable").contains("easycomp-zeeland-voorwaarden#10c.3"))
        XCTAssertTrue(try ids("withdrawal reimbursement").contains("easycomp-zeeland-voorwaarden#10c.5"))
    }

    // MARK: Positions

    /// Feeding TermGenerator chunk by chunk (what the extra terms need) gives the same terms as
    /// feeding it whole texts, and a clause without diacritics gets no extra terms from folding.
    func testChunkedIndexingMakesTheSameTermsAsTermGenerator() throws {
        let file = CompoundTestCorpus.packageRoot.appendingPathComponent("Corpus/ict-leverancier-matteman-voorwaarden.txt")
        let document = try DocumentIngester().ingest(file, id: "matteman").document
        let plain = try ClauseAnalyzer(language: .dutch, stemmer: "kraaij_pohlmann", features: [.stemming])
        let folding = try ClauseAnalyzer(language: .dutch, stemmer: "kraaij_pohlmann", features: [.stemming, .diacriticFolding])
        // Neither has compound parts, so neither gets a splitter.
        plain.begin(splitter: nil)
        folding.begin(splitter: nil)
        var compared = 0
        for (ordinal, clause) in document.clauses.enumerated() where clause.language == .dutch {
            let stored = StoredClause(clause, of: document, ordinal: ordinal)
            let all = [stored.text, stored.heading ?? "", stored.articleHeading ?? "", stored.title, stored.supplier].joined()
            guard !all.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { continue }
            var spelling: [String: Int] = [:]
            let a = try plain.document(for: stored, spelling: &spelling).termsWithFrequency
            let b = try folding.document(for: stored, spelling: &spelling).termsWithFrequency
            XCTAssertEqual(a.map(\.term), b.map(\.term), stored.id)
            XCTAssertEqual(a.map(\.wdf), b.map(\.wdf), stored.id)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 50)
    }

    func testFeatureNamesRoundTrip() {
        XCTAssertEqual(MatchingFeatures(parsing: "all"), .all)
        XCTAssertEqual(MatchingFeatures(parsing: "none"), [])
        XCTAssertEqual(MatchingFeatures(parsing: "all,-compounds"), MatchingFeatures.all.subtracting(.compoundParts))
        XCTAssertNil(MatchingFeatures(parsing: "colour"))
        XCTAssertEqual(MatchingFeatures(parsing: MatchingFeatures.all.description), .all)
    }
}
