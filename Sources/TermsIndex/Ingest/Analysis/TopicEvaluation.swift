import Foundation

/// A clause with the topics a person assigned to it; one line of Tests/Fixtures/topics/labelled.jsonl.
public struct LabelledClause: Codable, Sendable, Equatable {
    /// Seed file name without extension.
    public var document: String
    /// The clause label ("14.1", "A.8.3") or the article number.
    public var clause: String
    /// The heading of the article the clause is in.
    public var articleHeading: String?
    /// The clause's own heading, if it has one.
    public var heading: String?
    /// The clause's language.
    public var language: Language
    /// The clause text as in the document.
    public var text: String
    /// The topics assigned by hand.
    public var topics: [Topic]
    /// "tune" or "heldout": held-out clauses are never looked at while tuning the cues.
    public var split: String?

    /// A labelled clause with every field given explicitly.
    public init(document: String, clause: String, articleHeading: String?, heading: String?, language: Language,
                text: String, topics: [Topic], split: String? = nil) {
        self.document = document
        self.clause = clause
        self.articleHeading = articleHeading
        self.heading = heading
        self.language = language
        self.text = text
        self.topics = topics
        self.split = split
    }
}

/// Precision and recall of a tagger against hand-labelled clauses.
public enum TopicEvaluation {
    /// Precision, recall and number of labelled occurrences for one topic.
    public typealias Figures = (precision: Double, recall: Double, support: Int)

    /// Per-topic figures; topics never labelled nor predicted are left out.
    public static func evaluate(tagger: TopicTagger, labelled: [LabelledClause]) -> [Topic: Figures] {
        counts(tagger: tagger, labelled: labelled).mapValues { c in
            (precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn), support: c.tp + c.fn)
        }
    }

    /// Micro-averaged precision and recall over all topics, and the number of labels.
    public static func microAverage(tagger: TopicTagger, labelled: [LabelledClause]) -> Figures {
        let all = counts(tagger: tagger, labelled: labelled).values
        let tp = all.map(\.tp).reduce(0, +), fp = all.map(\.fp).reduce(0, +), fn = all.map(\.fn).reduce(0, +)
        return (precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), support: tp + fn)
    }

    /// A Markdown table of per-topic figures plus the micro average.
    public static func table(tagger: TopicTagger, labelled: [LabelledClause]) -> String {
        let figures = evaluate(tagger: tagger, labelled: labelled)
        var lines = ["| topic | precision | recall | support |", "|---|---:|---:|---:|"]
        for topic in Topic.allCases {
            guard let f = figures[topic] else { continue }
            lines.append(String(format: "| %@ | %.2f | %.2f | %d |", topic.rawValue, f.precision, f.recall, f.support))
        }
        let m = microAverage(tagger: tagger, labelled: labelled)
        lines.append(String(format: "| **micro average** | **%.2f** | **%.2f** | %d |", m.precision, m.recall, m.support))
        return lines.joined(separator: "\n")
    }

    /// Parses JSON Lines of labelled clauses, skipping blank lines.
    public static func load(jsonLines: String) throws -> [LabelledClause] {
        let decoder = JSONDecoder()
        return try jsonLines.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try decoder.decode(LabelledClause.self, from: Data($0.utf8))
        }
    }

    struct Count { var tp = 0, fp = 0, fn = 0 }

    static func counts(tagger: TopicTagger, labelled: [LabelledClause]) -> [Topic: Count] {
        var counts: [Topic: Count] = [:]
        for clause in labelled {
            let predicted = Set(tagger.topics(heading: clause.heading, articleHeading: clause.articleHeading,
                                              text: clause.text, language: clause.language))
            let expected = Set(clause.topics)
            for t in predicted.union(expected) {
                var c = counts[t] ?? Count()
                switch (predicted.contains(t), expected.contains(t)) {
                case (true, true): c.tp += 1
                case (true, false): c.fp += 1
                case (false, true): c.fn += 1
                default: break
                }
                counts[t] = c
            }
        }
        return counts
    }

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
}
