import XCTest
@testable import TermsIndex

final class TopicTaggerTests: XCTestCase {
    let tagger = TopicTagger()

    func labelled() throws -> [LabelledClause] {
        let url = AnalysisFixtures.fixtures.appendingPathComponent("topics/labelled.jsonl")
        return try TopicEvaluation.load(jsonLines: String(contentsOf: url, encoding: .utf8))
    }

    /// Prints the per-topic table for the tuning part, the held-out part and all clauses; run with
    /// `swift test --filter TopicTaggerTests/testEvaluation` to regenerate the table in docs/topics.md.
    func testEvaluation() throws {
        let all = try labelled()
        let tune = all.filter { $0.split != "heldout" }
        let heldout = all.filter { $0.split == "heldout" }
        XCTAssertGreaterThanOrEqual(all.count, 150)
        for (name, part) in [("tuning part", tune), ("held-out part", heldout), ("all", all)] {
            print("### \(name) (\(part.count) clauses)\n" + TopicEvaluation.table(tagger: tagger, labelled: part) + "\n")
        }
        let micro = TopicEvaluation.microAverage(tagger: tagger, labelled: all)
        XCTAssertGreaterThanOrEqual(micro.precision, 0.75)
        XCTAssertGreaterThanOrEqual(micro.recall, 0.75)
        let tuned = TopicEvaluation.microAverage(tagger: tagger, labelled: tune)
        XCTAssertGreaterThanOrEqual(tuned.precision, 0.75)
        XCTAssertGreaterThanOrEqual(tuned.recall, 0.75)
        // Only the tuning part's errors are printed: the held-out part must stay unseen.
        if ProcessInfo.processInfo.environment["TOPIC_ERRORS"] != nil {
            for c in tune {
                let got = tagger.topics(heading: c.heading, articleHeading: c.articleHeading, text: c.text, language: c.language)
                if Set(got) != Set(c.topics) {
                    print("ERR \(c.document.prefix(8)) \(c.clause) [\(c.articleHeading ?? "")|\(c.heading ?? "")] want \(c.topics.map(\.rawValue)) got \(got.map(\.rawValue)) :: \(c.text.prefix(160))")
                }
            }
        }
    }

    func testFixtureCoversEverySeedAndTopic() throws {
        let all = try labelled()
        XCTAssertEqual(Set(all.map(\.document)).count, 5)
        XCTAssertEqual(Set(all.flatMap(\.topics)), Set(Topic.allCases))
        XCTAssertTrue(all.contains { $0.topics.isEmpty })
        XCTAssertTrue(all.contains { $0.topics.count >= 2 })
        XCTAssertTrue(all.contains { $0.language == .english })
    }

    func testCompoundsMatchWordParts() {
        let topics = tagger.topics(heading: nil, articleHeading: nil,
                                   text: "De productaansprakelijkheid en de aansprakelijkheidsverzekering van leverancier dekken geen gevolgschade.",
                                   language: .dutch)
        XCTAssertEqual(topics, [.aansprakelijkheid])
    }

    func testArticleHeadingSetsDefault() {
        let topics = tagger.topics(heading: nil, articleHeading: "Overmacht", text: "Partijen stellen elkaar onverwijld op de hoogte.", language: .dutch)
        XCTAssertEqual(topics, [.overmacht])
    }

    func testOwnHeadingReplacesArticleDefault() {
        let topics = tagger.topics(heading: "Klachtenprocedure", articleHeading: "GARANTIES",
                                   text: "Meldingen kunnen per e-mail worden gedaan; de ontvangst wordt binnen vijf werkdagen bevestigd.", language: .dutch)
        XCTAssertEqual(topics, [.klachten])
    }

    func testEnglishClause() {
        let topics = tagger.topics(heading: nil, articleHeading: "Disputes",
                                   text: "The agreements to which these general terms and conditions relate are governed exclusively by Dutch law.",
                                   language: .english)
        XCTAssertTrue(topics.contains(.toepasselijkRechtEnGeschillen))
    }

    func testLabelsAreDutch() {
        XCTAssertEqual(Topic.duurEnBeeindiging.label, "duur en beëindiging")
        XCTAssertEqual(Topic.toepasselijkRechtEnGeschillen.rawValue, "toepasselijk-recht-en-geschillen")
    }
}
