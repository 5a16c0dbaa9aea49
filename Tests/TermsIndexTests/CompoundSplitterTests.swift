import Foundation
import TestSupport
import XCTest
@testable import TermsIndex

/// The texts the compound figures are measured on: the bundled seed corpus, plus the real-world
/// documents under ../shared/realworld when they are there (PDFs only if pdftotext is).
enum CompoundTestCorpus {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let realWorldDirectory = TestMaterial.realworld ?? URL(fileURLWithPath: "/nonexistent/shared/realworld")
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

    func testBriefExamplesOnTheCorpusVocabulary() {
        let splitter = self.splitter
        XCTAssertEqual(splitter.split("aansprakelijkheidsverzekering"), ["aansprakelijkheid", "verzekering"])
        XCTAssertEqual(splitter.split("leveringstermijn"), ["levering", "termijn"])
        XCTAssertEqual(splitter.split("betalingsverplichting"), ["betaling", "verplichting"])
        XCTAssertEqual(splitter.split("persoonsgegevens"), ["persoon", "gegevens"])
        XCTAssertEqual(splitter.split("geheimhoudingsplicht"), ["geheimhouding", "plicht"])
        XCTAssertEqual(splitter.split("onderhoudscontracten"), ["onderhoud", "contracten"])
        for word in ["beperkt", "overeenkomst", "overeenkomsten", "verwerker", "ondernemer",
                     "opdrachtgever", "opdrachtnemer", "aansprakelijkheid", "geheimhouding"] {
            XCTAssertNil(splitter.split(word), word)
        }
    }

    func testLinkingMorphemesOnASmallVocabulary() {
        let splitter = CompoundSplitter(vocabulary: [
            "onderhoud": 20, "contract": 15, "klant": 30, "dienst": 12, "ziekte": 3, "kosten": 9,
            "aansprakelijkheid": 9, "verzekering": 4, "over": 50, "een": 200, "komst": 2,
        ])
        XCTAssertEqual(splitter.split("onderhoudscontract"), ["onderhoud", "contract"])
        XCTAssertEqual(splitter.split("klantendienst"), ["klant", "dienst"])
        XCTAssertEqual(splitter.split("ziektekosten"), ["ziekte", "kosten"])
        XCTAssertEqual(splitter.split("klantdienstcontract"), ["klant", "dienst", "contract"])
        XCTAssertNil(splitter.split("overeenkomst"), "stopwords are never parts")
        XCTAssertNil(splitter.split("klantx"))
        XCTAssertNil(splitter.split("klant"))
        XCTAssertNil(splitter.split("klant2dienst"))
        XCTAssertNil(splitter.split(""))
    }

    func testFrequentWholeWordStaysWhole() {
        let vocabulary = ["werk": 3, "dagen": 5, "werkdagen": 40]
        XCTAssertNil(CompoundSplitter(vocabulary: vocabulary).split("werkdagen"))
        XCTAssertEqual(CompoundSplitter(vocabulary: vocabulary, wholeWordBias: 20).split("werkdagen"),
                       ["werk", "dagen"])
    }

    func testMinimumPartLengthAndFrequency() {
        let vocabulary = ["ab": 100, "cdef": 100, "abcdef": 1, "xyz": 1, "xyzcdef": 1]
        XCTAssertNil(CompoundSplitter(vocabulary: vocabulary).split("abcdef"))
        XCTAssertEqual(CompoundSplitter(vocabulary: vocabulary, minPartLength: 2).split("abcdef"), ["ab", "cdef"])
        XCTAssertNil(CompoundSplitter(vocabulary: vocabulary, minPartFrequency: 2).split("xyzcdef"))
        let withoutXYZ = vocabulary.filter { $0.key != "xyz" }
        XCTAssertNil(CompoundSplitter(vocabulary: withoutXYZ).split("xyzcdef"))
        XCTAssertEqual(CompoundSplitter(vocabulary: withoutXYZ, lexicon: ["xyz"]).split("xyzcdef"), ["xyz", "cdef"],
                       "a lexicon word counts as a known part")
    }

    func testVocabularyCountsLowercasedWords() {
        let vocabulary = CompoundSplitter.vocabulary(from: ["De Klant, de klant.", "KLANT's auto’s"])
        XCTAssertEqual(vocabulary["klant"], 2)
        XCTAssertEqual(vocabulary["de"], 2)
        XCTAssertEqual(vocabulary["klant's"], 1)
        XCTAssertEqual(vocabulary["auto's"], 1)
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
        let words = CompoundTestCorpus.vocabulary.keys.sorted()
        let splitter = CompoundSplitter(vocabulary: CompoundTestCorpus.vocabulary)
        let start = Date()
        let split = words.filter { splitter.split($0) != nil }.count
        print("figures | split every vocabulary word once: \(words.count) words, \(split) split, "
            + "\(Int(Date().timeIntervalSince(start) * 1000)) ms (debug build)")
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
