import ArgumentParser
import Foundation
import TermsIndex

/// `termsearch fuzz`: throws generated and mutated input at the query path or the ingestion path
/// for a time budget. Hidden from --help; see docs/robustness.md.
///
/// A failure is an error of an undocumented type, an empty block, or an input slower than
/// `--slow` seconds; a crash kills the process, so each input is written to `--last-input`
/// before it runs and the file is left behind with the input that crashed.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the query or ingestion path for a fixed time (for developers).",
        shouldDisplay: false
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case query, ingest }

    @Option(name: .long, help: "What to fuzz: query or ingest.")
    var target: Target = .ingest

    @Option(name: .long, help: "How long to run, in seconds.")
    var seconds: Double = 60

    @Option(name: .long, help: "Seed of the generator (a run is reproducible from its seed).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "An input taking longer than this many seconds is a failure.")
    var slow: Double = 10

    @Option(name: .long, help: "Where each input is written before it runs (left behind on a crash).")
    var lastInput: String = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-fuzz-last-input").path

    func run() throws {
        let fuzzer = Fuzzer(seed: seed, lastInput: lastInput, slow: slow)
        let deadline = Date().addingTimeInterval(seconds)
        switch target {
        case .query: try fuzzer.queries(until: deadline)
        case .ingest: fuzzer.ingestion(until: deadline)
        }
        try? FileManager.default.removeItem(atPath: lastInput)
        let slowest = String(format: "%.3f", fuzzer.slowest.seconds)
        print("fuzz \(target.rawValue): \(fuzzer.runs) inputs in \(Int(seconds)) s (seed \(seed)): \(fuzzer.outcomes.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")); \(fuzzer.failures.count) failures; slowest \(slowest) s (\(fuzzer.slowest.bytes) bytes)")
        for failure in fuzzer.failures.prefix(20) { printError("fuzz failure: \(failure)") }
        if !fuzzer.failures.isEmpty { throw ExitStatus.partialFailure }
    }
}

/// The generators and the loop.
final class Fuzzer {
    var rng: SplitMix64
    let lastInput: String
    let slow: Double
    var runs = 0
    var outcomes: [String: Int] = [:]
    var failures: [String] = []
    var slowest: (seconds: Double, bytes: Int) = (0, 0)

    init(seed: UInt64, lastInput: String, slow: Double) {
        rng = SplitMix64(seed: seed)
        self.lastInput = lastInput
        self.slow = slow
    }

    func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }

    private func remember(_ data: Data) { try? data.write(to: URL(fileURLWithPath: lastInput)) }

    private func timed(_ bytes: Int, _ describe: () -> String, _ body: () throws -> Void) rethrows {
        let start = Date()
        try body()
        let elapsed = Date().timeIntervalSince(start)
        if elapsed > slowest.seconds { slowest = (elapsed, bytes) }
        if elapsed > slow { failures.append(String(format: "%.1f s for %@", elapsed, describe())) }
    }

    // MARK: queries

    static let queryPieces = [
        "aansprakelijkheid", "schade", "beperkt", "tot", "de", "van", "het", "levering", "garantie", "liability",
        "AND", "OR", "NOT", "XOR", "NEAR", "NEAR/3", "ADJ/2", "+", "-", "(", ")", "\"", "“", "”", "*", "..", ":",
        "title:", "heading:", "supplier:", "article:14", "clause:14.1", "topic:aansprakelijkheid", "lang:en",
        "kind:", "year:2025", "document:", "foo:bar", "a..b", "5..10", "'; DROP TABLE--", "$(rm -rf /)", "`id`",
        "\u{0}", "\u{1B}[31m", "\u{7F}", "\u{200B}", "\u{FEFF}", "é", "ß", "İ", "🙂", "\u{301}", "\t", "\n", "\\",
        "&&", "||", "%", "_", "{", "}", "[", "]", "<em>", "&amp;", "0", "99999999999999999999", "ａｂｃ",
    ]

    func query() -> String {
        if chance(5) { return String(repeating: pick(Self.queryPieces) + " ", count: Int(rng.next() % 3000)) }
        if chance(10) {
            return String(String.UnicodeScalarView((0..<Int(rng.next() % 40)).compactMap { _ in
                Unicode.Scalar(UInt32(rng.next() % (chance(70) ? 0x80 : 0x11000)))
            }))
        }
        var parts: [String] = []
        for _ in 0..<Int(1 + rng.next() % 10) { parts.append(pick(Self.queryPieces)) }
        return parts.joined(separator: chance(70) ? " " : "")
    }

    func queries(until deadline: Date) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try "Artikel 14 Aansprakelijkheid\n14.1 De aansprakelijkheid is beperkt tot het bedrag van de levering.\n14.2 Indirecte schade is uitgesloten.\n"
            .write(to: documents.appendingPathComponent("nl.txt"), atomically: true, encoding: .utf8)
        try "Article 3 Liability\n3.1 Liability is limited to the amount paid. The warranty lasts twelve months.\n"
            .write(to: documents.appendingPathComponent("en.txt"), atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("index").path
        _ = try CorpusIndexer(indexPath: index).index([documents.path])
        let searcher = try TermsSearcher(paths: [index])
        while Date() < deadline {
            let q = query()
            remember(Data(q.utf8))
            runs += 1
            timed(q.utf8.count, { "query \(q.debugDescription.prefix(200))" }) {
                do {
                    _ = try searcher.search(SearchRequest(query: q, limit: 10, offset: 0))
                    outcomes["results", default: 0] += 1
                } catch let error as TermsearchError {
                    switch error {
                    case .invalidQuery, .invalidFilter:
                        outcomes["invalid", default: 0] += 1
                        if error.description.contains("\n") { failures.append("multi-line error for \(q.debugDescription)") }
                    default:
                        failures.append("query \(q.debugDescription.prefix(200)): \(error)")
                    }
                } catch {
                    failures.append("query \(q.debugDescription.prefix(200)): undocumented error \(error)")
                }
            }
        }
    }

    // MARK: ingestion

    static let textSeeds: [(String, String)] = [
        ("txt", "Algemene voorwaarden\nArtikel 1 Definities\n1.1 In deze voorwaarden wordt verstaan onder:\na. Klant: de wederpartij;\nb. Opdracht-\ngever: de klant.\n\u{0C}- 2 -\nArtikel 2 Aansprakelijkheid\n2.1 De aansprakelijkheid is beperkt tot € 500.\n"),
        ("md", "# Voorwaarden\n\n## Artikel 1\n\n1.1 De cliÃ«nt â€™s betaalt.\n\n- punt\n* [link](x)\n\n```\ncode\n```\n"),
        ("html", "<!doctype html><html><head><title>T</title><script>var a='<p>';</script></head><body><h1>Kop</h1><ol><li>Een<li>Twee</ol><p>Tekst &amp; meer &#x20AC; &bogus;<br>regel</p><table><tr><td>1.1</td><td>cel</td></tr></table></body></html>"),
        ("txt", "ARTICLE 1 DEFINITIONS\n1.1 \"Customer\" means ...\n1.2 Liability is limited.\n(a) first\n(b) second\nSchedule 1\n1. Annex clause\n"),
    ]

    static let fragments: [[UInt8]] = [
        [0xC3], [0xE2, 0x80], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0x00], [0x0D], [0x0C], [0xAD], Array("<".utf8),
        Array("&".utf8), Array("</".utf8), Array("<!--".utf8), Array("<script>".utf8), Array("\n\n".utf8),
        Array("Artikel 9".utf8), Array("1.1.1.1.1 ".utf8), Array("a.".utf8), Array("- ".utf8), Array("# ".utf8),
        Array("| a | b |\n".utf8), Array("-\n".utf8), Array("Pagina 1 van 2\n".utf8), Array("€".utf8),
    ]

    func document() -> (Data, String) {
        if chance(15) {
            let n = Int(rng.next() % (chance(10) ? 65_536 : 1024))
            return (Data((0..<n).map { _ in UInt8(truncatingIfNeeded: rng.next()) }), pick(["txt", "md", "html", "htm", "bin", ""]))
        }
        let (ext, text) = pick(Self.textSeeds)
        var bytes = [UInt8](text.utf8)
        if chance(10) { bytes = Array(repeating: bytes, count: Int(1 + rng.next() % 200)).flatMap { $0 } }
        for _ in 0..<Int(1 + rng.next() % 16) where !bytes.isEmpty {
            let at = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 6 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: bytes.insert(contentsOf: pick(Self.fragments), at: at)
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 32)))
            case 3: bytes = Array(bytes.prefix(at))
            case 4: bytes.insert(contentsOf: Array(repeating: pick(Self.fragments), count: Int(rng.next() % 500)).flatMap { $0 }, at: at)
            default:
                let from = Int(rng.next() % UInt64(bytes.count))
                bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + Int(rng.next() % 64))], at: at)
            }
        }
        if chance(3) { bytes = Array("%PDF-1.4\n".utf8) + bytes }
        return (Data(bytes), chance(90) ? ext : pick(["txt", "md", "html", "pdf", "docx"]))
    }

    func ingestion(until deadline: Date) {
        let reader = DocumentReader(limits: ReadLimits(toolTimeout: 5))
        let ingester = DocumentIngester(limits: ReadLimits(toolTimeout: 5))
        let repairer = TextRepairer()
        while Date() < deadline {
            let (data, ext) = document()
            remember(data)
            runs += 1
            let name = "fuzz-\(runs).\(ext)"
            timed(data.count, { "\(data.count) bytes as .\(ext) (seed input \(runs))" }) {
                do {
                    let extracted = try reader.read(data: data, fileExtension: ext, path: name)
                    if extracted.blocks.contains(where: { $0.text.isEmpty }) { failures.append("\(name): an empty block") }
                    let ingested = ingester.ingest(extracted, path: name, id: "fuzz")
                    if Set(ingested.document.clauses.map(\.key)).count != ingested.document.clauses.count {
                        failures.append("\(name): two clauses with the same key")
                    }
                    outcomes["read", default: 0] += 1
                } catch let error as IngestError {
                    outcomes["refused", default: 0] += 1
                    if error.description.contains("\n") { failures.append("\(name): multi-line error \(error.description.debugDescription)") }
                } catch {
                    failures.append("\(name): undocumented error \(error)")
                }
                _ = repairer.repair(String(decoding: data, as: UTF8.self))
            }
        }
    }
}
