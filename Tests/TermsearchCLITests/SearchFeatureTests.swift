import Foundation
import XCTest

/// Fields, filters, ranges, facets, per-document, proximity, spelling and output formats of `search`,
/// against one index of the bundled corpus (built once for the class).
final class SearchFeatureTests: CLITestCase {
    static var sharedIndex: URL?

    /// The shared index of Corpus/, built on first use.
    func index() throws -> String {
        if let index = Self.sharedIndex { return index.path }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("termsearch-search-\(UUID().uuidString)")
        let run = try termsearch(["index", "--index", dir.path, Self.corpus])
        XCTAssertEqual(run.status, 0, run.stderr)
        Self.sharedIndex = dir
        return dir.path
    }

    override class func tearDown() {
        if let index = sharedIndex { try? FileManager.default.removeItem(at: index) }
        sharedIndex = nil
        super.tearDown()
    }

    /// Runs a JSON search and returns the decoded object.
    func json(_ arguments: [String], limit: Int = 1000) throws -> [String: Any] {
        let run = try termsearch(["search", "--index", try index(), "--format", "json", "--limit", String(limit)] + arguments)
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func ids(_ arguments: [String]) throws -> [String] { hits(try json(arguments)).map { $0["id"] as! String } }
    func total(_ arguments: [String]) throws -> Int { try json(arguments, limit: 0)["total"] as! Int }
    func suppliers(_ arguments: [String]) throws -> Set<String> { Set(hits(try json(arguments)).map { $0["supplier"] as! String }) }

    // MARK: fields

    func testArticleAndClauseFieldsAreCaseInsensitive() throws {
        XCTAssertEqual(try ids(["clause:A.8.3"]), ["easycomp-zeeland-voorwaarden#A.8.3"])
        XCTAssertEqual(try ids(["clause:a.8.3"]), ["easycomp-zeeland-voorwaarden#A.8.3"])
        XCTAssertEqual(try ids(["article:A.8.3"]), ["easycomp-zeeland-voorwaarden#A.8.3"], "article: also takes a clause label")
        XCTAssertEqual(Set(try ids(["article:14 supplier:klantassistent"])),
                       ["klantassistent-algemene-voorwaarden#14.1", "klantassistent-algemene-voorwaarden#14.2",
                        "klantassistent-algemene-voorwaarden#14.3"])
    }

    func testSupplierFieldTakesAWordOrThePhraseOfTheName() throws {
        XCTAssertEqual(try suppliers(["supplier:easycomp aansprakelijkheid"]), ["EasyComp Zeeland"])
        XCTAssertEqual(try suppliers(["supplier:\"easycomp zeeland\" aansprakelijkheid"]), ["EasyComp Zeeland"])
        XCTAssertEqual(try suppliers(["supplier:klantassistent schade"]), ["Klantassistent"])
        XCTAssertEqual(try ids(["supplier:easycomp clause:A.8.3"]), ["easycomp-zeeland-voorwaarden#A.8.3"])
    }

    func testExactFieldsLangKindYearTopic() throws {
        let english = hits(try json(["lang:en"]))
        XCTAssertFalse(english.isEmpty)
        XCTAssertTrue(english.allSatisfy { $0["language"] as? String == "en" })
        XCTAssertEqual(try suppliers(["kind:service-terms"]), ["CreAIM | Reconi"])
        XCTAssertEqual(try suppliers(["year:2025 schade"]), ["Klantassistent"])
        let topical = hits(try json(["topic:aansprakelijkheid schade"]))
        XCTAssertFalse(topical.isEmpty)
        XCTAssertTrue(topical.allSatisfy { ($0["topics"] as? [String])?.contains("aansprakelijkheid") ?? false })
        XCTAssertEqual(try suppliers(["title:meekijksessie"]), ["CreAIM | Reconi"])
        XCTAssertTrue(try ids(["heading:\"directe en indirecte schade\""]).contains("klantassistent-algemene-voorwaarden#14.1"))
    }

    // MARK: CLI filters and ranges

    func testRepeatedFilterOptionsAreOredAndDifferentOnesAnded() throws {
        XCTAssertEqual(try suppliers(["schade", "--supplier", "easycomp", "--supplier", "klantassistent"]),
                       ["EasyComp Zeeland", "Klantassistent"])
        XCTAssertEqual(try suppliers(["schade", "--supplier", "easycomp-zeeland", "--supplier", "Klantassistent", "--year", "2025"]),
                       ["Klantassistent"])
        XCTAssertEqual(try ids(["aansprakelijkheid", "--article", "a.8.3", "--supplier", "easycomp"]),
                       ["easycomp-zeeland-voorwaarden#A.8.3"])
        XCTAssertEqual(try suppliers(["schade", "--kind", "service-terms", "--kind", "general-terms-b2b"]),
                       ["CreAIM | Reconi", "Klantassistent", "Matteman ICT"])
        let english = hits(try json(["liable", "--lang", "en"]))
        XCTAssertFalse(english.isEmpty)
        XCTAssertTrue(english.allSatisfy { $0["language"] as? String == "en" })
        XCTAssertTrue(hits(try json(["schade", "--topic", "overmacht"])).allSatisfy { ($0["topics"] as? [String])?.contains("overmacht") ?? false })
    }

    func testYearAndDateRanges() throws {
        XCTAssertEqual(try suppliers(["schade 2019..2025"]), ["Matteman ICT", "Klantassistent"])
        XCTAssertEqual(try suppliers(["schade year:2019.."]), ["Matteman ICT", "Klantassistent"])
        XCTAssertEqual(try suppliers(["schade", "--years", "2019..2025"]), ["Matteman ICT", "Klantassistent"])
        XCTAssertEqual(try total(["schade 2019..2025"]), try total(["schade", "--years", "2019..2025"]))
        XCTAssertEqual(try suppliers(["schade 2019-01-01..2019-12-31"]), ["Matteman ICT"])
        XCTAssertEqual(try suppliers(["schade ..2018"]), ["EasyComp Zeeland"], "2018-02 lies within ..2018")
        XCTAssertEqual(try suppliers(["schade", "--since", "2018-02", "--until", "2019"]), ["EasyComp Zeeland", "Matteman ICT"])
        XCTAssertEqual(try total(["schade 2030..2040"]), 0)
    }

    func testBadRangesAndProximitySyntaxAreErrors() throws {
        for query in ["schade a..b", "schade 14..15", "schade NEAR/x kosten", "schade ~5", "\"beperkt tot\" NEAR schade"] {
            let run = try termsearch(["search", "--index", try index(), query])
            XCTAssertEqual(run.status, 2, query)
            XCTAssertTrue(run.stderr.hasPrefix("termsearch: invalid query"), run.stderr)
        }
        let run = try termsearch(["search", "--index", try index(), "schade", "--years", "2018-2025"])
        XCTAssertEqual(run.status, 64, run.stderr)
    }

    // MARK: facets and per-document

    func testFacetCountsEqualTheCountsOfFilteredSearches() throws {
        let facets = try XCTUnwrap(try json(["schade", "--facets"], limit: 0)["facets"] as? [String: [String: Int]])
        XCTAssertEqual(Set(facets.keys), ["supplier", "topic", "language", "kind", "year"])
        let options = ["supplier": "--supplier", "topic": "--topic", "language": "--lang", "kind": "--kind", "year": "--year"]
        for (facet, counts) in facets {
            XCTAssertFalse(counts.isEmpty, facet)
            for (value, count) in counts {
                XCTAssertEqual(try total(["schade", options[facet]!, value]), count, "\(facet)=\(value)")
            }
        }
        XCTAssertEqual(facets["supplier"]!.values.reduce(0, +), try total(["schade"]))
        let text = try termsearch(["search", "--index", try index(), "--facets", "schade"])
        let easyComp = try XCTUnwrap(facets["supplier"]?["EasyComp Zeeland"])
        XCTAssertTrue(text.stdout.contains("supplier: EasyComp Zeeland \(easyComp)"), text.stdout)
    }

    func testPerDocumentGivesEachSupplierOnceWithItsExactCount() throws {
        let object = try json(["schade", "--per-document"])
        let perSupplier = try XCTUnwrap(object["facets"] as? [String: [String: Int]])["supplier"]!
        let hits = hits(object)
        XCTAssertEqual(hits.count, 5)
        XCTAssertEqual(object["documents"] as? Int, 5)
        XCTAssertEqual(Set(hits.map { $0["supplier"] as! String }).count, 5)
        for hit in hits {
            XCTAssertEqual(hit["matchingClauses"] as? Int, perSupplier[hit["supplier"] as! String], "\(hit["supplier"]!)")
        }
        XCTAssertEqual(hits.map { $0["rank"] as! Int }, [1, 2, 3, 4, 5])
        XCTAssertNil(self.hits(try json(["schade"])).first?["matchingClauses"], "only per document")
        let text = try termsearch(["search", "--index", try index(), "--per-document", "schade"])
        let best = try XCTUnwrap(hits.first?["matchingClauses"] as? Int)
        XCTAssertTrue(text.stdout.contains("(\(best) matching clauses)"), text.stdout)
    }

    // MARK: proximity

    func testNearRanksExactPhrasesFirstAndMarksEachHit() throws {
        let exactOnly = try ids(["\"aansprakelijkheid beperkt tot\""])
        XCTAssertEqual(exactOnly, ["klantassistent-algemene-voorwaarden#14.1"])
        let near = hits(try json(["--near", "\"aansprakelijkheid beperkt tot\""]))
        XCTAssertGreaterThan(near.count, 1)
        XCTAssertEqual(near.first?["id"] as? String, "klantassistent-algemene-voorwaarden#14.1")
        XCTAssertEqual(near.map { $0["match"] as! String }, ["exact"] + Array(repeating: "near", count: near.count - 1))
        XCTAssertTrue(near.map { $0["id"] as! String }.contains("spijkerman-computerservice-voorwaarden#29.18"))
        XCTAssertEqual(hits(try json(["\"aansprakelijkheid beperkt tot\"~5"])).map { $0["id"] as! String },
                       near.map { $0["id"] as! String }, "~N is --near for one phrase")
        // Paging crosses from the exact tier into the near tier.
        XCTAssertEqual(try ids(["--near", "--limit", "2", "--offset", "1", "\"aansprakelijkheid beperkt tot\""]),
                       Array(near.map { $0["id"] as! String }[1...2]))
        XCTAssertNil(hits(try json(["\"aansprakelijkheid beperkt tot\""])).first?["match"])
        let text = try termsearch(["search", "--index", try index(), "--near", "\"aansprakelijkheid beperkt tot\""])
        XCTAssertTrue(text.stdout.contains("[nl]  exact"), text.stdout)
        XCTAssertTrue(text.stdout.contains("[nl]  near"), text.stdout)
    }

    func testNearAndAdjOperators() throws {
        let near = hits(try json(["aansprakelijkheid NEAR/3 beperkt"]))
        XCTAssertFalse(near.isEmpty)
        for hit in near {
            let text = (hit["text"] as! String).lowercased()
            XCTAssertTrue(text.contains("aansprakelijkheid") && text.contains("beperkt"), text)
        }
        XCTAssertLessThan(near.count, try total(["aansprakelijkheid beperkt"]))
        XCTAssertGreaterThan(try total(["aansprakelijkheid ADJ/3 beperkt"]), 0)
    }

    func testUnquotedWordsCloseTogetherRankFirst() throws {
        // Every clause with the two words within NEAR/8 ranks above every clause where they are scattered.
        let close = try ids(["aansprakelijkheid NEAR/8 beperkt"])
        XCTAssertGreaterThan(close.count, 1)
        XCTAssertTrue(close.contains("klantassistent-algemene-voorwaarden#14.1"))
        let all = try ids(["aansprakelijkheid beperkt"])
        XCTAssertGreaterThan(all.count, close.count)
        XCTAssertEqual(Set(all.prefix(close.count)), Set(close))
    }

    // MARK: spelling

    func testMisspeltQueryGetsASuggestionFromTheIndex() throws {
        let object = try json(["aansprakelijkhied"])
        XCTAssertEqual(object["total"] as? Int, 0)
        XCTAssertEqual(object["suggestion"] as? String, "aansprakelijkheid")
        XCTAssertNil(try json(["aansprakelijkheid"])["suggestion"])
        let text = try termsearch(["search", "--index", try index(), "aansprakelijkhied"])
        XCTAssertTrue(text.stdout.contains("Did you mean: aansprakelijkheid"), text.stdout)
    }

    // MARK: formats

    func testJSONLinesHaveOneHitALine() throws {
        let run = try termsearch(["search", "--index", try index(), "--format", "jsonl", "--limit", "3", "schade"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let expected = hits(try json(["schade"], limit: 3))
        for (line, hit) in zip(lines, expected) {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(Set(object.keys), Set(hit.keys))
            XCTAssertEqual(object["id"] as? String, hit["id"] as? String)
        }
    }

    func testCSVIsRFC4180WithQuotedCommasAndNewlines() throws {
        let run = try termsearch(["search", "--index", try index(), "--format", "csv", "--limit", "50", "schade"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let records = try parseCSV(run.stdout)
        XCTAssertEqual(records.first, ["rank", "score", "id", "supplier", "document", "article", "clause", "heading",
                                       "language", "version", "topics", "snippet", "text"])
        XCTAssertEqual(records.count, 51)
        XCTAssertTrue(records.dropFirst().allSatisfy { $0.count == 13 })
        let texts = records.dropFirst().map { $0[12] }
        XCTAssertTrue(texts.contains { $0.contains(",") }, "a text with a comma survives")
        XCTAssertTrue(texts.contains { $0.contains("\n") }, "a text with a newline survives")
        let json = hits(try json(["schade"], limit: 50))
        XCTAssertEqual(records.dropFirst().map { $0[2] }, json.map { $0["id"] as! String })
        XCTAssertEqual(records.dropFirst().map { $0[12] }, json.map { $0["text"] as! String })
        XCTAssertFalse(records.dropFirst().contains { $0[11].contains("<em>") }, "plain snippets")
    }

    /// A strict RFC 4180 reader.
    func parseCSV(_ s: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = "", quoted = false
        var chars = Array(s.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                guard field.isEmpty else { throw NSError(domain: "csv", code: 1) }
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" {
                guard chars.popFirst() == "\n" else { throw NSError(domain: "csv", code: 2) }
                record.append(field); records.append(record); record = []; field = ""
            } else if c == "\n" {
                throw NSError(domain: "csv", code: 3, userInfo: [NSLocalizedDescriptionKey: "bare LF outside quotes"])
            } else { field.unicodeScalars.append(c) }
        }
        XCTAssertTrue(record.isEmpty && field.isEmpty, "ends with CRLF")
        return records
    }
}
