import Foundation
import XCTest

/// `termsearch diff` on versions made by editing Corpus/ documents in the test's own folder.
final class DiffCommandTests: CLITestCase {
    static func corpusText(_ name: String) throws -> String {
        try String(contentsOfFile: corpus + "/" + name, encoding: .utf8)
    }

    func write(_ text: String, _ name: String) throws -> String {
        let url = workDirectory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The changes of `diff --format json`, as (kind, old labels, new labels, renumbered, moved).
    func changes(_ old: String, _ new: String) throws -> [(kind: String, old: [String], new: [String], moved: Bool, diff: [[String: Any]])] {
        let run = try termsearch(["diff", old, new, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let articles = try XCTUnwrap(json["articles"] as? [[String: Any]])
        return articles.flatMap { ($0["changes"] as? [[String: Any]]) ?? [] }.map { c in
            (c["kind"] as? String ?? "", (c["old"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String },
             (c["new"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }, c["moved"] as? Bool ?? false,
             c["diff"] as? [[String: Any]] ?? [])
        }
    }

    func testRenumberedMovedChangedAddedRemovedClauses() throws {
        let original = try Self.corpusText("ict-leverancier-matteman-voorwaarden.txt")
        var lines = original.components(separatedBy: "\n")
        // Changed: two words of 1.2. Removed: 1.7. Added: a 2.18.
        let i12 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("1.2 ") })
        lines[i12] = lines[i12].replacingOccurrences(of: "vier weken", with: "dertig dagen")
        lines.removeAll { $0.hasPrefix("1.7 Onderhavige") }
        let i217 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("2.17 ") })
        lines.insert("2.18 Klant betaalt de kosten van elke herinnering die leverancier na de vervaldatum van een factuur verstuurt.", at: i217 + 1)
        // Renumbered: article 30 becomes article 31.
        let i30 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Artikel 30 ") })
        lines[i30] = lines[i30].replacingOccurrences(of: "Artikel 30 ", with: "Artikel 31 ")
        for k in (i30 + 1)..<lines.count where lines[k].hasPrefix("30.") { lines[k] = "31." + lines[k].dropFirst(3) }
        // Moved: article 11 after article 12.
        let a11 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Artikel 11 ") })
        let a12 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Artikel 12 ") })
        let a13 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Artikel 13 ") })
        let article11 = Array(lines[a11..<a12]), article12 = Array(lines[a12..<a13])
        lines.replaceSubrange(a11..<a13, with: article12 + article11)

        let old = try write(original, "old.txt"), new = try write(lines.joined(separator: "\n"), "new.txt")
        let found = try changes(old, new)
        func change(old key: String) -> (kind: String, old: [String], new: [String], moved: Bool, diff: [[String: Any]])? {
            found.first { $0.old.contains(key) }
        }
        XCTAssertEqual(change(old: "1.2")?.kind, "changed")
        let diff = try XCTUnwrap(change(old: "1.2")?.diff)
        XCTAssertTrue(diff.contains { $0["op"] as? String == "-" && $0["text"] as? String == "vier weken" }, "\(diff)")
        XCTAssertTrue(diff.contains { $0["op"] as? String == "+" && $0["text"] as? String == "dertig dagen" }, "\(diff)")
        XCTAssertEqual(change(old: "1.7")?.kind, "removed")
        XCTAssertEqual(found.first { $0.new == ["2.18"] }?.kind, "added")
        XCTAssertEqual(change(old: "30.1")?.kind, "renumbered")
        XCTAssertEqual(change(old: "30.1")?.new, ["31.1"])
        XCTAssertEqual(change(old: "11.1")?.kind, "moved")
        XCTAssertEqual(change(old: "11.1")?.new, ["11.1"])
        XCTAssertEqual(change(old: "12.1")?.kind, "unchanged")
        // Everything else is unchanged.
        let unchanged = found.filter { $0.kind == "unchanged" }.count
        XCTAssertEqual(found.count - unchanged, 1 + 1 + 1 + 9 + 2, "\(found.filter { $0.kind != "unchanged" }.map { "\($0.kind) \($0.old)→\($0.new)" })")

        // The text report groups by article and sums up per topic.
        let text = try termsearch(["diff", old, new])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Artikel 1 Toepasselijkheid"), text.stdout)
        XCTAssertTrue(text.stdout.contains("[-vier weken-] {+dertig dagen+}"), text.stdout)
        XCTAssertTrue(text.stdout.contains("wijziging-voorwaarden"), text.stdout)
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "no colour when piped")
    }

    func testSplitAndMergedClauses() throws {
        let original = try Self.corpusText("ict-leverancier-matteman-voorwaarden.txt")
        var lines = original.components(separatedBy: "\n")
        let i34 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("3.4 ") })
        XCTAssertTrue(lines[i34].hasSuffix(" en het aldus uitgevoerde gedeelte afzonderlijk te factureren."), lines[i34])
        lines[i34] = lines[i34].replacingOccurrences(of: " en het aldus uitgevoerde gedeelte afzonderlijk te factureren.", with: ".")
        lines.insert("3.5 Het aldus uitgevoerde gedeelte mag leverancier afzonderlijk factureren.", at: i34 + 1)
        let i214 = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("2.14 ") })
        XCTAssertTrue(lines[i214 + 1].hasPrefix("2.15 "))
        lines[i214] += " " + lines[i214 + 1].dropFirst(5)
        lines.remove(at: i214 + 1)
        let found = try changes(try write(original, "old.txt"), try write(lines.joined(separator: "\n"), "new.txt"))
        let split = try XCTUnwrap(found.first { $0.old == ["3.4"] })
        XCTAssertEqual(split.kind, "split")
        XCTAssertEqual(split.new, ["3.4", "3.5"])
        let merged = try XCTUnwrap(found.first { $0.old.contains("2.14") })
        XCTAssertEqual(merged.kind, "merged")
        XCTAssertEqual(merged.old, ["2.14", "2.15"])
    }

    /// Reflowed lines, doubled spaces and words hyphenated at line ends are extraction noise, never a change.
    func testUnchangedDocumentAfterReflowAndHyphenation() throws {
        for name in ["klantassistent-algemene-voorwaarden.txt", "spijkerman-computerservice-voorwaarden.txt"] {
            let original = try Self.corpusText(name)
            let reflowed = original.components(separatedBy: "\n").map(Self.reflow).joined(separator: "\n")
            XCTAssertNotEqual(reflowed, original)
            XCTAssertTrue(reflowed.contains("-\n"), "some words are hyphenated")
            let found = try changes(try write(original, "old-" + name), try write(reflowed, "new-" + name))
            XCTAssertGreaterThan(found.count, 10)
            XCTAssertEqual(found.filter { $0.kind != "unchanged" }.map { "\($0.kind) \($0.old)→\($0.new)" }, [], name)
            let text = try termsearch(["diff", CLITestCase.corpus + "/" + name, workDirectory.appendingPathComponent("new-" + name).path])
            XCTAssertTrue(text.stdout.contains("Every clause is unchanged."), text.stdout)
        }
    }

    /// A line wrapped at about 50 columns with two spaces between some words, and every long word
    /// that would end a line hyphenated there; a wrapped line never starts with a digit (it would read as a clause number).
    static func reflow(_ line: String) -> String {
        guard line.count > 60 else { return line }
        var out: [String] = []
        var current = ""
        for (n, word) in line.split(separator: " ").enumerated() {
            let w = String(word)
            if current.count + w.count > 50, !current.isEmpty, !(w.first?.isNumber ?? false), !(w.first.map { "•-–(".contains($0) } ?? false) {
                if w.count >= 10, w.allSatisfy(\.isLetter), w.first?.isLowercase == true {
                    out.append(current + " " + w.prefix(5) + "-")
                    current = String(w.dropFirst(5))
                } else {
                    out.append(current)
                    current = w
                }
            } else {
                current += current.isEmpty ? w : (n % 7 == 3 ? "  " : " ") + w
            }
        }
        out.append(current)
        return out.joined(separator: "\n")
    }

    func testDiffOfIndexedDocumentsAndVersionGroups() throws {
        let folder = workDirectory.appendingPathComponent("terms")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try Self.corpusText("klantassistent-algemene-voorwaarden.txt")
        try original.write(to: folder.appendingPathComponent("klant-2025.txt"), atomically: true, encoding: .utf8)
        try original.replacingOccurrences(of: "Klantassistent biedt een platform", with: "Klantassistent levert een platform")
            .write(to: folder.appendingPathComponent("klant-2026.txt"), atomically: true, encoding: .utf8)
        try """
            {"documents": {"klant-2025.txt": {"supplier": "Klantassistent", "versionDate": "2025-04-23", "kind": "general-terms-b2b"},
                           "klant-2026.txt": {"supplier": "Klantassistent", "versionDate": "2026-01-01", "kind": "general-terms-b2b"}}}
            """.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try termsearch(["index", "--index", "idx", folder.path]).status, 0)

        let run = try termsearch(["diff", "--index", "idx", "klant-2025", "klant-2026", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((json["summary"] as? [String: Int])?["changed"], 1, run.stdout)

        let listing = try termsearch(["documents", "--index", "idx", "--format", "json"])
        let documents = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any])?["documents"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0["document"] as? String ?? "", $0) })
        XCTAssertEqual(byID["klant-2026"]?["current"] as? Bool, true)
        XCTAssertEqual(byID["klant-2025"]?["current"] as? Bool, false)
        XCTAssertEqual(byID["klant-2026"]?["previousVersion"] as? String, "klant-2025")
        XCTAssertEqual(byID["klant-2026"]?["versionGroup"] as? String, byID["klant-2025"]?["versionGroup"] as? String)

        func documentsFound(_ extra: [String]) throws -> Set<String> {
            let search = try termsearch(["search", "--index", "idx", "platform klantcontact", "--format", "json"] + extra)
            XCTAssertEqual(search.status, 0, search.stderr)
            let hits = (try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["hits"] as? [[String: Any]] ?? []
            return Set(hits.compactMap { $0["document"] as? String })
        }
        XCTAssertEqual(try documentsFound([]), ["klant-2025", "klant-2026"])
        XCTAssertEqual(try documentsFound(["--current"]), ["klant-2026"])
        XCTAssertEqual(try documentsFound(["--as-of", "2025-12-31"]), ["klant-2025"])

        let missing = try termsearch(["diff", "--index", "idx", "klant-2025", "no-such-document"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("no-such-document"), missing.stderr)

        // Every version pair of the index in one run: the same comparison as the pair's own diff.
        let every = try termsearch(["diff", "--index", "idx", "--every-version", "--format", "json"])
        XCTAssertEqual(every.status, 0, every.stderr)
        let lines = every.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, every.stdout)
        let line = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(line["summary"] as? [String: Int], json["summary"] as? [String: Int])
        XCTAssertEqual((line["new"] as? [String: Any])?["document"] as? String, "klant-2026")
        let summary = try termsearch(["diff", "--index", "idx", "--every-version"])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("klant-2025 (2025-04-23) → klant-2026 (2026-01-01): 1 changed"), summary.stdout)
        XCTAssertNotEqual(try termsearch(["diff", "--index", "idx", "--every-version", "klant-2025", "klant-2026"]).status, 0)
        XCTAssertNotEqual(try termsearch(["diff", "--index", "idx", "klant-2025"]).status, 0)
    }

    /// The alignment measured against the truth file's constructed pairs (the real pairs live outside the repository).
    func testAlignmentOfConstructedPairsAgainstTruth() throws {
        let run = try termsearch(["eval-diff", CLITestCase.repositoryRoot.appendingPathComponent("Tests/Fixtures/versions/alignment.json").path,
                                  "--root", CLITestCase.repositoryRoot.path, "--realworld", "/nonexistent", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let pairs = try XCTUnwrap(json["pairs"] as? [[String: Any]])
        XCTAssertEqual(pairs.count, 2)
        for pair in pairs {
            let truth = pair["truth"] as? Int ?? 0, predicted = pair["predicted"] as? Int ?? 0, correct = pair["correct"] as? Int ?? 0
            XCTAssertGreaterThanOrEqual(Double(correct) / Double(max(1, predicted)), 0.95, "\(pair)")
            XCTAssertGreaterThanOrEqual(Double(correct) / Double(max(1, truth)), 0.95, "\(pair)")
        }
    }
}
