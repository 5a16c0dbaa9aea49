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
        print("compound gold (no lexicon, corpus vocabulary, \(CompoundTestCorpus.vocabulary.count) words, "
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
        let lexicon = CompoundLexicon(entries: ["xyz": [.dictionary, .begin]])
        XCTAssertEqual(CompoundSplitter(vocabulary: withoutXYZ, lexicon: lexicon).split("xyzcdef"), ["xyz", "cdef"],
                       "a lexicon word allowed first counts as a known part")
        let unflagged = CompoundLexicon(entries: ["xyz": .word])
        XCTAssertNil(CompoundSplitter(vocabulary: withoutXYZ, lexicon: unflagged).split("xyzcdef"),
                     "a lexicon word without a compound flag needs minLexiconPartLength characters")
    }

    func testVocabularyCountsLowercasedWords() {
        let vocabulary = CompoundSplitter.vocabulary(from: ["De Klant, de klant.", "KLANT's auto’s"])
        XCTAssertEqual(vocabulary["klant"], 2)
        XCTAssertEqual(vocabulary["de"], 2)
        XCTAssertEqual(vocabulary["klant's"], 1)
        XCTAssertEqual(vocabulary["auto's"], 1)
    }
}

final class CompoundLexiconTests: XCTestCase {
    /// OpenTaal's flags as the lexicon reads them from a hunspell .dic.
    func testReadsHunspellCompoundFlags() {
        let dic = Data("4\nlevering/ZbCcCh\nklacht/CaCbCcYbZb\nZonne/CxCe\ncliënt/Zb\n".utf8)
        let words = Data("Leveringen\ntij\n".utf8)
        let lexicon = CompoundLexicon(wordList: words, hunspellDictionary: dic)
        XCTAssertEqual(lexicon.flags(of: "levering"), [.dictionary, .end, .beginWithS])
        XCTAssertEqual(lexicon.flags(of: "klacht"), [.dictionary, .begin, .end])
        XCTAssertEqual(lexicon.flags(of: "zonne"), [.dictionary, .begin])
        XCTAssertEqual(lexicon.flags(of: "client"), .dictionary, "folded")
        XCTAssertEqual(lexicon.flags(of: "leveringen"), .word, "lowercased")
        XCTAssertEqual(lexicon.flags(of: "4"), [], "the count line is not a word")
        XCTAssertTrue(lexicon.hasCompoundFlags)
        XCTAssertFalse(CompoundLexicon(wordList: words, hunspellDictionary: nil).hasCompoundFlags)
    }

    /// The rules on a small flagged lexicon and no document words: linking s only where the flags
    /// allow it, inflected last parts, lemmas kept whole, particles never parts.
    func testRulesOnASmallLexicon() {
        let lexicon = CompoundLexicon(entries: [
            "levering": [.dictionary, .end, .beginWithS], "termijn": [.dictionary, .begin, .end],
            "klacht": [.dictionary, .begin, .end], "bedrijf": [.dictionary, .begin, .end],
            "vak": .dictionary, "zekering": [.dictionary, .begin, .end], "verzekering": [.dictionary, .end],
            "binnen": .dictionary, "komt": .word, "kort": .dictionary, "sluiting": [.dictionary, .end],
            "kortsluiting": .dictionary, "stroomsluiting": .word,
        ])
        let splitter = CompoundSplitter(vocabulary: [:], lexicon: lexicon)
        XCTAssertEqual(splitter.split("leveringstermijn"), ["levering", "termijn"])
        XCTAssertEqual(splitter.split("leveringstermijnen"), ["levering", "termijnen"], "plural of a last part")
        XCTAssertEqual(splitter.split("klachtenbedrijven"), ["klacht", "bedrijven"], "bedrijven → bedrijf")
        XCTAssertNil(splitter.split("vakbedrijven"), "a short part needs a compound flag or the document")
        XCTAssertEqual(CompoundSplitter(vocabulary: ["vak": 3], lexicon: lexicon).split("vakbedrijven"),
                       ["vak", "bedrijven"])
        XCTAssertNil(splitter.split("verzekering"), "ver is a prefix, not a part")
        XCTAssertNil(splitter.split("binnenkomt"))
        XCTAssertNil(splitter.split("kortsluiting"), "a lemma with weak parts stays whole")
        XCTAssertEqual(CompoundSplitter(vocabulary: ["kort": 20, "sluiting": 30], lexicon: lexicon).split("kortsluiting"),
                       ["kort", "sluiting"], "unless its parts are frequent in the document")
    }

    /// The indexer's splitter does not depend on `Corpus/`: with the system lexicon and no
    /// document words it splits the brief's examples and keeps the traps whole.
    func testSystemLexiconAloneSplitsTheBriefExamples() throws {
        guard let lexicon = SystemWordList.compoundLexicon, lexicon.hasCompoundFlags else {
            throw XCTSkip("no wdutch/hunspell-nl: \(CompoundVocabulary.lexiconNote ?? "")")
        }
        let splitter = CompoundVocabulary.splitter(forDocument: [:])
        XCTAssertEqual(splitter.split("aansprakelijkheidsverzekering"), ["aansprakelijkheid", "verzekering"])
        XCTAssertEqual(splitter.split("leveringstermijn"), ["levering", "termijn"])
        XCTAssertEqual(splitter.split("betalingsverplichting"), ["betaling", "verplichting"])
        XCTAssertEqual(splitter.split("geheimhoudingsplicht"), ["geheimhouding", "plicht"])
        XCTAssertEqual(splitter.split("onderhoudscontracten"), ["onderhoud", "contracten"])
        // Without document words, lexicalised compounds whose parts are lexicon words are split
        // (geheim+houding); in a document their own frequency keeps them whole (the gold figures).
        for word in ["beperkt", "overeenkomst", "overeenkomsten", "verwerker", "ondernemer", "verzekering",
                     "opdrachtgever", "opdrachtnemer", "aansprakelijkheid", "noodzakelijk", "onrechtmatige"] {
            XCTAssertNil(splitter.split(word), word)
        }
    }
}
