import Foundation
import XCTest
@testable import TermsIndex

/// The judged set loads, the evaluation runs, and the matching features do not make relevance
/// worse than no features at all. (No fixed numbers: docs/relevance.md records those.)
final class RelevanceEvaluationTests: XCTestCase {
    private var sources: [String] {
        let root = CompoundTestCorpus.packageRoot
        var paths = [root.appendingPathComponent("Corpus").path]
        let env = ProcessInfo.processInfo.environment["TERMSEARCH_SHARED"]
        let sibling: String = root.deletingLastPathComponent().appendingPathComponent("shared/realworld").path
        var candidates: [String] = []
        if let env { candidates += [env + "/realworld", env] }
        candidates += [sibling, CompoundTestCorpus.realWorldDirectory.path]
        if let shared = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { paths.append(shared) }
        return paths
    }

    private func judged() throws -> JudgedSet {
        try JudgedSet.load(CompoundTestCorpus.packageRoot.appendingPathComponent("Tests/Fixtures/relevance/judged.json"))
    }

    func testJudgedSetHasEnoughQuestions() throws {
        let set = try judged()
        XCTAssertGreaterThanOrEqual(set.queries.count, 25)
        XCTAssertEqual(Set(set.queries.map(\.id)).count, set.queries.count, "query ids are unique")
        XCTAssertTrue(set.queries.allSatisfy { !$0.relevant.isEmpty && $0.relevant.allSatisfy { $0.contains("#") } })
    }

    func testAllFeaturesAreNotWorseThanNone() throws {
        let set = try judged()
        let stemmer = Language.dutch.defaultStemmerName
        let on = try RelevanceEvaluation.evaluateFresh(set, sources: sources, features: .all, dutchStemmer: stemmer)
        let off = try RelevanceEvaluation.evaluateFresh(set, sources: sources, features: [], dutchStemmer: stemmer)
        XCTAssertGreaterThan(on.queries, 20)
        XCTAssertEqual(on.queries, off.queries)
        XCTAssertTrue((0...1).contains(on.recall) && (0...1).contains(on.mrr))
        XCTAssertGreaterThanOrEqual(on.recall, off.recall, "recall@10 all on \(on.recall) vs all off \(off.recall)")
        print("relevance all-on R@10 \(on.recall) MRR \(on.mrr); all-off R@10 \(off.recall) MRR \(off.mrr)")
    }
}
