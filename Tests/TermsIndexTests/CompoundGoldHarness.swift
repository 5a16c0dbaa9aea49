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

/// The figures of docs/dutch.md ("Figures"): the indexer's splitter on each gold file, with the
/// lexicon it finds on the system, and (printed only) with parts of it or none. The held-out
/// file only with TERMSEARCH_HELDOUT=1: it is not for tuning.
final class CompoundIndexFiguresTests: XCTestCase {
    static let withHeldOut = ProcessInfo.processInfo.environment["TERMSEARCH_HELDOUT"] == "1"
    static var goldFiles: [String] { CompoundGoldHarness.goldFiles.filter { withHeldOut || !$0.contains("heldout") } }

    func testIndexerSplitterOnTheGoldLists() throws {
        guard let lexicon = SystemWordList.compoundLexicon, lexicon.hasCompoundFlags else {
            throw XCTSkip("no wdutch/hunspell-nl: \(CompoundVocabulary.lexiconNote ?? "")")
        }
        print("index figures | documents \(CompoundGoldHarness.documents.count) | lexicon \(lexicon.sources.joined(separator: ", "))")
        for name in Self.goldFiles {
            let result = CompoundGoldHarness.evaluate(CompoundGoldHarness.gold(name)) {
                CompoundVocabulary.splitter(forDocument: $0)
            }
            print("index figures | \(name) | \(result.summary)")
            if !name.contains("heldout") || ProcessInfo.processInfo.environment["TERMSEARCH_ERRORS"] == "1" {
                for error in result.errors {
                    print("  \(name): \(error.word): expected \(error.expected?.joined(separator: "+") ?? "-"), "
                        + "got \(error.predicted?.joined(separator: "+") ?? "-")")
                }
            }
            if name == "gold.tsv" {
                XCTAssertGreaterThanOrEqual(result.precision, 0.93, name)
                XCTAssertGreaterThanOrEqual(result.recall, 0.93, name)
            } else if CompoundGoldHarness.documents.count > 20 { // the shared documents are there
                XCTAssertGreaterThanOrEqual(result.precision, 0.8, name)
                XCTAssertGreaterThanOrEqual(result.recall, 0.8, name)
            }
        }
    }

    /// The fallbacks: no lexicon (the document's words only), the word list alone, the hunspell
    /// dictionary alone. Printed for docs/dutch.md; asserts nothing.
    func testFallbackFigures() {
        func read(_ paths: [String]) -> Data? {
            paths.lazy.compactMap { FileManager.default.contents(atPath: $0) }.first
        }
        let list = read(SystemWordList.paths)
        let dic = read(SystemWordList.hunspellPaths)
        let lexicons: [(String, CompoundLexicon?)] = [
            ("document words only", nil),
            ("+ wdutch", list.map { CompoundLexicon(wordList: $0, hunspellDictionary: nil) }),
            ("+ hunspell-nl", dic.map { CompoundLexicon(wordList: nil, hunspellDictionary: $0) }),
            ("+ wdutch + hunspell-nl", SystemWordList.compoundLexicon),
        ]
        for (label, lexicon) in lexicons {
            if label != "document words only", lexicon == nil { continue }
            for name in Self.goldFiles {
                let result = CompoundGoldHarness.evaluate(CompoundGoldHarness.gold(name)) {
                    CompoundVocabulary.splitter(forDocument: $0, lexicon: lexicon)
                }
                print("fallback figures | \(label) | \(name) | \(result.summary)")
            }
        }
    }
}
