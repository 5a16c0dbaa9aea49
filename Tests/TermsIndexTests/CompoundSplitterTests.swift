import Foundation
import XCTest
@testable import TermsIndex

/// The texts the compound figures are measured on: the bundled seed corpus, plus the real-world
/// documents under /work/shared/realworld when they are there (PDFs only if pdftotext is).
enum CompoundTestCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realWorldDirectory = URL(fileURLWithPath: "/work/shared/realworld")
    static let dutchWordList = URL(fileURLWithPath: "/usr/share/dict/dutch")

    static let seedTexts: [String] = {
        let corpus = packageRoot.appendingPathComponent("Corpus")
        let files = (try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
            .compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    static let realWorldTexts: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(
            at: realWorldDirectory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.lastPathComponent != "SOURCES.md" }.sorted { $0.path < $1.path }
            .compactMap { file -> String? in
                switch file.pathExtension {
                case "pdf": return pdfText(file)
                case "html": return (try? String(contentsOf: file, encoding: .utf8)).map(stripTags)
                case "md", "txt": return try? String(contentsOf: file, encoding: .utf8)
                default: return nil
                }
            }
    }()

    static let vocabulary = CompoundSplitter.vocabulary(from: seedTexts + realWorldTexts)

    static let gold: [CompoundEvaluation.Entry] = {
        let url = packageRoot.appendingPathComponent("Tests/Fixtures/compounds/gold.tsv")
        return CompoundEvaluation.parseGold((try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }()

    static func pdfText(_ file: URL) -> String? {
        let candidates = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    static func stripTags(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }
}

final class CompoundSplitterTests: XCTestCase {
    private var splitter: CompoundSplitter { CompoundSplitter(vocabulary: CompoundTestCorpus.vocabulary) }

    func testGoldFigures() throws {
        let gold = CompoundTestCorpus.gold
        XCTAssertGreaterThanOrEqual(gold.count, 80)
        let result = CompoundEvaluation.evaluate(gold, split: splitter.split)
        print("compound gold (corpus vocabulary, \(CompoundTestCorpus.vocabulary.count) words, "
            + "\(CompoundTestCorpus.realWorldTexts.count) real-world texts): \(result.summary)")
        for error in result.errors {
            print("  \(error.word): expected \(error.expected?.joined(separator: "+") ?? "-"), "
                + "got \(error.predicted?.joined(separator: "+") ?? "-")")
        }
        XCTAssertGreaterThanOrEqual(result.precision, 0.85)
        XCTAssertGreaterThanOrEqual(result.recall, 0.7)
    }
}

final class CompoundFiguresTests: XCTestCase {
    /// Prints the figures recorded in docs/dutch.md: Koehn & Knight's bias 1, 2, 4, 8, with and
    /// without the wdutch word list as an extra lexicon. Asserts nothing about them.
    func testFiguresTable() throws {
        var lexicons: [(String, Set<String>)] = [("corpus only", [])]
        if let list = try? String(contentsOf: CompoundTestCorpus.dutchWordList, encoding: .utf8) {
            let words = Set(list.split(whereSeparator: \.isNewline).map { $0.lowercased() })
            lexicons.append(("corpus + wdutch (\(words.count) words)", words))
        }
        for (name, lexicon) in lexicons {
            for bias in [1.0, 2, 4, 8] {
                let splitter = CompoundSplitter(
                    vocabulary: CompoundTestCorpus.vocabulary, wholeWordBias: bias, lexicon: lexicon)
                let result = CompoundEvaluation.evaluate(CompoundTestCorpus.gold, split: splitter.split)
                print("figures | \(name) | bias \(bias) | \(result.summary)")
                if !lexicon.isEmpty, bias == 4 {
                    for error in result.errors {
                        print("  wdutch: \(error.word): expected \(error.expected?.joined(separator: "+") ?? "-"), "
                            + "got \(error.predicted?.joined(separator: "+") ?? "-")")
                    }
                }
            }
        }
    }
}
