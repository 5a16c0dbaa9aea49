import Foundation
import TestSupport
@testable import TermsIndex

/// The compound figures as the indexer sees them: every document of `Corpus/`,
/// `../shared/realworld/` and `../shared/realworld2/files/` is ingested as `termsearch index`
/// would, and each gold word is split by the splitter the indexer makes for the document it
/// occurs in most often (`ClauseAnalyzer.compoundSplitter(for:features:)`). A gold word found in
/// no document is split with an empty document vocabulary. Words and gold parts are folded
/// (`cliënt` → `client`), as the indexer folds before it splits.
enum CompoundGoldHarness {
    static let goldFiles = ["gold.tsv", "gold-realworld.tsv", "gold-realworld-heldout.tsv"]

    /// Ingested documents, in path order; the shared folders only when they are there.
    static let documents: [TermsDocument] = {
        var paths = [TestMaterial.corpus.path]
        if let shared = TestMaterial.shared {
            for sub in ["realworld", "realworld2/files"] {
                let url = shared.appendingPathComponent(sub)
                if FileManager.default.fileExists(atPath: url.path) { paths.append(url.path) }
            }
        }
        let ingester = DocumentIngester()
        return SourceFiles.enumerate(paths).files.compactMap { source in
            try? ingester.ingest(source.url, id: source.documentID, entry: source.manifestEntry).document
        }
    }()

    /// Folded word → frequency, per document: what the indexer's splitter is given.
    static let documentWords: [[String: Int]] = documents.map { document in
        CompoundVocabulary.words(of: document.clauses.flatMap {
            [$0.text, $0.location.heading ?? "", $0.location.articleHeading ?? ""]
        })
    }

    static func gold(_ name: String) -> [CompoundEvaluation.Entry] {
        let url = TestMaterial.fixtures.appendingPathComponent("compounds/\(name)")
        return CompoundEvaluation.parseGold((try? String(contentsOf: url, encoding: .utf8)) ?? "").map {
            CompoundEvaluation.Entry(word: DiacriticFolding.fold($0.word), parts: $0.parts?.map(DiacriticFolding.fold))
        }
    }

    /// The index of the document where `word` occurs most often (the first on a tie), or nil.
    static func document(of word: String) -> Int? {
        var best: (index: Int, count: Int)?
        for (index, words) in documentWords.enumerated() {
            if let count = words[word], count > (best?.count ?? 0) { best = (index, count) }
        }
        return best?.index
    }

    /// Evaluates the indexer's splitter (`make` turns a document's words into one) on `gold`.
    static func evaluate(_ gold: [CompoundEvaluation.Entry],
                         make: ([String: Int]) -> CompoundSplitter) -> CompoundEvaluation.Result {
        var splitters: [Int: CompoundSplitter] = [:]
        let empty = make([:])
        return CompoundEvaluation.evaluate(gold) { word in
            guard let index = document(of: word) else { return empty.split(word) }
            if splitters[index] == nil { splitters[index] = make(documentWords[index]) }
            return splitters[index]!.split(word)
        }
    }
}

import XCTest

/// Prints the figures of docs/dutch.md ("Figures"): the indexer's splitter on each gold file.
/// The held-out file only with TERMSEARCH_HELDOUT=1 (it is not for tuning). Asserts nothing.
final class CompoundIndexFiguresTests: XCTestCase {
    func testIndexerFigures() {
        let withHeldOut = ProcessInfo.processInfo.environment["TERMSEARCH_HELDOUT"] == "1"
        print("index figures | documents \(CompoundGoldHarness.documents.count)")
        for name in CompoundGoldHarness.goldFiles where withHeldOut || !name.contains("heldout") {
            let result = CompoundGoldHarness.evaluate(CompoundGoldHarness.gold(name)) {
                CompoundSplitter(vocabulary: CompoundVocabulary.forDocument($0))
            }
            print("index figures | \(name) | \(result.summary)")
            if !name.contains("heldout") || ProcessInfo.processInfo.environment["TERMSEARCH_ERRORS"] == "1" {
                for error in result.errors {
                    print("  \(name): \(error.word): expected \(error.expected?.joined(separator: "+") ?? "-"), "
                        + "got \(error.predicted?.joined(separator: "+") ?? "-")")
                }
            }
        }
    }
}
